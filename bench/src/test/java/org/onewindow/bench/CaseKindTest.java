package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's mix follows the seeded catalogue (seeds/catalogue/bundles.yaml on the classpath): every bundle of the
 * catalogue is drawn, and each kind's chain of dependent department calls is its bundle's longest, the steps of the
 * bundles it includes counted.
 */
class CaseKindTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyBundleOfTheCatalogueIsInTheMixWithItsLongestChainOfSteps() throws IOException {
        Map<String, List<JsonNode>> steps = stepsOfEveryBundle();
        Map<String, CaseKind> mixed = new HashMap<>();
        for (CaseKind kind : CaseKind.MIX) {
            JsonNode demo = JSON.readTree(kind.body());
            if (kind.bundle()) {
                String code = demo.get("bundleCode").asText();
                mixed.put(code, kind);
                assertThat(kind.chainedCalls()).as(kind.name() + " (" + code + ")").isEqualTo(longestChain(steps.get(code)));
            } else {
                assertThat(demo.has("itemCode")).as(kind.name()).isTrue();
                assertThat(kind.chainedCalls()).as(kind.name()).isEqualTo(1);
            }
            assertThat(kind.weight()).as(kind.name()).isPositive();
        }
        assertThat(mixed).as("a kind for every bundle of the catalogue").containsOnlyKeys(steps.keySet());
        assertThat(mixed.get("COMPANY-OPENING").weight()).isEqualTo(mixed.get("OPEN-RESTAURANT").weight());
        assertThat(CaseKind.describeMix()).startsWith("open-restaurant ×3, company-opening ×3, ");
    }

    /** Each bundle's steps, those of the bundles it includes first. */
    private static Map<String, List<JsonNode>> stepsOfEveryBundle() throws IOException {
        JsonNode bundles;
        try (InputStream in = CaseKindTest.class.getResourceAsStream("/seeds/catalogue/bundles.yaml")) {
            assertThat(in).as("seeds/catalogue/bundles.yaml on the classpath").isNotNull();
            bundles = new YAMLMapper().readTree(in).get("bundles");
        }
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        bundles.forEach(bundle -> byCode.put(bundle.get("code").asText(), bundle));
        Map<String, List<JsonNode>> steps = new LinkedHashMap<>();
        byCode.keySet().forEach(code -> steps.put(code, steps(byCode, code)));
        return steps;
    }

    private static List<JsonNode> steps(Map<String, JsonNode> byCode, String code) {
        List<JsonNode> all = new java.util.ArrayList<>();
        byCode.get(code).path("includes").forEach(included -> all.addAll(steps(byCode, included.asText())));
        byCode.get(code).get("steps").forEach(all::add);
        return all;
    }

    /** The most steps one after another: a step's chain is one more than the longest of the steps it depends on. */
    private static int longestChain(List<JsonNode> steps) {
        Map<String, JsonNode> byId = new HashMap<>();
        steps.forEach(step -> byId.put(step.get("id").asText(), step));
        Map<String, Integer> chains = new HashMap<>();
        return steps.stream().mapToInt(step -> chain(step.get("id").asText(), byId, chains)).max().orElse(0);
    }

    private static int chain(String id, Map<String, JsonNode> byId, Map<String, Integer> chains) {
        Integer known = chains.get(id);
        if (known != null) {
            return known;
        }
        int longest = 0;
        for (JsonNode dependency : byId.get(id).path("dependsOn")) {
            longest = Math.max(longest, chain(dependency.asText(), byId, chains));
        }
        chains.put(id, longest + 1);
        return longest + 1;
    }
}
