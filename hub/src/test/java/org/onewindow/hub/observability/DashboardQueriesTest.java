package org.onewindow.hub.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;

/**
 * Every query of the Grafana dashboard (infra/grafana/onewindow-hub.json) and every rule of the Prometheus alerts
 * (infra/prometheus/alerts.yml) names only metrics the hub exports: the hub runs a case through (so its per-call and
 * per-route meters exist), its /actuator/prometheus is scraped with the Prometheus scrape credential (OAuth2 client
 * {@code prometheus}, scope metrics, as infra/prometheus/prometheus.yml does), and each metric name found in the
 * queries must be a series name of that scrape (a histogram's {@code _bucket}, {@code _count}, {@code _sum} as such).
 */
class DashboardQueriesTest extends HubTest {

    /** Series Prometheus makes itself, never in a scrape. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Path DASHBOARD = Path.of("../infra/grafana/onewindow-hub.json");
    private static final Path ALERTS = Path.of("../infra/prometheus/alerts.yml");

    /** one scrape for the class, after a case ran through */
    private static Set<String> exported;

    @LocalServerPort
    int port;

    @Test
    void everyDashboardQueryNamesAMetricTheHubExports() throws IOException {
        Map<String, Set<String>> names = namesPerQuery(dashboardQueries());
        assertThat(names).hasSizeGreaterThan(15);
        assertThat(names.values().stream().flatMap(Set::stream)).contains("onewindow_cases_total", "onewindow_circuit_state",
                "camel_exchanges_total", "artemis_message_count", "onewindow_supervision_cards_open", "disk_free_bytes",
                "onewindow_department_calls_seconds_bucket");
        assertThat(missing(names, scrape())).as("metrics the dashboard's queries name that /actuator/prometheus does not export")
                .isEmpty();
    }

    @Test
    void everyAlertRuleNamesAMetricTheHubExports() throws IOException {
        Map<String, Set<String>> names = namesPerQuery(alertExpressions());
        assertThat(names).hasSizeGreaterThanOrEqualTo(10);
        assertThat(names.values().stream().flatMap(Set::stream)).contains("onewindow_outbox_oldest_waiting_seconds",
                "onewindow_province_feed_oldest_waiting_seconds", "artemis_disk_store_usage", "onewindow_tasks");
        assertThat(missing(names, scrape())).as("metrics the alert rules name that /actuator/prometheus does not export")
                .isEmpty();
    }

    @Test
    void aMisspelledMetricIsReported() {
        Map<String, Set<String>> names = namesPerQuery(List.of("sum by (item) (rate(onewindow_cases_totl[5m]))",
                "onewindow_circuit_state{state=\"open\"} == 1"));
        assertThat(missing(names, scrape())).containsOnlyKeys("sum by (item) (rate(onewindow_cases_totl[5m]))")
                .containsValue(Set.of("onewindow_cases_totl"));
    }

    @Test
    void findsTheMetricNamesOfAQuery() {
        assertThat(metricNames("""
                (sum by (department) (rate(onewindow_department_calls_seconds_count{outcome="failed", department=~"$department"}[$__rate_interval]))
                  / ignoring(outcome) group_left sum by (department) (rate(x_total offset 5m)))
                or max by (department) (label_replace(onewindow_circuit_state{circuit=~"department-.+"}, "department", "$1", "circuit", "department-(.+)")) == 0
                and on (instance) histogram_quantile(0.99, sum by (le) (rate(camel_route_policy_seconds_bucket[1m]))) > 1e3 * 24
                unless predict_linear(disk_free_bytes[6h], 24 * 3600) < bool inf""")).containsExactlyInAnyOrder(
                "onewindow_department_calls_seconds_count", "x_total", "onewindow_circuit_state",
                "camel_route_policy_seconds_bucket", "disk_free_bytes");
        assertThat(metricNames("label_values(onewindow_department_calls_seconds_count, department)"))
                .containsExactly("onewindow_department_calls_seconds_count");
        assertThat(metricNames("{__name__=\"up\"}")).isEmpty();
    }

    /** Per query, the names it uses that are neither exported nor Prometheus's own. */
    private static Map<String, Set<String>> missing(Map<String, Set<String>> namesPerQuery, Set<String> exported) {
        Map<String, Set<String>> missing = new TreeMap<>();
        namesPerQuery.forEach((query, names) -> {
            Set<String> absent = new TreeSet<>(names);
            absent.removeAll(exported);
            absent.removeAll(PROMETHEUS_OWN);
            if (!absent.isEmpty()) {
                missing.put(query, absent);
            }
        });
        return missing;
    }

    private static Map<String, Set<String>> namesPerQuery(List<String> queries) {
        Map<String, Set<String>> names = new TreeMap<>();
        queries.forEach(query -> names.put(query, metricNames(query)));
        return names;
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)[^)]*\\)");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "atan2");

    /**
     * The metric names a PromQL expression (or a Grafana label_values query) reads: identifiers left once strings,
     * label matchers, ranges, by/on label lists and Grafana variables are taken out, less functions and aggregations
     * (an identifier followed by a parenthesis) and keywords.
     */
    static Set<String> metricNames(String query) {
        String rest = STRING.matcher(query).replaceAll("\"\"");
        rest = LABEL_VALUES.matcher(rest).replaceAll("$1");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = LABEL_LIST.matcher(rest).replaceAll(" ");
        rest = VARIABLE.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (identifier.group(2) == null && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every "expr" of the dashboard's panels, and the templating variables' queries. */
    private static List<String> dashboardQueries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> queries = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> queries.add(expr.asText()));
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                JsonNode query = variable.path("query");
                queries.add(query.isObject() ? query.path("query").asText() : query.asText());
            }
        }
        return queries;
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(ALERTS));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add(String.valueOf(rule.get("expr")));
            }
        }
        return expressions;
    }

    /** The series names of one scrape of /actuator/prometheus, taken after a bundle case ran through. */
    private Set<String> scrape() {
        synchronized (DashboardQueriesTest.class) {
            if (exported == null) {
                HubClient hub = new HubClient(port);
                try {
                    String caseId = hub.submitAccepted(UUID.randomUUID().toString(),
                            Files.readString(Path.of("../seeds/demo", "restaurant-case.json")));
                    awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                HubClient.Reply reply = hub.as(DemoCallers.PROMETHEUS).get("/actuator/prometheus");
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                Set<String> names = new TreeSet<>();
                reply.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
                exported = names;
            }
            return exported;
        }
    }
}
