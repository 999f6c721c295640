package org.onewindow.hub.materials;

import org.onewindow.hub.cases.CaseReaders;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.licences.ReadEntitlements;
import org.onewindow.hub.security.Caller;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The cases and notices a caller may read personal data for, and whose data that is. */
@Component
class CaseParties implements ReadEntitlements {

    private final CaseStore cases;
    private final CaseReaders readers;
    private final NoticeStore notices;

    CaseParties(CaseStore cases, CaseReaders readers, NoticeStore notices) {
        this.cases = cases;
        this.readers = readers;
        this.notices = notices;
    }

    @Override
    public Optional<Set<String>> partiesFor(Caller caller, String caseOrNoticeId) {
        if (readers.entitled(caseOrNoticeId, caller)) {
            Set<String> parties = new TreeSet<>(cases.materialHolders(caseOrNoticeId));
            cases.findCase(caseOrNoticeId).ifPresent(c -> parties.add(c.applicantId()));
            return Optional.of(parties);
        }
        return notices.find(caseOrNoticeId).filter(notice -> caller.id().equals(notice.requestedBy()))
                .map(NoticeStore.GivenNotice::parties);
    }
}
