package org.onewindow.hub.cases;

import org.onewindow.hub.access.IdentifierMask;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A case as people read it (the intake's GET /api/v1/cases/{caseId}, the operator console's case page): its tasks with
 * their deadlines, the timeline, the materials and the waits. Every resident ID number and credit code in it is masked
 * (IdentifierMask). Whether the reader may see it is {@link CaseReaders}' business, decided before.
 */
@Component
public class CaseViews {

    private final CaseStore store;
    private final ApplicantWaitStore waits;
    private final WorkingCalendar calendar;
    private final Clock clock;

    CaseViews(CaseStore store, ApplicantWaitStore waits, WorkingCalendar calendar, Clock clock) {
        this.store = store;
        this.waits = waits;
        this.calendar = calendar;
        this.clock = clock;
    }

    public CaseView of(CaseRecord c) {
        String caseId = c.caseId();
        Instant now = clock.instant();
        List<CaseView.TaskView> tasks = store.tasks(caseId).stream().map(t -> new CaseView.TaskView(t.taskId(), t.stepId(),
                t.itemCode(), t.department(), t.status(), masked(t.statusReason()), masked(t.departmentRef()), t.dependsOn(),
                IdentifierMask.maskWithin(t.results()), t.updatedAt(), TaskDeadline.of(t, calendar, now))).toList();
        List<CaseView.EventView> timeline = store.events(caseId).stream()
                .map(e -> new CaseView.EventView(e.occurredAt(), e.type(), e.taskId(), masked(e.detail()))).toList();
        List<CaseView.MaterialView> materials = store.materials(caseId).stream().map(m -> new CaseView.MaterialView(m.stepId(),
                m.itemCode(), m.materialCode(), m.source(), m.holderMaskedId(), m.status(), masked(m.evidence()),
                masked(m.reference()), m.verifiedAt(), m.deferredUntil(), masked(m.reason()), masked(m.documentRef()))).toList();
        return new CaseView(c.caseId(), c.itemCode(), c.bundleCode(), c.status(), masked(c.statusReason()),
                new CaseView.ApplicantView(c.applicantKind(), c.applicantName(), IdentifierMask.mask(c.applicantId())),
                c.promisedBy(), c.createdAt(), c.updatedAt(), tasks, timeline, materials,
                waits.ofCase(caseId).stream().map(w -> new CaseView.WaitView(w.waitId(), w.taskId(), w.kind(), masked(w.subject()),
                        w.requestedBy(), w.dueBy(), w.startedAt(), w.endedAt(), w.stoppedMinutes(), masked(w.answer()))).toList());
    }

    private static String masked(String text) {
        return IdentifierMask.maskWithin(text);
    }
}
