package org.onewindow.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.CaseWaits;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.hub.testkit.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the served contract (/v3/api-docs) that needs a caller, called without a token, with an
 * expired token, with a forged one, with a token of the wrong kind of caller and, on a department's path, with
 * another department's token: each answer is 401 or 403 problem+json, and the database and the broker are
 * unchanged (rows and messages counted before and after; the audit logs, which record the refusals, aside).
 */
class StrangersAreRefusedTest extends HubTest {

    /** Tables whose rows a refused request must not change (the access and message logs record refusals). */
    private static final List<String> TABLES = List.of("cases", "case_tasks", "case_events", "case_materials", "intake_requests",
            "outbox", "notices", "data_shares", "case_applicant_waits", "supervision_cards", "evaluations", "rectification_tickets",
            "case_reports");
    private static final List<DemoCallers> SYSTEMS = List.of(DemoCallers.HALL_XUANWU, DemoCallers.TAX, DemoCallers.REAL_ESTATE,
            DemoCallers.PROVINCE, DemoCallers.PROMETHEUS);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedActiveMQ broker;

    HubClient hub;
    JsonNode doc;
    String caseId;
    String realEstateTaskId;
    String noticeId;

    @BeforeEach
    void aCaseANoticeAndTheContract() throws Exception {
        hub = new HubClient(port);
        doc = hub.anonymous().get("/v3/api-docs").json();
        // a flat transfer of hall-xuanwu: its real-estate task exists once the deed tax is paid
        caseId = hub.submitAccepted(UUID.randomUUID().toString(), Files.readString(Path.of("../seeds/demo/flat-transfer-case.json")));
        realEstateTaskId = CaseWaits.awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(60)).get("tasks").findValuesAsText("taskId")
                .stream().filter(id -> !id.endsWith("-01")).findFirst().orElseThrow();
        noticeId = hub.post("/api/v1/notices", "application/json", null, HttpRequest.BodyPublishers.ofString(
                Files.readString(Path.of("../seeds/demo/enrolment-case.json")))).json().get("noticeId").asText();
    }

    @Test
    void everyOperationRefusesStrangersAndChangesNothing() {
        // the case's last shares and events settle first: only the refusals may run while counting
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> List.of(rows(), messagesAdded()), new org.hamcrest.BaseMatcher<>() {
                    private Object last;

                    @Override
                    public boolean matches(Object now) {
                        boolean same = now.equals(last);
                        last = now;
                        return same;
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("rows and messages unchanged for a second");
                    }
                });
        Map<String, Long> rowsBefore = rows();
        long messagesBefore = messagesAdded();
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase();
                JsonNode security = operation.getValue().has("security") ? operation.getValue().get("security") : doc.get("security");
                if (security.isEmpty()) {
                    continue; // public: the catalogue
                }
                String uri = path.getKey().replace("{caseId}", caseId).replace("{taskId}", realEstateTaskId)
                        .replace("{noticeId}", noticeId).replace("{department}", "real-estate")
                        .replace("{waitId}", "1").replace("{ticketId}", "1");
                String body = example(operation.getValue());
                Set<String> scopes = scopes(security);
                String name = method + " " + path.getKey();
                uri = uri.replace("{figure}", "accepted");

                expect(name + " without a token", call(hub.anonymous(), method, uri, body), 401);
                String someScope = scopes.isEmpty() ? "intake" : scopes.iterator().next();
                expect(name + " with an expired token", call(hub.withBearer(Tokens.expired("hall-xuanwu", someScope)), method, uri, body), 401);
                expect(name + " with a forged token", call(hub.withBearer(Tokens.forged("hall-xuanwu", someScope)), method, uri, body), 401);
                expect(name + " with a made-up holder token", call(hub.withBearer("not-a-holder-token"), method, uri, body), 401);
                DemoCallers wrongKind = SYSTEMS.stream().filter(caller -> java.util.Collections.disjoint(scopesOf(caller), scopes))
                        .findFirst().orElseThrow();
                expect(name + " as " + wrongKind, call(hub.as(wrongKind), method, uri, body), 403);
                if (scopes.stream().anyMatch(s -> s.startsWith("department:"))) {
                    expect(name + " as another department", call(hub.as(DemoCallers.TAX), method, uri, body), 403);
                }
                checked.add(name);
            }
        }
        assertThat(checked).as("operations that need a caller").hasSizeGreaterThanOrEqualTo(31);
        assertThat(rows()).as("rows after the refusals").isEqualTo(rowsBefore);
        assertThat(messagesAdded()).as("broker messages after the refusals").isEqualTo(messagesBefore);
    }

    @Test
    void actuatorDetailsAreForOperatorsAndHealthShowsOnlyItsStatus() {
        HubClient.Reply open = hub.anonymous().get("/actuator/health");
        assertThat(open.status()).isEqualTo(200);
        // the status, and the names of the probes (liveness, readiness) a load balancer may ask; nothing of the parts
        assertThat(open.json().fieldNames()).toIterable().containsExactly("status", "groups");
        assertThat(open.json().get("groups").toString()).isEqualTo("[\"liveness\",\"readiness\"]");
        assertThat(open.body()).doesNotContain("journal", "diskSpace", "circuit");
        assertThat(hub.as(DemoCallers.OPERATOR).get("/actuator/health").json().at("/components/departments/status").asText()).isEqualTo("UP");
        for (String path : List.of("/actuator/metrics", "/actuator/prometheus", "/actuator/info")) {
            expect(path + " anonymous", hub.anonymous().get(path), 401);
            expect(path + " as an intake system", hub.get(path), 403);
        }
        expect("info as the Prometheus scrape", hub.as(DemoCallers.PROMETHEUS).get("/actuator/info"), 403);
        assertThat(hub.as(DemoCallers.PROMETHEUS).get("/actuator/health").json().fieldNames()).toIterable().containsExactly("status", "groups");
        assertThat(hub.as(DemoCallers.PROMETHEUS).get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(hub.as(DemoCallers.OPERATOR).get("/actuator/metrics").status()).isEqualTo(200);
        // requests are measured once, as http_server_requests; Spring Security's per-filter observations are off
        List<String> meters = new java.util.ArrayList<>();
        hub.as(DemoCallers.OPERATOR).get("/actuator/metrics").json().get("names").forEach(name -> meters.add(name.asText()));
        assertThat(meters).contains("http.server.requests").noneMatch(name -> name.startsWith("spring.security"));
    }

    private static void expect(String what, HubClient.Reply reply, int status) {
        assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).as(what).isEqualTo(status);
        assertThat(reply.body()).as(what).doesNotContain("Exception", "at org.", "SELECT ");
    }

    private static HubClient.Reply call(HubClient client, String method, String uri, String body) {
        if (method.equals("GET")) {
            return client.get(uri);
        }
        return client.post(uri, "application/json", UUID.randomUUID().toString(), HttpRequest.BodyPublishers.ofString(body));
    }

    private static String example(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        for (JsonNode media : content) {
            if (media.has("example")) {
                return media.get("example").toString();
            }
            for (JsonNode example : media.path("examples")) {
                if (example.has("value")) {
                    return example.get("value").isTextual() ? example.get("value").asText() : example.get("value").toString();
                }
            }
        }
        return "{}";
    }

    private static Set<String> scopes(JsonNode security) {
        Set<String> scopes = new LinkedHashSet<>();
        security.forEach(requirement -> requirement.path("systemToken").forEach(scope -> scopes.add(scope.asText())));
        return scopes;
    }

    private static Set<String> scopesOf(DemoCallers caller) {
        return switch (caller) {
            case HALL_XUANWU, HALL_GULOU -> Set.of("intake", "verifier");
            case TAX -> Set.of("department:tax", "verifier");
            case REAL_ESTATE -> Set.of("department:real-estate", "verifier");
            case PROVINCE -> Set.of("province");
            case PROMETHEUS -> Set.of("metrics");
            default -> Set.of();
        };
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        TABLES.forEach(table -> rows.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()));
        return rows;
    }

    private long messagesAdded() {
        ActiveMQServer server = broker.getActiveMQServer();
        long total = 0;
        for (String name : server.getActiveMQServerControl().getQueueNames()) {
            Queue queue = server.locateQueue(SimpleString.of(name));
            total += queue == null ? 0 : queue.getMessagesAdded();
        }
        return total;
    }
}
