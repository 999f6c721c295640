package org.onewindow.hub.cases;

import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.schemas.catalogue.TimeLimit;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a task stands against its deadline (办理时限), as a case shows it.
 *
 * @param promisedWorkingDays     the item's promised time limit (承诺时限) in whole working days: a limit in working hours
 *                                as the working days it can reach into (rounded up)
 * @param promisedLimit           the item's promised time limit as the catalogue states it, in working days or hours
 * @param deadline                the deadline now; while the clock stands still it moves on with the waiting time
 * @param clockStopped            true while the case waits for the applicant
 * @param stoppedWorkingMinutes   working minutes the clock has stood still so far
 * @param remainingWorkingMinutes working minutes left (negative: overdue by that much); for a finished task, what was
 *                                left when it finished
 * @param remaining               the same in words: "1 working day 2 h 5 min left", "overdue by 3 h"
 */
public record TaskDeadline(int promisedWorkingDays, TimeLimit promisedLimit, Instant deadline, boolean clockStopped, long stoppedWorkingMinutes,
                           long remainingWorkingMinutes, boolean overdue, String remaining) {

    private static final Set<TaskStatus> FINISHED = EnumSet.of(TaskStatus.COMPLETED, TaskStatus.REJECTED, TaskStatus.CANCELLED,
            TaskStatus.DISCARDED);

    /** Null for a task stored before deadlines were kept. */
    public static TaskDeadline of(TaskRecord task, WorkingCalendar calendar, Instant now) {
        TaskRecord.TaskClock clock = task.clock();
        if (clock == null) {
            return null;
        }
        Instant until = FINISHED.contains(task.status()) ? task.updatedAt() : now;
        Instant counted = clock.stoppedSince() != null && clock.stoppedSince().isBefore(until) ? clock.stoppedSince() : until;
        long standing = clock.stoppedSince() == null ? 0 : Math.max(0, calendar.workingMinutesBetween(clock.stoppedSince(), until));
        Instant deadline = standing == 0 ? clock.deadline() : calendar.plusWorkingMinutes(clock.deadline(), standing);
        long left = calendar.workingMinutesBetween(counted, clock.deadline());
        return new TaskDeadline(calendar.wholeWorkingDays(clock.promised()), clock.promised(), deadline, clock.stoppedSince() != null && !FINISHED.contains(task.status()),
                clock.stoppedMinutes() + standing, left, left < 0, words(left, calendar.minutesPerDay()));
    }

    /** "1 working day 2 h 5 min left", "overdue by 3 h", "due now". */
    public static String words(long minutes, long minutesPerDay) {
        if (minutes == 0) {
            return "due now";
        }
        long m = Math.abs(minutes);
        StringBuilder text = new StringBuilder();
        long days = m / minutesPerDay;
        long hours = m % minutesPerDay / 60;
        long rest = m % 60;
        if (days > 0) {
            text.append(days).append(days == 1 ? " working day" : " working days");
        }
        if (hours > 0) {
            text.append(text.isEmpty() ? "" : " ").append(hours).append(" h");
        }
        if (rest > 0) {
            text.append(text.isEmpty() ? "" : " ").append(rest).append(" min");
        }
        return minutes > 0 ? text + " left" : "overdue by " + text;
    }
}
