package org.onewindow.hub.cases;

import org.onewindow.schemas.catalogue.TimeLimit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One department's part of a case. {@code results} are the department's named outputs once completed; {@code clock} its
 * working-day deadline (null for a task stored before deadlines were kept).
 */
public record TaskRecord(
        String taskId,
        String caseId,
        String stepId,
        String itemCode,
        String department,
        List<String> dependsOn,
        TaskStatus status,
        String statusReason,
        String departmentRef,
        Map<String, String> results,
        Instant createdAt,
        Instant updatedAt,
        TaskClock clock) {

    public TaskRecord {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        results = results == null ? Map.of() : Map.copyOf(results);
    }

    /**
     * A task's deadline (办理时限) on the working calendar.
     *
     * @param promised            the item's promised time limit (承诺时限), in working days or working hours
     * @param deadline            the deadline now: acceptance plus the promised working time, plus every finished stop
     * @param warnAt              when its yellow card falls due (little of the promised time left), moved like the deadline
     * @param stoppedSince        while the case waits for the applicant: since when the clock stands still; else null
     * @param stoppedMinutes      working minutes the clock stood still in finished stops
     */
    public record TaskClock(TimeLimit promised, Instant deadline, Instant warnAt, Instant stoppedSince, long stoppedMinutes) {
    }
}
