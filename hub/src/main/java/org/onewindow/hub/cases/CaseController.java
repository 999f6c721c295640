package org.onewindow.hub.cases;

import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** GET /api/v1/cases/{caseId}: status, one task per department step, and the timeline. */
@RestController
class CaseController {

    private final CaseStore store;

    CaseController(CaseStore store) {
        this.store = store;
    }

    @GetMapping(path = "/api/v1/cases/{caseId}", produces = "application/json")
    CaseView get(@PathVariable String caseId) {
        CaseRecord c = store.findCase(caseId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "case-not-found",
                "No such case", "There is no case " + caseId,
                List.of(new Fault("caseId", "not-found", caseId + " is not a case of this hub"))));
        List<CaseView.TaskView> tasks = store.tasks(caseId).stream().map(t -> new CaseView.TaskView(t.taskId(), t.stepId(),
                t.itemCode(), t.department(), t.status(), t.statusReason(), t.departmentRef(), t.dependsOn(), t.results(),
                t.updatedAt())).toList();
        List<CaseView.EventView> timeline = store.events(caseId).stream()
                .map(e -> new CaseView.EventView(e.occurredAt(), e.type(), e.taskId(), e.detail())).toList();
        return new CaseView(c.caseId(), c.itemCode(), c.bundleCode(), c.status(), c.statusReason(),
                new CaseView.ApplicantView(c.applicantKind(), c.applicantName(), IdentifierMask.mask(c.applicantId())),
                c.promisedBy(), c.createdAt(), c.updatedAt(), tasks, timeline, store.materials(caseId));
    }
}
