package org.onewindow.schemas.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A bundle (一件事一次办): several items of several departments applied for at once. Steps without a
 * dependency between them run in parallel (并联审批).
 *
 * @param promisedLimit 承诺时限 of the bundle as a whole, in working days or working hours
 * @param includes      the bundles this one builds on (开办餐饮店 on 企业开办); once the catalogue is loaded, their steps are
 *                      among {@code steps}, first and under their own ids
 * @param steps         every step: as a catalogue file writes them, the bundle's own; as the loaded catalogue has them,
 *                      those of the included bundles too
 */
public record Bundle(String code, String name, String nameZh, TimeLimit promisedLimit,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> includes, List<Step> steps) {

    public Bundle {
        includes = includes == null ? List.of() : List.copyOf(includes);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A bundle that builds on no other. */
    public Bundle(String code, String name, String nameZh, TimeLimit promisedLimit, List<Step> steps) {
        this(code, name, nameZh, promisedLimit, List.of(), steps);
    }

    /** This bundle with the steps of the bundles it includes put before its own. */
    public Bundle withIncludedSteps(List<Step> included) {
        List<Step> all = new ArrayList<>(included);
        all.addAll(steps);
        return new Bundle(code, name, nameZh, promisedLimit, includes, all);
    }

    /**
     * As a catalogue file writes it: {@code promisedLimit: { amount: 2, unit: working-hours }}, or the older
     * {@code promisedLimitDays: 5} (working days), still read (the catalogue schema allows exactly one of them).
     */
    @JsonCreator
    static Bundle read(@JsonProperty("code") String code, @JsonProperty("name") String name,
                       @JsonProperty("nameZh") String nameZh, @JsonProperty("promisedLimit") TimeLimit promisedLimit,
                       @JsonProperty("promisedLimitDays") Integer promisedLimitDays, @JsonProperty("includes") List<String> includes,
                       @JsonProperty("steps") List<Step> steps) {
        TimeLimit limit = promisedLimit != null ? promisedLimit
                : promisedLimitDays != null ? TimeLimit.workingDays(promisedLimitDays) : null;
        return new Bundle(code, name, nameZh, limit, includes, steps);
    }

    /**
     * The steps a step waits for, directly or through others: only what they produce exists when it starts.
     * Unknown step ids and circles (which the catalogue refuses) end the walk instead of failing it.
     */
    public Set<String> stepsBefore(String stepId) {
        Set<String> before = new HashSet<>();
        collectBefore(stepId, before);
        before.remove(stepId); // only in a circle
        return before;
    }

    private void collectBefore(String stepId, Set<String> before) {
        for (Step step : steps) {
            if (step.id().equals(stepId)) {
                for (String dependency : step.dependsOn()) {
                    if (before.add(dependency)) {
                        collectBefore(dependency, before);
                    }
                }
            }
        }
    }

    /** One item of the bundle; it starts when every step it depends on has completed. */
    public record Step(String id, String item, List<String> dependsOn) {
        public Step {
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }
    }
}
