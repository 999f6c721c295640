package org.onewindow.hub.cases;

import org.onewindow.hub.access.AccessLog;
import org.onewindow.hub.access.DataKind;
import org.onewindow.hub.access.DataRead;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who may read a case (issue 11): the intake system that submitted it, the applicant with their holder token, and
 * operators, each of whose reads is written to the access log with their name and the reason they give. A
 * department's system reads its own tasks (GET /api/v1/departments/{department}/tasks/{taskId}), not whole cases.
 * Anyone else is refused 403 and nothing is shown.
 */
@Component
public class CaseReaders {

    private final CaseStore store;
    private final AccessLog accessLog;
    private final ServiceCatalogue catalogue;

    CaseReaders(CaseStore store, AccessLog accessLog, ServiceCatalogue catalogue) {
        this.store = store;
        this.accessLog = accessLog;
        this.catalogue = catalogue;
    }

    /**
     * The case, if this caller may read it.
     *
     * @param reason why an operator reads it (required of operators, logged); ignored for anyone else
     * @param what   what is read, for the access log, e.g. "case view" or "release"
     */
    public CaseRecord open(String caseId, Caller caller, String reason, String what) {
        java.util.Optional<CaseRecord> found = store.findCase(caseId);
        if (found.isEmpty()) {
            // only operators learn that a case does not exist: to anyone else an unknown id and another's case look alike
            throw caller.isOperator() ? notFound(caseId) : notYours(caseId, caller);
        }
        CaseRecord c = found.get();
        if (caller.kind() == Caller.Kind.HOLDER && caller.holderId().equals(c.applicantId())) {
            return c;
        }
        if (caller.isIntake() && caller.id().equals(c.submittedBy())) {
            return c;
        }
        if (caller.isOperator()) {
            DataRead read = new DataRead(caller.name(), c.applicantId(), DataKind.CASE, what + " of case " + caseId, reason, caseId);
            if (reason == null || reason.isBlank()) {
                accessLog.refuse(read, "refused: an operator gave no reason for reading the case");
                throw reasonRequired();
            }
            accessLog.record(read);
            return c;
        }
        throw notYours(caseId, caller);
    }

    /** 400 for an operator who states no reason for reading personal data. */
    public static ProblemException reasonRequired() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "purpose-required", "Personal data is read only for a stated purpose and case",
                "refused: an operator reads a case or notice only stating why, which the access log keeps",
                List.of(new Fault("reason", "required", "give the reason as ?reason=… or in the " + REASON_HEADER
                        + " header (percent-encoded UTF-8), e.g. 核查办件进度 ticket 4711")));
    }

    /**
     * The reason an operator gives: the {@code reason} query parameter, or the {@value #REASON_HEADER} header
     * (percent-encoded UTF-8, so that a Chinese reason survives HTTP's Latin-1 headers).
     */
    public static String reason(String parameter, String header) {
        String reason;
        if (parameter != null && !parameter.isBlank()) {
            reason = parameter.strip();
        } else if (header == null || header.isBlank()) {
            return null;
        } else {
            try {
                reason = java.net.URLDecoder.decode(header.strip(), java.nio.charset.StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException notEncoded) {
                reason = header.strip();
            }
        }
        if (reason.length() > MAX_REASON) {
            throw ProblemException.invalid(List.of(new Fault("reason", "too-long",
                    "is " + reason.length() + " characters; at most " + MAX_REASON)));
        }
        return reason;
    }

    /** The access log keeps a reason of up to this many characters. */
    public static final int MAX_REASON = 500;

    /** The header an operator may state the reason of a read in. */
    public static final String REASON_HEADER = "X-Access-Reason";

    /** True when the caller is the system of a department that has a task in the case (directly or as its carrier). */
    public boolean hasTaskFor(String caseId, Caller caller) {
        return !caller.departments().isEmpty() && store.tasks(caseId).stream()
                .anyMatch(t -> caller.departments().contains(t.department()) || caller.departments().contains(catalogue.carrier(t.department())));
    }

    /** True when the caller may read personal data for this case: the intake system that submitted it, or a department with a task in it. */
    public boolean entitled(String caseId, Caller caller) {
        return store.findCase(caseId).map(c -> (caller.isIntake() && caller.id().equals(c.submittedBy())) || hasTaskFor(caseId, caller))
                .orElse(false);
    }

    static ProblemException notFound(String caseId) {
        return new ProblemException(HttpStatus.NOT_FOUND, "case-not-found", "No such case", "There is no case " + caseId,
                List.of(new Fault("caseId", "not-found", caseId + " is not a case of this hub")));
    }

    static ProblemException notYours(String caseId, Caller caller) {
        return new ProblemException(HttpStatus.FORBIDDEN, "not-your-case", "Not a case of this caller",
                caller.name() + " may not read case " + caseId + ": only the intake system that submitted it, its applicant "
                        + "and operators (stating a reason) may",
                List.of(new Fault("caseId", "not-entitled", "is not a case this caller submitted or applied for")));
    }
}
