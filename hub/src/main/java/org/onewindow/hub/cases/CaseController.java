package org.onewindow.hub.cases;

import org.onewindow.hub.access.IdentifierMask;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.hub.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * GET /api/v1/cases/{caseId}: status, one task per department step, and the timeline; for the intake system that
 * submitted the case, its applicant, and operators stating a reason ({@link CaseReaders}). Every resident ID number
 * and credit code it shows is masked (IdentifierMask): the applicant's, and any in a task's results, reasons and
 * references, the timeline or the materials (the newborn's ID number of the birth bundle, a new company's credit
 * code). The release (ReleaseController), the document the window hands over to the applicant, keeps them whole.
 */
@RestController
class CaseController {

    private final CaseStore store;
    private final CaseReaders readers;
    private final ApplicantWaitStore waits;
    private final WorkingCalendar calendar;
    private final Clock clock;

    CaseController(CaseStore store, CaseReaders readers, ApplicantWaitStore waits, WorkingCalendar calendar, Clock clock) {
        this.store = store;
        this.readers = readers;
        this.waits = waits;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/cases/{caseId}", produces = "application/json")
    CaseView get(@PathVariable String caseId, Caller caller, @RequestParam(required = false) String reason,
                 @RequestHeader(name = CaseReaders.REASON_HEADER, required = false) String reasonHeader) {
        CaseRecord c = readers.open(caseId, caller, CaseReaders.reason(reason, reasonHeader), "case view");
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
