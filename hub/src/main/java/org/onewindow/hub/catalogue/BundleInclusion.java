package org.onewindow.hub.catalogue;

import org.onewindow.hub.catalogue.SourcedCatalogue.Sourced;
import org.onewindow.schemas.catalogue.Bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bundles built on other bundles ({@code includes}: 开办餐饮店 is 企业开办 and the food business licence): a bundle's steps are
 * those of the bundles it includes, first and under their own ids, then its own, which may depend on them. An include
 * that names no bundle, a circle of includes, or a step id that an included bundle already uses is a fault naming file,
 * bundle and field; the steps that can still be followed are kept, so the other checks see as much as they can.
 */
final class BundleInclusion {

    private final Map<String, Sourced<Bundle>> byCode = new HashMap<>();
    private final Map<String, List<Bundle.Step>> included = new LinkedHashMap<>();
    private final List<String> faults = new ArrayList<>();

    BundleInclusion(List<Sourced<Bundle>> bundles) {
        bundles.forEach(bundle -> byCode.putIfAbsent(bundle.code(), bundle));
        bundles.forEach(bundle -> included.computeIfAbsent(bundle.code(), code -> includedSteps(bundle, new LinkedHashSet<>())));
    }

    /** The steps a bundle takes over from the bundles it includes, in order (none for a bundle that includes none). */
    List<Bundle.Step> includedSteps(String bundleCode) {
        return included.getOrDefault(bundleCode, List.of());
    }

    List<String> faults() {
        return List.copyOf(faults);
    }

    /** The catalogue with every bundle's steps in full, as the hub works with them. */
    SourcedCatalogue expand(SourcedCatalogue catalogue) {
        return catalogue.withBundles(catalogue.bundles().stream()
                .map(b -> new Sourced<>(b.value().withIncludedSteps(includedSteps(b.code())), b.file(), b.section(), b.index(), b.code()))
                .toList());
    }

    /** @param path the bundles being expanded that led here: meeting one of them again is a circle */
    private List<Bundle.Step> includedSteps(Sourced<Bundle> sourced, Set<String> path) {
        Bundle bundle = sourced.value();
        path.add(bundle.code());
        Map<String, String> owners = new LinkedHashMap<>(); // step id -> the included bundle it comes from
        List<Bundle.Step> steps = new ArrayList<>();
        for (int i = 0; i < bundle.includes().size(); i++) {
            String code = bundle.includes().get(i);
            Sourced<Bundle> other = byCode.get(code);
            if (other == null) {
                fault(sourced, "includes[" + i + "]", "unknown bundle '" + code + "'");
                continue;
            }
            if (path.contains(code)) {
                fault(sourced, "includes[" + i + "]", "the bundles include each other in a circle through '" + code + "'");
                continue;
            }
            List<Bundle.Step> theirs = new ArrayList<>(includedSteps(other, new LinkedHashSet<>(path)));
            theirs.addAll(other.value().steps());
            for (Bundle.Step step : theirs) {
                String owner = owners.putIfAbsent(step.id(), code);
                if (owner != null) {
                    fault(sourced, "includes[" + i + "]", "step id '" + step.id() + "' of bundle '" + code
                            + "' is also a step of bundle '" + owner + "'");
                } else {
                    steps.add(step);
                }
            }
        }
        for (int i = 0; i < bundle.steps().size(); i++) {
            String id = bundle.steps().get(i).id();
            String owner = owners.get(id);
            if (owner != null) {
                fault(sourced, "steps[" + i + "].id", "step id '" + id + "' is already a step of the included bundle '" + owner + "'");
                steps.removeIf(step -> step.id().equals(id)); // the bundle's own step stands; the other checks see it once
            }
        }
        return List.copyOf(steps);
    }

    private void fault(Sourced<?> entry, String field, String problem) {
        String fault = entry.where() + ", field " + field + ": " + problem;
        if (!faults.contains(fault)) {
            faults.add(fault);
        }
    }
}
