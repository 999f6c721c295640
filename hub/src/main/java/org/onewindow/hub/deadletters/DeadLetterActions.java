package org.onewindow.hub.deadletters;

import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStatus;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.operatoractions.OperatorAction;
import org.onewindow.hub.operatoractions.OperatorActionStore;
import org.onewindow.hub.tasks.TaskDispatcher;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The database side of a replay or a discard of one task: each is one unit of work (the caller runs it in a group
 * commit), so the task's and case's changes, the timeline events, the message in the outbox and the audit row commit
 * together or not at all. The guard is the conditional update DEAD_LETTERED → QUEUED / DISCARDED: of two replays of one
 * task, on one hub or two, only one finds it still dead-lettered; the case row lock orders the changes of one case.
 */
@Component
class DeadLetterActions {

    private static final Set<CaseStatus> LIVE = EnumSet.of(CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS, CaseStatus.STUCK);
    private static final Set<TaskStatus> STILL_TO_DO = EnumSet.of(TaskStatus.WAITING, TaskStatus.QUEUED, TaskStatus.SENT,
            TaskStatus.AWAITING_CALLBACK, TaskStatus.DEAD_LETTERED);

    private final CaseStore cases;
    private final TaskDispatcher dispatcher;
    private final OperatorActionStore audit;

    DeadLetterActions(CaseStore cases, TaskDispatcher dispatcher, OperatorActionStore audit) {
        this.cases = cases;
        this.dispatcher = dispatcher;
        this.audit = audit;
    }

    /** What a discard changed: its result, and the dead-lettered tasks whose parked messages are to go. */
    record Discarded(TaskActionResult result, List<String> parkedToRemove) {
    }

    TaskActionResult replay(String taskId, String operator, Instant now) {
        TaskRecord task = cases.findTask(taskId).orElse(null);
        if (task == null) {
            return refused(OperatorAction.Kind.REPLAY, taskId, null, null, operator, null, now, "there is no task " + taskId);
        }
        CaseRecord caseRecord = cases.lockCase(task.caseId());
        if (caseRecord.status().isFinal()) {
            return refused(OperatorAction.Kind.REPLAY, taskId, task, caseRecord, operator, null, now, "its case " + caseRecord.caseId()
                    + " is " + caseRecord.status() + " already; nothing is sent");
        }
        if (!cases.updateTask(taskId, Set.of(TaskStatus.DEAD_LETTERED), TaskStatus.QUEUED, null, null, null, now)) {
            return refused(OperatorAction.Kind.REPLAY, taskId, task, caseRecord, operator, null, now, notDeadLettered(taskId));
        }
        String detail = "replayed by " + operator + ": queued again for " + task.department() + " with the same idempotency key";
        cases.addEvent(task.caseId(), taskId, CaseEventType.TASK_REPLAYED, detail, now);
        List<TaskRecord> all = cases.tasks(task.caseId());
        dispatcher.dispatch(cases.request(caseRecord), List.of(task),
                all.stream().filter(t -> t.status() == TaskStatus.COMPLETED).toList(), now);
        boolean stillStuck = all.stream().anyMatch(t -> t.status() == TaskStatus.DEAD_LETTERED);
        if (!stillStuck && cases.updateCaseStatus(task.caseId(), Set.of(CaseStatus.STUCK), CaseStatus.IN_PROGRESS, null, now)) {
            cases.addEvent(task.caseId(), null, CaseEventType.CASE_RESUMED, "no task is dead-lettered any more; in progress again", now);
        }
        audit.add(action(OperatorAction.Kind.REPLAY, task, operator, null, OperatorAction.Outcome.DONE, detail, now));
        return new TaskActionResult(taskId, task.caseId(), TaskActionResult.Outcome.REPLAYED, detail);
    }

    Discarded discard(String taskId, String reason, String operator, Instant now) {
        TaskRecord task = cases.findTask(taskId).orElse(null);
        if (task == null) {
            return new Discarded(refused(OperatorAction.Kind.DISCARD, taskId, null, null, operator, reason, now,
                    "there is no task " + taskId), List.of());
        }
        if (reason == null || reason.isBlank()) {
            return new Discarded(refused(OperatorAction.Kind.DISCARD, taskId, task, null, operator, reason, now,
                    "a reason is required to discard a task: it becomes the reason the case was terminated"), List.of());
        }
        CaseRecord caseRecord = cases.lockCase(task.caseId());
        if (caseRecord.status().isFinal()) {
            return new Discarded(refused(OperatorAction.Kind.DISCARD, taskId, task, caseRecord, operator, reason, now, "its case "
                    + caseRecord.caseId() + " is " + caseRecord.status() + " already"), List.of());
        }
        String why = "discarded by " + operator + ": " + reason.strip();
        if (!cases.updateTask(taskId, Set.of(TaskStatus.DEAD_LETTERED), TaskStatus.DISCARDED, why, null, null, now)) {
            return new Discarded(refused(OperatorAction.Kind.DISCARD, taskId, task, caseRecord, operator, reason, now,
                    notDeadLettered(taskId)), List.of());
        }
        cases.addEvent(task.caseId(), taskId, CaseEventType.TASK_DISCARDED, task.itemCode() + " for " + task.department() + " " + why, now);
        List<String> parked = new ArrayList<>(List.of(taskId));
        for (TaskRecord other : cases.tasks(task.caseId())) {
            if (!other.taskId().equals(taskId) && cases.updateTask(other.taskId(), STILL_TO_DO, TaskStatus.CANCELLED,
                    "the case was terminated: " + why, null, null, now)) {
                cases.addEvent(task.caseId(), other.taskId(), CaseEventType.TASK_CANCELLED, other.itemCode() + " for "
                        + other.department() + " will not be sent: the case was terminated", now);
                if (other.status() == TaskStatus.DEAD_LETTERED) {
                    parked.add(other.taskId());
                }
            }
        }
        if (cases.updateCaseStatus(task.caseId(), LIVE, CaseStatus.TERMINATED, "terminated (终止办理): " + why, now)) {
            cases.addEvent(task.caseId(), null, CaseEventType.CASE_TERMINATED, "terminated (终止办理): " + why, now);
        }
        String detail = "task discarded, case " + task.caseId() + " terminated";
        audit.add(action(OperatorAction.Kind.DISCARD, task, operator, reason, OperatorAction.Outcome.DONE, detail, now));
        return new Discarded(new TaskActionResult(taskId, task.caseId(), TaskActionResult.Outcome.DISCARDED, detail), parked);
    }

    private String notDeadLettered(String taskId) {
        TaskStatus now = cases.findTask(taskId).map(TaskRecord::status).orElse(null);
        return "the task is " + now + ", not dead-lettered: it was replayed or discarded already, or never failed";
    }

    private TaskActionResult refused(OperatorAction.Kind kind, String taskId, TaskRecord task, CaseRecord caseRecord, String operator,
                                     String reason, Instant now, String why) {
        audit.add(new OperatorAction(0, now, operator, kind, task == null ? null : task.department(), taskId,
                task == null ? null : task.caseId(), reason, OperatorAction.Outcome.REFUSED, why));
        return new TaskActionResult(taskId, task == null ? null : task.caseId(), TaskActionResult.Outcome.REFUSED, why);
    }

    private static OperatorAction action(OperatorAction.Kind kind, TaskRecord task, String operator, String reason,
                                         OperatorAction.Outcome outcome, String detail, Instant now) {
        return new OperatorAction(0, now, operator, kind, task.department(), task.taskId(), task.caseId(), reason, outcome, detail);
    }
}
