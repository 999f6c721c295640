package org.onewindow.hub.evaluations;

import org.onewindow.hub.cases.CaseEventListener;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.hub.catalogue.WorkingDuration;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * When a case completes, in the transaction that records it: its evaluation invitation (one row), sent later by the
 * evaluation round, and the moment its default rating falls due. One insert on a completed case's path.
 */
@Component
class EvaluationInvitations implements CaseEventListener {

    private final InvitationStore invitations;
    private final WorkingCalendar calendar;
    private final WorkingDuration defaultAfter;

    EvaluationInvitations(InvitationStore invitations, WorkingCalendar calendar, EvaluationProperties properties) {
        this.invitations = invitations;
        this.calendar = calendar;
        this.defaultAfter = WorkingDuration.parse(properties.defaultAfter());
    }

    @Override
    public void recorded(List<CaseStore.NewEvent> events) {
        for (CaseStore.NewEvent event : events) {
            if (event.type() == CaseEventType.CASE_COMPLETED) {
                invitations.insert(event.caseId(), event.at(), calendar.plus(event.at(), defaultAfter));
            }
        }
    }
}
