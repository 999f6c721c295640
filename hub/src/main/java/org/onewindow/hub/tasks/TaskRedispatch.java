package org.onewindow.hub.tasks;

import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskHold;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.cluster.HubInstances;
import org.onewindow.hub.messaging.JmsQueues;
import org.onewindow.hub.outbox.Outbox;
import org.onewindow.hub.persistence.GroupCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The database is the record of what must happen; the broker only carries it. A task QUEUED, or SENT by a hub that
 * is gone (cluster/HubInstances), that has not moved for {@code onewindow.tasks.redispatch.after}, whose message is
 * neither waiting in the outbox nor on its department's queue, has lost its message: the broker lost or damaged its
 * journal, was restored from a backup, or dropped a message that crashed its consumers. Its message is sent again
 * through the outbox, built as the first one was, with the same idempotency key (the task id), and the case's timeline
 * says so (TASK_RESENT). A task found lost {@code max} times is dead-lettered for an operator instead.
 *
 * <p>Run by one hub of a cluster at a time (db-scheduler, {@link TaskRedispatchSchedule}). A copy sent while the first
 * one was in fact still somewhere (a broker cluster whose other node holds it; a consumer that had just taken it) is
 * harmless: only one copy's consumer takes hold of the task (TaskLedger.markSent).
 */
@Component
public class TaskRedispatch {

    private static final Logger log = LoggerFactory.getLogger(TaskRedispatch.class);

    private final CaseStore store;
    private final Outbox outbox;
    private final JmsQueues queues;
    private final HubInstances instances;
    private final TaskLedger ledger;
    private final TaskDispatcher dispatcher;
    private final ServiceCatalogue catalogue;
    private final GroupCommit groupCommit;
    private final Clock clock;
    private final Duration after;
    private final int max;
    private final int batchSize;
    /** the last task the last round looked at (null: the next round starts with the oldest) */
    private final AtomicReference<TaskHold> lookedAt = new AtomicReference<>();

    TaskRedispatch(CaseStore store, Outbox outbox, JmsQueues queues, HubInstances instances, TaskLedger ledger,
                   TaskDispatcher dispatcher, ServiceCatalogue catalogue, GroupCommit groupCommit, Clock clock,
                   @Value("${onewindow.tasks.redispatch.after}") Duration after,
                   @Value("${onewindow.tasks.redispatch.max}") int max,
                   @Value("${onewindow.tasks.redispatch.batch-size}") int batchSize) {
        this.store = store;
        this.outbox = outbox;
        this.queues = queues;
        this.instances = instances;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.catalogue = catalogue;
        this.groupCommit = groupCommit;
        this.clock = clock;
        this.after = after;
        this.max = max;
        this.batchSize = batchSize;
    }

    /** One round: finds the tasks whose message is lost and sends each again; how many were sent again. */
    public int round() {
        return round(after);
    }

    /** A round over the tasks unchanged for {@code unchangedFor}. */
    int round(Duration unchangedFor) {
        return round(unchangedFor, batchSize);
    }

    /**
     * A round over the next {@code pageSize} tasks unchanged for {@code unchangedFor}, after those the last round
     * looked at: a backlog waiting legitimately on a queue (a department down for an hour) longer than a page does not
     * hide a lost message behind it for good. After the last page the next round starts again from the oldest.
     */
    int round(Duration unchangedFor, int pageSize) {
        Instant now = clock.instant();
        List<TaskHold> page = store.openSince(now.minus(unchangedFor), lookedAt.get(), pageSize);
        lookedAt.set(page.size() < pageSize ? null : page.get(page.size() - 1));
        List<TaskHold> suspects = page.stream().filter(this::nobodyHolds).toList();
        if (suspects.isEmpty()) {
            return 0;
        }
        Map<String, List<TaskHold>> byQueue = new LinkedHashMap<>();
        Map<String, TaskRecord> tasks = new LinkedHashMap<>();
        for (TaskHold hold : suspects) {
            if (outbox.holds(hold.taskId())) {
                continue; // still to be relayed: the broker may be down, the relay will send it
            }
            store.findTask(hold.taskId()).ifPresent(task -> {
                tasks.put(task.taskId(), task);
                byQueue.computeIfAbsent(queue(task), q -> new ArrayList<>()).add(hold);
            });
        }
        int resent = 0;
        for (Map.Entry<String, List<TaskHold>> queue : byQueue.entrySet()) {
            // a broker that cannot be browsed now fails the round: nothing is sent again on a guess
            Set<String> onQueue = queues.browse(queue.getKey(), queue.getValue().stream().map(TaskHold::taskId).toList()).keySet();
            for (TaskHold hold : queue.getValue()) {
                if (!onQueue.contains(hold.taskId()) && resend(tasks.get(hold.taskId()), hold)) {
                    resent++;
                }
            }
        }
        if (resent > 0) {
            log.warn("Sent {} task message(s) again: each was due and neither in the outbox nor on its queue", resent);
        }
        return resent;
    }

    /** QUEUED, or SENT by no live sender: not held in this run, nor by the current run of a hub still beating. */
    private boolean nobodyHolds(TaskHold hold) {
        if (hold.status() == TaskStatus.QUEUED) {
            return true;
        }
        if (hold.heldBy() != null && hold.heldBy().equals(instances.myRun())) {
            return !ledger.isHeldHere(hold.taskId());
        }
        return instances.isRunGone(hold.heldBy());
    }

    private boolean resend(TaskRecord task, TaskHold hold) {
        int sentAgain = store.redispatches(task.taskId());
        if (sentAgain >= max) {
            ledger.deadLetter(task.taskId(), "its message was lost " + sentAgain + " times after it was sent again; "
                    + "look at the broker (a message that crashes its consumers goes to its dead-letter queue)");
            return false;
        }
        return groupCommit.execute("task-redispatch", () -> {
            Instant now = clock.instant();
            if (!store.redispatched(hold, now)) {
                return false; // it moved meanwhile: a consumer took it
            }
            CaseRecord caseRecord = store.findCase(task.caseId()).orElseThrow();
            List<TaskRecord> completed = store.tasks(task.caseId()).stream().filter(t -> t.status() == TaskStatus.COMPLETED).toList();
            dispatcher.send(store.request(caseRecord), task, completed);
            store.addEvent(task.caseId(), task.taskId(), CaseEventType.TASK_RESENT, "its message to " + task.department()
                    + " was lost (" + (hold.status() == TaskStatus.SENT ? "sent by hub run " + hold.heldBy() + ", which is gone"
                    : "queued " + hold.updatedAt()) + "); sent again with the same idempotency key", now);
            return true;
        });
    }

    private String queue(TaskRecord task) {
        return TaskDispatcher.QUEUE_PREFIX + catalogue.carrier(task.department());
    }
}
