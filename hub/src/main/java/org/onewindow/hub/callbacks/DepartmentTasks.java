package org.onewindow.hub.callbacks;

import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GET /api/v1/departments/{department}/tasks/{taskId}: a department's system reads one of its own tasks (its status
 * at the hub, the reference and results the hub recorded), e.g. to reconcile after an outage. Only with the
 * department's own token, only its own tasks: another department's task is 403.
 */
@RestController
public class DepartmentTasks {

    private final CaseStore store;
    private final ServiceCatalogue catalogue;

    DepartmentTasks(CaseStore store, ServiceCatalogue catalogue) {
        this.store = store;
        this.catalogue = catalogue;
    }

    record DepartmentTask(String taskId, String caseId, String stepId, String itemCode, String department, TaskStatus status,
                          String statusReason, String departmentRef, Map<String, String> results, Instant updatedAt) {
    }

    @GetMapping(path = "/api/v1/departments/{department}/tasks/{taskId}", produces = "application/json")
    DepartmentTask task(@PathVariable String department, @PathVariable String taskId) {
        TaskRecord t = own(store, catalogue, department, taskId);
        return new DepartmentTask(t.taskId(), t.caseId(), t.stepId(), t.itemCode(), t.department(), t.status(), t.statusReason(),
                t.departmentRef(), t.results(), t.updatedAt());
    }

    /** The task, if it is the department's (directly, or carried by it for another): 404 if none, 403 if another's. */
    public static TaskRecord own(CaseStore store, ServiceCatalogue catalogue, String department, String taskId) {
        TaskRecord task = store.findTask(taskId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "task-not-found",
                "No such task", "There is no task " + taskId, List.of(new Fault("taskId", "not-found", taskId + " is not a task of this hub"))));
        if (!catalogue.carrier(task.department()).equals(department)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "not-your-task", "Not a task of this department",
                    "Task " + taskId + " is not a task of " + department + "; a department reads and answers only its own tasks",
                    List.of(new Fault("taskId", "not-entitled", taskId + " is not a task of " + department)));
        }
        return task;
    }
}
