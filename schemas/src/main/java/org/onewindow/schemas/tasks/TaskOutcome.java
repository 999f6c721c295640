package org.onewindow.schemas.tasks;

import java.util.Map;
import java.util.Objects;

/**
 * What a department decided on a task, in the hub's words: completed with its results (licence
 * numbers, decisions, references), or rejected with the department's own reason.
 *
 * @param departmentRef the department's own number for the application (办件号 in its system)
 * @param results       named outputs, available to later steps and in the release (出件)
 */
public record TaskOutcome(Decision decision, String departmentRef, String reason, Map<String, String> results) {

    public enum Decision { COMPLETED, REJECTED }

    public TaskOutcome {
        Objects.requireNonNull(decision, "decision");
        results = results == null ? Map.of() : Map.copyOf(results);
    }

    public static TaskOutcome completed(String departmentRef, Map<String, String> results) {
        return new TaskOutcome(Decision.COMPLETED, departmentRef, null, results);
    }

    public static TaskOutcome rejected(String departmentRef, String reason) {
        return new TaskOutcome(Decision.REJECTED, departmentRef, reason, Map.of());
    }
}
