package org.onewindow.hub.deadletters;

import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.departments.ConnectedDepartments;
import org.onewindow.hub.messaging.JmsQueues;
import org.onewindow.hub.operatoractions.OperatorAction;
import org.onewindow.hub.persistence.GroupCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stuck work an operator fixes (issue 14): the dead-lettered tasks of each department, with the reason and the failed
 * exchange, and what to do with them.
 * <ul>
 *   <li>{@link #replay} / {@link #replayAll}: the task is queued again through the normal path (the outbox, then the
 *       department's queue onewindow.tasks.&lt;department&gt;), with the same task id and so the same idempotency key
 *       towards the department; its case goes from STUCK back to IN_PROGRESS once none of its tasks is dead-lettered.
 *       A task is replayed at most once per dead letter: a second or concurrent replay finds it no longer dead-lettered
 *       and is refused, as is one whose case is final.</li>
 *   <li>{@link #discard}: the operator gives the task up with a reason: the task is DISCARDED, the case's other open
 *       or waiting tasks CANCELLED and the case TERMINATED (终止办理), which the province is told as the case's result.</li>
 * </ul>
 * Every replay and discard, done or refused, is audited (operatoractions/OperatorActionStore), and the task's parked
 * message leaves the dead-letter queue, so its depth falls. Departments are the connected ones
 * ({@link ConnectedDepartments#all()}); a department reached through another (market regulation through the
 * provincial platform) has its dead letters listed under that one, whose queue they were on.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /** At most this many dead letters are read per list; the oldest first. */
    static final int LIST_LIMIT = 1000;

    private final CaseStore cases;
    private final DeadLetterActions actions;
    private final GroupCommit groupCommit;
    private final JmsQueues queues;
    private final ConnectedDepartments connected;
    private final ServiceCatalogue catalogue;
    private final Clock clock;
    private final String deadLetterQueue;

    DeadLetters(CaseStore cases, DeadLetterActions actions, GroupCommit groupCommit, JmsQueues queues,
                ConnectedDepartments connected, ServiceCatalogue catalogue, Clock clock,
                @Value("${onewindow.tasks.dead-letter-address}") String deadLetterQueue) {
        this.cases = cases;
        this.actions = actions;
        this.groupCommit = groupCommit;
        this.queues = queues;
        this.connected = connected;
        this.catalogue = catalogue;
        this.clock = clock;
        this.deadLetterQueue = deadLetterQueue;
    }

    /**
     * The department's dead-lettered tasks, oldest first, each with its parked message when there is one.
     *
     * @throws IllegalArgumentException for a department the hub is not connected to (the message says which are)
     */
    public List<DeadLetter> list(String department) {
        requireConnected(department);
        List<TaskRecord> tasks = deadLettered(department);
        Map<String, JmsQueues.Browsed> parked = queues.browse(deadLetterQueue, tasks.stream().map(TaskRecord::taskId).toList());
        return tasks.stream().map(task -> {
            JmsQueues.Browsed message = parked.get(task.taskId());
            return new DeadLetter(task.taskId(), task.caseId(), task.department(), task.itemCode(), task.statusReason(),
                    task.updatedAt(), message == null ? null : retries(message), message == null ? null : message.body());
        }).toList();
    }

    /** Dead-lettered tasks per connected department (every one of them, 0 included). */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        connected.all().forEach(department -> counts.put(department, 0L));
        cases.countTasksByDepartment(TaskStatus.DEAD_LETTERED)
                .forEach((department, count) -> counts.merge(catalogue.carrier(department), count, Long::sum));
        return counts;
    }

    /**
     * Replays these tasks, each on its own (one refused does not stop the others), in the order given; a task id given
     * twice is replayed once.
     *
     * @return one result per distinct task id: REPLAYED, or REFUSED with the reason
     * @throws IllegalArgumentException when no operator is named
     */
    public List<TaskActionResult> replay(List<String> taskIds, String operator) {
        requireOperator(operator);
        List<TaskActionResult> results = new ArrayList<>();
        for (String taskId : new LinkedHashSet<>(taskIds)) {
            results.add(groupCommit.execute("task-replay", () -> actions.replay(taskId, operator.strip(), clock.instant())));
        }
        removeParked(results.stream().filter(TaskActionResult::done).map(TaskActionResult::taskId).toList());
        log.info("{} replayed {} of {} dead-lettered task(s)", operator.strip(), results.stream().filter(TaskActionResult::done).count(),
                results.size());
        return results;
    }

    /**
     * Replays every dead-lettered task of the department (once it is back), oldest first.
     *
     * @throws IllegalArgumentException for a department the hub is not connected to, or when no operator is named
     */
    public List<TaskActionResult> replayAll(String department, String operator) {
        requireConnected(department);
        return replay(deadLettered(department).stream().map(TaskRecord::taskId).toList(), operator);
    }

    /**
     * Gives a dead-lettered task up: the task is DISCARDED, its case TERMINATED (终止办理) with the reason, the case's other
     * open or waiting tasks CANCELLED. Refused (nothing changes) without a reason, for a task that is not dead-lettered,
     * or one whose case is final already.
     *
     * @throws IllegalArgumentException when no operator is named
     */
    public TaskActionResult discard(String taskId, String reason, String operator) {
        requireOperator(operator);
        DeadLetterActions.Discarded discarded = groupCommit.execute("task-discard",
                () -> actions.discard(taskId, reason, operator.strip(), clock.instant()));
        removeParked(discarded.parkedToRemove());
        if (discarded.result().done()) {
            log.info("{} discarded task {} and terminated case {}", operator.strip(), taskId, discarded.result().caseId());
        }
        return discarded.result();
    }

    /** Dead-lettered tasks of the department and of those reached through it, oldest first. */
    private List<TaskRecord> deadLettered(String department) {
        return cases.tasksInStatus(TaskStatus.DEAD_LETTERED, LIST_LIMIT).stream()
                .filter(task -> department.equals(catalogue.carrier(task.department()))).toList();
    }

    /**
     * The parked messages of tasks no longer dead-lettered leave the dead-letter queue. After the commit: should the
     * broker fail now, the message stays parked, but the task is not listed again (the list reads the task's status).
     */
    private void removeParked(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return;
        }
        try {
            queues.take(deadLetterQueue, taskIds);
        } catch (RuntimeException e) {
            log.warn("Could not remove {} parked message(s) from {}: {}", taskIds.size(), deadLetterQueue, e.getMessage());
        }
    }

    private static Integer retries(JmsQueues.Browsed message) {
        return message.properties().get("Retries") instanceof Number n ? n.intValue() : null;
    }

    private void requireConnected(String department) {
        connected.require(department);
    }

    private static void requireOperator(String operator) {
        OperatorAction.requireOperator(operator);
    }
}
