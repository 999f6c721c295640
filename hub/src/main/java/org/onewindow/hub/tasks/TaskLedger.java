package org.onewindow.hub.tasks;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.onewindow.adapters.kit.DepartmentAcknowledgement;
import org.onewindow.hub.cases.CaseCounts;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStatus;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskHold;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.cluster.HubInstances;
import org.onewindow.hub.persistence.GroupCommit;
import org.onewindow.hub.sharing.SharingRouter;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records what happens to tasks, as the department routes report it, and moves the case on: the next
 * bundle steps when their inputs are ready, the case's end when every task is done, a rejection or a
 * dead letter when one department fails it. Every method is safe to call twice with the same task:
 * a task that is no longer open is left alone (the status guard in each UPDATE is what keeps a redelivered
 * message from doing anything twice). Each method that records an answer is one unit of the next group commit; it
 * returns once that commit is durable, so the JMS message that caused it is acknowledged only then.
 */
@Component("taskLedger")
public class TaskLedger {

    private static final Logger log = LoggerFactory.getLogger(TaskLedger.class);
    private static final Set<CaseStatus> LIVE = EnumSet.of(CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS, CaseStatus.STUCK);

    private final CaseStore store;
    private final TaskDispatcher dispatcher;
    private final SharingRouter sharing;
    private final Clock clock;
    private final GroupCommit groupCommit;
    private final CaseCounts counts;
    private final HubInstances instances;
    /** Tasks an exchange of this hub is sending now: a second copy of one's message is dropped. */
    private final Set<String> heldHere = ConcurrentHashMap.newKeySet();

    TaskLedger(CaseStore store, TaskDispatcher dispatcher, SharingRouter sharing, Clock clock, GroupCommit groupCommit,
               CaseCounts counts, HubInstances instances) {
        this.instances = instances;
        this.counts = counts;
        this.groupCommit = groupCommit;
        this.store = store;
        this.dispatcher = dispatcher;
        this.sharing = sharing;
        this.clock = clock;
    }

