package org.onewindow.schemas.catalogue;

import java.util.List;

/**
 * A bundle (一件事一次办): several items of several departments applied for at once. Steps without a
 * dependency between them run in parallel (并联审批).
 */
public record Bundle(String code, String name, String nameZh, int promisedLimitDays, List<Step> steps) {

    public Bundle {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** One item of the bundle; it starts when every step it depends on has completed. */
    public record Step(String id, String item, List<String> dependsOn) {
        public Step {
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }
    }
}
