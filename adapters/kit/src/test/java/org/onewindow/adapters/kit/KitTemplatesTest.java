package org.onewindow.adapters.kit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's route templates take what they depend on from the adapter that instantiates them: no timeout has a
 * silent default (a department's configured timeout must be the one used), and no hub bean is named in them
 * (the hub's ledger comes as endpoint parameters).
 */
class KitTemplatesTest {

    private static final Path KIT = Path.of("src/main/resources/camel/kit");

    @Test
    void noTimeoutParameterHasADefault() throws IOException {
        List<Map<String, Object>> timeouts = parameters().stream()
                .filter(parameter -> String.valueOf(parameter.get("name")).toLowerCase().contains("timeout")).toList();
        // rest-json-call, soap-call and http-xml-call each take a connect and a response timeout
        assertThat(timeouts).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(parameter -> assertThat(parameter).as(parameter.get("template") + " " + parameter.get("name"))
                        .doesNotContainKey("defaultValue"));
    }

    @Test
    void theConsumersSayHowManyTasksAndSharesAtMostAndWhatToCallWithoutDefaults() throws IOException {
        assertThat(parameters()).filteredOn(parameter -> List.of("maxConcurrentConsumers", "markSent", "recordReply",
                        "stillQueued", "delivered").contains(parameter.get("name")))
                .hasSize(6).allSatisfy(parameter -> assertThat(parameter).doesNotContainKey("defaultValue"));
    }

    @Test
    void theStatusQueryTakesEveryParameterFromItsAdapter() throws IOException {
        assertThat(parameters()).filteredOn(parameter -> "department-task-status".equals(parameter.get("template")))
                .extracting(parameter -> parameter.get("name")).containsExactlyInAnyOrder("department", "call");
        assertThat(parameters()).filteredOn(parameter -> "department-task-status".equals(parameter.get("template")))
                .allSatisfy(parameter -> assertThat(parameter).doesNotContainKey("defaultValue"));
    }

    @Test
    void noTemplateNamesAHubBean() throws IOException {
        try (Stream<Path> files = Files.list(KIT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString())
                        .doesNotContain("taskLedger", "dataShares", "caseIntake", "departmentTaskRepository");
            }
        }
    }

    /** Every parameter of every template, with the template's id under "template". */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parameters() throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(KIT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    List<Map<String, Map<String, Object>>> entries = new Yaml().load(in);
                    for (Map<String, Map<String, Object>> entry : entries) {
                        Map<String, Object> template = entry.get("routeTemplate");
                        if (template == null) {
                            continue;
                        }
                        for (Map<String, Object> parameter : (List<Map<String, Object>>) template.get("parameters")) {
                            Map<String, Object> named = new java.util.LinkedHashMap<>(parameter);
                            named.put("template", template.get("id"));
                            all.add(named);
                        }
                    }
                }
            }
        }
        assertThat(all).as("template parameters found").isNotEmpty();
        return all;
    }
}
