package org.onewindow.hub.callbacks;

import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.hub.catalogue.WorkingDuration;
import org.onewindow.hub.tasks.TaskLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The callback deadline: a department that accepted a task must send its decision within onewindow.tasks.callback-deadline
 * (working time, so a task accepted on the eve of a holiday is not given up during it). Once that has passed, a
 * department that answers status queries is asked once more ({@link CallbackStatusQueries}): a decision is recorded as its
 * callback would have been; otherwise the task is dead-lettered with the reason and what the department answered, and
 * its case shows STUCK for an operator, never a case that waits forever. Run by the hub's scheduler
 * ({@link CallbackSchedule}: one hub of a cluster).
 */
@Component
public class CallbackDeadline {

    private final CaseStore cases;
    private final CallbackStatusQueries queries;
    private final TaskLedger ledger;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final WorkingDuration deadline;
    private final int batchSize;

    CallbackDeadline(CaseStore cases, CallbackStatusQueries queries, TaskLedger ledger, WorkingCalendar calendar, Clock clock,
                     @Value("${onewindow.tasks.callback-deadline}") String deadline,
                     @Value("${onewindow.tasks.status-query-batch-size}") int batchSize) {
        this.cases = cases;
        this.queries = queries;
        this.ledger = ledger;
        this.calendar = calendar;
        this.clock = clock;
        this.deadline = WorkingDuration.parse(deadline);
        this.batchSize = batchSize;
    }

    /** One check at the clock's now; the number of tasks dead-lettered. */
    public int expireOverdue() {
        return expireAcceptedBefore(calendar.minus(clock.instant(), deadline));
    }

    /**
     * Gives up the tasks whose department accepted them before {@code cutoff} and has not decided them, asking it once
     * more first where it answers status queries; the number of tasks dead-lettered.
     */
    public int expireAcceptedBefore(Instant cutoff) {
        List<TaskRecord> overdue = cases.tasksInStatusSince(TaskStatus.AWAITING_CALLBACK, cutoff, batchSize);
        int expired = 0;
        for (TaskRecord task : overdue) {
            String answered = "";
            if (queries.mayAsk(task.department())) {
                CallbackStatusQueries.Asked asked = queries.ask(new StatusQueryStore.AwaitingTask(task.taskId(), task.caseId(),
                        task.department(), task.itemCode(), task.updatedAt()));
                if (asked.result() == CallbackStatusQueries.Result.DECIDED) {
                    continue;
                }
                answered = "; asked once more, " + asked.detail();
            }
            ledger.deadLetter(task.taskId(), task.department() + " accepted the task at " + task.updatedAt()
                    + " and sent no decision by " + cutoff + answered);
            expired++;
        }
        return expired;
    }
}
