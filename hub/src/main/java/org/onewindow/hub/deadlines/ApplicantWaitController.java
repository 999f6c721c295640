package org.onewindow.hub.deadlines;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.onewindow.hub.callbacks.DepartmentTasks;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.cases.ApplicantWait;
import org.onewindow.hub.cases.ApplicantWaitStore;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.persistence.GroupCommit;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.problems.StrictJson;
import org.onewindow.hub.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The applicant's waits through the API:
 * <ul>
 *   <li>POST /api/v1/departments/{department}/tasks/{taskId}/corrections: the department asks the applicant for a
 *       correction (补正) of its own open task; the task's clock stops (201).</li>
 *   <li>POST /api/v1/cases/{caseId}/waits/{waitId}/answer: the intake system that submitted the case records that the
 *       applicant answered (brought the deferred material, made the correction); the clock runs again (200). A wait
 *       answered already is 409.</li>
 * </ul>
 */
@RestController
class ApplicantWaitController {

    private final CaseStore store;
    private final ApplicantWaitStore waitStore;
    private final ApplicantWaits waits;
    private final ServiceCatalogue catalogue;
    private final StrictJson json;
    private final GroupCommit groupCommit;
    private final Clock clock;

    ApplicantWaitController(CaseStore store, ApplicantWaitStore waitStore, ApplicantWaits waits, ServiceCatalogue catalogue,
                            StrictJson json, GroupCommit groupCommit, Clock clock) {
        this.store = store;
        this.waitStore = waitStore;
        this.waits = waits;
        this.catalogue = catalogue;
        this.json = json;
        this.groupCommit = groupCommit;
        this.clock = clock;
    }

    /** What a department asks the applicant to correct or complete. */
    record CorrectionRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** The applicant's answer as the window records it; optional. */
    record WaitAnswer(@Size(max = 500) String answer) {
    }

    @PostMapping(path = "/api/v1/departments/{department}/tasks/{taskId}/corrections", consumes = "application/json",
            produces = "application/json")
    ResponseEntity<ApplicantWait> requestCorrection(@PathVariable String department, @PathVariable String taskId,
                                                    @RequestBody(required = false) byte[] body) {
        CorrectionRequest request = json.read(body, CorrectionRequest.class, "a correction request");
        DepartmentTasks.own(store, catalogue, department, taskId);
        ApplicantWait wait = groupCommit.execute("correction-requested", () -> {
            TaskRecord current = store.findTask(taskId).orElseThrow();
            if (!TaskStatus.OPEN.contains(current.status()) || current.clock() == null) {
                throw new ProblemException(HttpStatus.CONFLICT, "task-not-open", "The task is not open",
                        "Task " + taskId + " is " + current.status() + "; a correction can only be asked for a task the department is processing",
                        List.of(new Fault("taskId", "not-open", "is " + current.status())));
            }
            return waits.requestCorrection(current, department, request.reason(), clock.instant());
        });
        return ResponseEntity.created(URI.create("/api/v1/cases/" + wait.caseId() + "/waits/" + wait.waitId())).body(wait);
    }

    @PostMapping(path = "/api/v1/cases/{caseId}/waits/{waitId}/answer", consumes = "application/json", produces = "application/json")
    ApplicantWait answer(@PathVariable String caseId, @PathVariable long waitId, Caller caller,
                         @RequestBody(required = false) byte[] body) {
        WaitAnswer answer = json.read(body, WaitAnswer.class, "an answer");
        CaseRecord caseRecord = store.findCase(caseId).filter(c -> caller.id().equals(c.submittedBy()))
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "not-your-case", "Not a case of this caller",
                        caller.name() + " may not answer for case " + caseId + ": only the intake system that submitted it may",
                        List.of(new Fault("caseId", "not-entitled", "is not a case this caller submitted"))));
        ApplicantWait wait = waitStore.find(waitId).filter(w -> w.caseId().equals(caseRecord.caseId()))
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "wait-not-found", "No such wait",
                        "Case " + caseId + " has no wait " + waitId, List.of(new Fault("waitId", "not-found", "is not a wait of this case"))));
        return groupCommit.execute("applicant-answered", () -> waits.answer(wait, answer.answer(), caller.name(), clock.instant()))
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "wait-answered", "The wait was answered already",
                        "Wait " + waitId + " of case " + caseId + " was answered already; the clock runs",
                        List.of(new Fault("waitId", "answered", "was answered already"))));
    }
}
