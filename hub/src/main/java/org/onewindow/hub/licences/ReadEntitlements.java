package org.onewindow.hub.licences;

import org.onewindow.hub.security.Caller;

import java.util.Optional;
import java.util.Set;

/**
 * Whose personal data a caller may have read for a stated case (issue 11): implemented where cases and notices
 * are known (the materials feature), asked before an e-licence is read for a caller.
 */
public interface ReadEntitlements {

    /**
     * The parties (full ID numbers and credit codes of the applicant and every material holder) of the case or
     * notice {@code caseOrNoticeId}, when the caller is entitled to read their data for it: the intake system that
     * submitted the case or asked for the notice, or a department with a task in the case. Empty otherwise.
     */
    Optional<Set<String>> partiesFor(Caller caller, String caseOrNoticeId);
}
