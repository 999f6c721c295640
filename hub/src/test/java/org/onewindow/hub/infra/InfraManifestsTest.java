package org.onewindow.hub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files of infra/kubernetes and infra/systemd cannot drift from the hub: every environment variable they
 * set is one the hub reads (hub/src/main/resources/application.yaml), every variable the hub requires without a default
 * is set, and the probes ask the health groups application.yaml defines on the port it listens on.
 */
class InfraManifestsTest {

    private static final Path APPLICATION_YAML = Path.of("src/main/resources/application.yaml");
    private static final Path KUBERNETES = Path.of("../infra/kubernetes");
    private static final Path SYSTEMD = Path.of("../infra/systemd");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");

    private static String applicationText;
    private static List<JsonNode> applicationDocuments;
    private static List<JsonNode> manifests;

    @BeforeAll
    static void read() throws IOException {
        applicationText = Files.readString(APPLICATION_YAML);
        applicationDocuments = yamlDocuments(APPLICATION_YAML);
        manifests = new ArrayList<>();
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                manifests.addAll(yamlDocuments(file));
            }
        }
    }

    @Test
    void everyProbeAsksTheHealthGroupApplicationYamlDefinesOnTheHubsPort() {
        JsonNode groups = applicationDocuments.get(0).at("/management/endpoint/health/group");
        assertThat(groups.has("liveness")).as("application.yaml defines the liveness group").isTrue();
        assertThat(groups.has("readiness")).as("application.yaml defines the readiness group").isTrue();
        int serverPort = applicationDocuments.get(0).at("/server/port").asInt();

        List<JsonNode> containers = hubContainers();
        assertThat(containers).as("the hub's containers in infra/kubernetes").isNotEmpty();
        for (JsonNode container : containers) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            container.path("ports").forEach(port -> ports.put(port.path("name").asText(), port.path("containerPort").asInt()));
            assertThat(ports).containsValue(serverPort);
            Map<String, String> expected = Map.of("startupProbe", "/actuator/health/liveness",
                    "livenessProbe", "/actuator/health/liveness", "readinessProbe", "/actuator/health/readiness");
            expected.forEach((probe, path) -> {
                JsonNode httpGet = container.path(probe).path("httpGet");
                assertThat(httpGet.path("path").asText()).as(probe).isEqualTo(path);
                String port = httpGet.path("port").asText();
                assertThat(ports.getOrDefault(port, port.matches("\\d+") ? Integer.parseInt(port) : -1))
                        .as(probe + " port").isEqualTo(serverPort);
            });
            // the probe's timeout is above what a readiness check may take (two bounded checks, database and broker)
            long checkTimeoutMs = applicationDocuments.get(0).at("/onewindow/health/check-timeout-ms").asLong();
            assertThat(container.at("/readinessProbe/timeoutSeconds").asLong() * 1000).isGreaterThan(2 * checkTimeoutMs);
        }
    }

    @Test
    void everyVariableTheManifestsSetIsOneTheHubReads() throws IOException {
        Set<String> names = new LinkedHashSet<>(kubernetesEnvironmentNames());
        names.addAll(systemdEnvironmentNames());
        assertThat(names).contains("ONEWINDOW_INSTANCE_ID", "ONEWINDOW_DB_URL", "ONEWINDOW_BROKER_URL");
        assertThat(names.stream().filter(name -> !readByTheHub(name)).toList())
                .as("variables application.yaml does not read").isEmpty();
    }

    @Test
    void everyVariableTheHubRequiresWithoutADefaultIsSet() throws IOException {
        Set<String> required = new LinkedHashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(applicationText);
        while (placeholder.find()) {
            if (placeholder.group(2).isEmpty()) {
                required.add(placeholder.group(1));
            }
        }
        assertThat(required).contains("ONEWINDOW_ISSUER_URI");
        assertThat(kubernetesEnvironmentNames()).containsAll(required);
        assertThat(systemdEnvironmentNames()).containsAll(required);
    }

    @Test
    void theHubsInstanceIdIsThePodsOwnName() {
        for (JsonNode container : hubContainers()) {
            JsonNode instanceId = null;
            for (JsonNode env : container.path("env")) {
                if (env.path("name").asText().equals("ONEWINDOW_INSTANCE_ID")) {
                    instanceId = env;
                }
            }
            assertThat(instanceId).as("ONEWINDOW_INSTANCE_ID").isNotNull();
            assertThat(instanceId.at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");
        }
        assertThat(manifests).anySatisfy(manifest -> assertThat(manifest.path("kind").asText()).isEqualTo("StatefulSet"));
    }

    @Test
    void aNameTheHubDoesNotReadIsRefused() {
        assertThat(readByTheHub("ONEWINDOW_DB_URL")).isTrue();
        assertThat(readByTheHub("ONEWINDOW_DATABASE_URL")).isFalse();
        assertThat(readByTheHub("ONEWINDOW_DEPARTMENTS_TAX_BASEURL")).isTrue();
        assertThat(readByTheHub("ONEWINDOW_DEPARTMENTS_TAXES_BASEURL")).isFalse();
        assertThat(readByTheHub("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE")).isTrue();
        assertThat(readByTheHub("SPRING_DATASOURCE_HIKARI_MAXPOOL")).isFalse();
    }

    /**
     * Read by the hub: a ${NAME} placeholder of application.yaml; SPRING_PROFILES_ACTIVE (checked for profiles that
     * application.yaml defines elsewhere); a property application.yaml sets, in Spring's environment form
     * (ONEWINDOW_DATADIR for onewindow.data-dir); or a department's onewindow.departments.&lt;department&gt;.&lt;key&gt;
     * (the department one of the catalogue's or of application.yaml, the key base-url, callback-secret (read by the
     * callback controller) or one of onewindow.department-defaults).
     */
    private static boolean readByTheHub(String name) {
        if (applicationText.contains("${" + name + "}") || applicationText.contains("${" + name + ":")) {
            return true;
        }
        if (name.equals("SPRING_PROFILES_ACTIVE")) {
            return true;
        }
        if (propertyKeys().stream().anyMatch(key -> environmentForm(key).equals(name))) {
            return true;
        }
        for (String department : departments()) {
            for (String key : departmentKeys()) {
                if (environmentForm("onewindow.departments." + department + "." + key).equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theProfilesTheManifestsActivateAreApplicationYamlsOwn() throws IOException {
        Set<String> profiles = new LinkedHashSet<>();
        for (JsonNode document : applicationDocuments) {
            JsonNode onProfile = document.at("/spring/config/activate/on-profile");
            if (!onProfile.isMissingNode()) {
                profiles.add(onProfile.asText());
            }
            document.at("/spring/profiles/group").fieldNames().forEachRemaining(profiles::add);
        }
        List<String> activated = new ArrayList<>();
        for (JsonNode manifest : manifests) {
            JsonNode active = manifest.at("/data/SPRING_PROFILES_ACTIVE");
            if (!active.isMissingNode()) {
                activated.add(active.asText());
            }
        }
        activated.add(systemdEnvironment().get("SPRING_PROFILES_ACTIVE"));
        for (String value : activated) {
            assertThat(profiles).containsAll(List.of(value.split("\\s*,\\s*")));
        }
    }

    private static String environmentForm(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase();
    }

    private static Set<String> propertyKeys() {
        Set<String> keys = new LinkedHashSet<>();
        applicationDocuments.forEach(document -> flatten("", document, keys));
        return keys;
    }

    private static void flatten(String prefix, JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), keys);
            }
        } else {
            keys.add(prefix);
        }
    }

    private static Set<String> departments() {
        Set<String> departments = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(Path.of("../seeds/catalogue"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                new YAMLMapper().readTree(file.toFile()).path("departments")
                        .forEach(department -> departments.add(department.path("code").asText()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Matcher named = Pattern.compile("onewindow\\.departments\\.([a-z-]+)\\.").matcher(applicationText);
        while (named.find()) {
            departments.add(named.group(1));
        }
        return departments;
    }

    private static Set<String> departmentKeys() {
        Set<String> keys = new LinkedHashSet<>(List.of("base-url", "callback-secret"));
        applicationDocuments.get(0).at("/onewindow/department-defaults").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The hub's containers: those of workloads whose command or image runs onewindow-hub. */
    private static List<JsonNode> hubContainers() {
        List<JsonNode> containers = new ArrayList<>();
        for (JsonNode manifest : manifests) {
            for (JsonNode container : manifest.at("/spec/template/spec/containers")) {
                if (container.path("image").asText().contains("onewindow-hub")) {
                    containers.add(container);
                }
            }
        }
        return containers;
    }

    /** Every name a hub container gets: its env entries and the keys of the ConfigMaps and Secrets of its envFrom. */
    private static Set<String> kubernetesEnvironmentNames() {
        Map<String, JsonNode> sources = new LinkedHashMap<>();
        for (JsonNode manifest : manifests) {
            String kind = manifest.path("kind").asText();
            if (kind.equals("ConfigMap") || kind.equals("Secret")) {
                sources.put(kind + "/" + manifest.at("/metadata/name").asText(), manifest);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode container : hubContainers()) {
            container.path("env").forEach(env -> names.add(env.path("name").asText()));
            for (JsonNode from : container.path("envFrom")) {
                String source = from.has("configMapRef") ? "ConfigMap/" + from.at("/configMapRef/name").asText()
                        : "Secret/" + from.at("/secretRef/name").asText();
                JsonNode manifest = sources.get(source);
                assertThat(manifest).as(source + " in infra/kubernetes").isNotNull();
                JsonNode data = manifest.has("stringData") ? manifest.path("stringData") : manifest.path("data");
                data.fieldNames().forEachRemaining(names::add);
            }
        }
        return names;
    }

    private static Set<String> systemdEnvironmentNames() throws IOException {
        Set<String> names = new LinkedHashSet<>(systemdEnvironment().keySet());
        // the hub's unit sets the instance id itself (Environment=), from the machine's name and the unit's instance
        String unit = Files.readString(SYSTEMD.resolve("onewindow-hub@.service"));
        Matcher environment = Pattern.compile("(?m)^Environment=([A-Z_]+)=").matcher(unit);
        while (environment.find()) {
            names.add(environment.group(1));
        }
        return names;
    }

    /** NAME=value lines of the hub's example environment files (hub.env, hub-1.env). */
    private static Map<String, String> systemdEnvironment() throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SYSTEMD)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("hub")
                    && f.toString().endsWith(".env")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        environment.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                    }
                }
            }
        }
        return environment;
    }

    private static List<JsonNode> yamlDocuments(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = mapper.getFactory().createParser(file.toFile())) {
            for (Iterator<JsonNode> it = mapper.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode document = it.next();
                if (document != null && !(document instanceof MissingNode) && !document.isNull()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }
}
