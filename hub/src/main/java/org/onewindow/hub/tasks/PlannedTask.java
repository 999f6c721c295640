package org.onewindow.hub.tasks;

import java.util.List;

/** A task the case will need: one step of its item or bundle, for one department. */
public record PlannedTask(String stepId, String itemCode, String department, List<String> dependsOn) {
    public PlannedTask {
        dependsOn = List.copyOf(dependsOn);
    }
}