    /**
     * The adapter is about to call the department: true when this hub may, having taken hold of the task (QUEUED or
     * SENT -> SENT, held by this run of this hub). The hold is one conditional update in the next group commit, waited for, so of
     * two copies of one task's message (the outbox sent it again while the first copy was still with the broker; a
     * task re-dispatched after its message seemed lost) only one calls the department, whichever hub consumes them.
     * A task SENT by this run in an exchange that ended without its outcome, or by a run that is gone (a hub killed, or
     * restarted since: cluster/HubInstances), is taken over and called again with the same idempotency key. False when
     * the task is no longer wanted (cancelled, acknowledged, decided) or is being sent by a live hub right now.
     */
    public boolean markSent(TaskMessage task, Exchange exchange) {
        TaskHold hold = store.hold(task.taskId()).orElse(null);
        if (hold == null || !(hold.status() == TaskStatus.QUEUED || hold.status() == TaskStatus.SENT)) {
            log.info("Task {} is {}; not sending it to {}", task.taskId(), hold == null ? "unknown" : hold.status(), task.department());
            return false;
        }
        if (hold.status() == TaskStatus.SENT && hold.heldBy() != null && !hold.heldBy().equals(instances.myRun())
                && !instances.isRunGone(hold.heldBy())) {
            log.info("Task {} is being sent to {} by hub run {}; this copy of its message is dropped", task.taskId(), task.department(),
                    hold.heldBy());
            return false;
        }
        if (!heldHere.add(task.taskId())) {
            log.info("Task {} is being sent to {} by this hub already; this copy of its message is dropped", task.taskId(),
                    task.department());
            return false;
        }
        boolean taken;
        try {
            taken = groupCommit.execute("task-sent", () -> held(task, hold, clock.instant()));
        } catch (RuntimeException e) {
            heldHere.remove(task.taskId());
            throw e;
        }
        if (!taken) {
            heldHere.remove(task.taskId());
            log.info("Task {} moved on before this hub could take it; not sending it", task.taskId());
            return false;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                heldHere.remove(task.taskId());
            }
        });
        if (hold.status() == TaskStatus.SENT) {
            log.info("Task {} taken over from {}: sending it to {} again with the same idempotency key", task.taskId(),
                    hold.heldBy() == null ? "no one" : hold.heldBy().equals(instances.myRun()) ? "this hub's earlier attempt"
                            : "a hub run that is gone (" + hold.heldBy() + ")",
                    task.department());
        }
        return true;
    }

    /** Whether an exchange of this hub is sending the task now. */
    boolean isHeldHere(String taskId) {
        return heldHere.contains(taskId);
    }

    private boolean held(TaskMessage task, TaskHold hold, Instant sentAt) {
        if (!store.holdTask(hold, instances.myRun(), sentAt)) {
            return false;
        }
        if (hold.status() == TaskStatus.QUEUED) {
            store.addEvent(task.caseId(), task.taskId(), CaseEventType.TASK_SENT, "sent to " + task.department(), sentAt);
            store.updateCaseStatus(task.caseId(), Set.of(CaseStatus.ACCEPTED), CaseStatus.IN_PROGRESS, null, sentAt);
        }
        return true;
    }

    /** What the department's call route returned: its decision. */
    public void recordReply(TaskMessage task, Object reply) {
        groupCommit.run("task-reply", () -> reply(task, reply));
    }

    private void reply(TaskMessage task, Object reply) {
        if (reply instanceof TaskOutcome outcome) {
            decided(task, outcome);
        } else if (reply instanceof DepartmentAcknowledgement acknowledgement) {
            acknowledged(task, acknowledgement);
        } else {
            throw new IllegalStateException("the call route of " + task.department() + " returned "
                    + (reply == null ? "nothing" : reply.getClass().getName()) + " for task " + task.taskId());
        }
    }

    /** The department took the task and will call back; a callback that came first has already decided it. */
    private void acknowledged(TaskMessage task, DepartmentAcknowledgement acknowledgement) {
        Instant now = clock.instant();
        // QUEUED too: should the unit that marks it SENT have failed, the acknowledgement still counts
        if (store.updateTask(task.taskId(), Set.of(TaskStatus.QUEUED, TaskStatus.SENT), TaskStatus.AWAITING_CALLBACK, null,
                acknowledgement.departmentRef(), null, now)) {
            store.addEvent(task.caseId(), task.taskId(), CaseEventType.TASK_ACKNOWLEDGED, task.department() + " accepted "
                    + task.itemCode() + " (" + acknowledgement.departmentRef() + "); its decision follows by callback", now);
        }
    }

    /** A department's callback decided a task. */
    public void recordCallback(String taskId, TaskOutcome outcome) {
        groupCommit.run("task-callback", () -> {
            TaskRecord task = store.findTask(taskId).orElseThrow(() -> new IllegalArgumentException("no task " + taskId));
            decided(new TaskMessage(task.taskId(), task.caseId(), task.department(), task.itemCode(), null, null, null), outcome);
        });
    }

    /** The department decided. */
    public void record(TaskMessage task, TaskOutcome outcome) {
        groupCommit.run("task-outcome", () -> decided(task, outcome));
    }

    private void decided(TaskMessage task, TaskOutcome outcome) {
        CaseRecord caseRecord = store.lockCase(task.caseId());
        Instant now = clock.instant();
        boolean completed = outcome.decision() == TaskOutcome.Decision.COMPLETED;
        TaskStatus status = completed ? TaskStatus.COMPLETED : TaskStatus.REJECTED;
        if (!store.updateTask(task.taskId(), TaskStatus.OPEN, status, outcome.reason(), outcome.departmentRef(),
                outcome.results(), now)) {
            log.info("Task {} already has its outcome; the repeated one is ignored", task.taskId());
            return;
        }
        if (completed) {
            store.addEvent(task.caseId(), task.taskId(), CaseEventType.TASK_COMPLETED,
                    task.department() + " completed " + task.itemCode() + ref(outcome), now);
            sharing.completed(caseRecord, task.taskId(), task.department(), task.itemCode(), outcome.results(), now);
            advance(caseRecord, now);
        } else {
            String reason = task.department() + " rejected " + task.itemCode() + ": " + outcome.reason();
            store.addEvent(task.caseId(), task.taskId(), CaseEventType.TASK_REJECTED, reason, now);
            cancelOpenTasks(caseRecord.caseId(), now);
            if (store.updateCaseStatus(caseRecord.caseId(), LIVE, CaseStatus.REJECTED, reason, now)) {
                store.addEvent(caseRecord.caseId(), null, CaseEventType.CASE_REJECTED, reason, now);
                counts.reached(caseRecord, CaseStatus.REJECTED);
            }
        }
    }

    /** Retries ran out, or the department's reply broke its contract: an operator must look at the case. */
    public void deadLetter(String taskId, String reason) {
        groupCommit.run("task-dead-letter", () -> deadLettered(taskId, reason));
    }

    private void deadLettered(String taskId, String reason) {
        TaskRecord task = store.findTask(taskId).orElse(null);
        if (task == null) {
            log.error("Dead letter for unknown task {}: {}", taskId, reason);
            return;
        }
        String caseId = task.caseId();
        String department = task.department();
        CaseRecord caseRecord = store.lockCase(caseId);
        Instant now = clock.instant();
        if (!store.updateTask(taskId, TaskStatus.OPEN, TaskStatus.DEAD_LETTERED, reason, null, null, now)) {
            log.info("Task {} is no longer open; its dead letter changes nothing", taskId);
            return;
        }
        String detail = "task " + taskId + " for " + department + " dead-lettered: " + reason;
        store.addEvent(caseId, taskId, CaseEventType.TASK_DEAD_LETTERED, detail, now);
        if (store.updateCaseStatus(caseRecord.caseId(), EnumSet.of(CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS),
                CaseStatus.STUCK, detail, now)) {
            store.addEvent(caseId, null, CaseEventType.CASE_STUCK, detail, now);
            counts.reached(caseRecord, CaseStatus.STUCK);
        }
    }

    /** Queues the waiting steps whose inputs are now all complete, and closes the case when nothing is left. */
    private void advance(CaseRecord caseRecord, Instant now) {
        List<TaskRecord> tasks = store.tasks(caseRecord.caseId());
        List<TaskRecord> done = tasks.stream().filter(t -> t.status() == TaskStatus.COMPLETED).toList();
        Set<String> doneSteps = Set.copyOf(done.stream().map(TaskRecord::stepId).toList());
        List<TaskRecord> ready = tasks.stream()
                .filter(t -> t.status() == TaskStatus.WAITING && doneSteps.containsAll(t.dependsOn())).toList();
        for (TaskRecord task : ready) {
            store.updateTask(task.taskId(), Set.of(TaskStatus.WAITING), TaskStatus.QUEUED, null, null, null, now);
        }
        if (!ready.isEmpty()) {
            dispatcher.dispatch(store.request(caseRecord), ready, done, now);
        }
        if (done.size() == tasks.size() && store.updateCaseStatus(caseRecord.caseId(), LIVE, CaseStatus.COMPLETED, null, now)) {
            store.addEvent(caseRecord.caseId(), null, CaseEventType.CASE_COMPLETED, "all " + tasks.size() + " task(s) completed", now);
            counts.reached(caseRecord, CaseStatus.COMPLETED);
        }
    }

    private void cancelOpenTasks(String caseId, Instant now) {
        for (TaskRecord task : store.tasks(caseId)) {
            if (store.updateTask(task.taskId(), EnumSet.of(TaskStatus.WAITING, TaskStatus.QUEUED), TaskStatus.CANCELLED,
                    "another department rejected the case", null, null, now)) {
                store.addEvent(caseId, task.taskId(), CaseEventType.TASK_CANCELLED, task.itemCode() + " for "
                        + task.department() + " will not be sent", now);
            }
        }
    }

    private TaskStatus currentStatus(TaskMessage task) {
        return store.findTask(task.taskId()).map(TaskRecord::status).orElse(null);
    }

    private static String ref(TaskOutcome outcome) {
        return outcome.departmentRef() == null ? "" : " (" + outcome.departmentRef() + ")";
    }
}
