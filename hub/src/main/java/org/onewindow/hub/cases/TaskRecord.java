package org.onewindow.hub.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One department's part of a case. {@code results} are the department's named outputs once completed. */
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
        Instant updatedAt) {

    public TaskRecord {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        results = results == null ? Map.of() : Map.copyOf(results);
    }
}
