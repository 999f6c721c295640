package org.onewindow.hub.callbacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.pauses.DepartmentPauses;
import org.onewindow.hub.testkit.CaseWaits;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.schemas.callbacks.CallbackSignature;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.DemoApplicants.item;

/**
 * The real-estate registry accepts, decides, and calls back, but its callbacks never reach the hub (they go to a port
 * where nothing listens). The hub asks the registry where each task stands once it has waited status-query-after (2 s
 * here), through its scheduler (a round every second), and records what it learns as a callback. The whole hub runs:
 * embedded Artemis, H2, the WireMock registry with its memory of decisions; the registry's request journal and the
 * message log show each query. A context of its own, for its short status-query-after.
 */
@TestPropertySource(properties = {"onewindow.tasks.status-query-after=2s", "onewindow.tasks.callback-check-every=1s",
        "db-scheduler.polling-interval=1s"})
class CallbackStatusQueryTest extends HubTest {

    private static final String FLAT = "{\"sellerName\":\"李四\",\"sellerIdNumber\":\"320102198001011238\",\"propertyCertificateNo\":\"(2019)0001\"}";
    private static final Duration WITHIN = Duration.ofSeconds(40);

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatusQueryStore queries;
    @Autowired
    CallbackDeadline deadline;
    @Autowired
    CallbackStatusQueries statusQueryRounds;
    @Autowired
    DepartmentPauses pauses;
    HubClient hub;

    @BeforeEach
    void callbacksAreLost() {
        hub = new HubClient(port);
        simulators.callBackTo("http://127.0.0.1:9");
    }

    @AfterEach
    void registryBack() {
        if (simulators.server("real-estate").map(server -> !server.isRunning()).orElse(false)) {
            simulators.bringBack("real-estate");
        }
    }

    @Test
    void aLostCallbackIsMadeGoodByAStatusQueryAndTheLateCallbackChangesNothing() throws Exception {
        // the demo flat transfer (二手房转移登记): the deed tax is assessed and paid, then the registry registers the transfer
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), Files.readString(Path.of("../seeds/demo/flat-transfer-case.json")));
        String taskId = CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", WITHIN);

        JsonNode done = CaseWaits.awaitStatus(hub, caseId, "COMPLETED", WITHIN);
        JsonNode registration = task(done, taskId);
        assertThat(registration.get("department").asText()).isEqualTo("real-estate");
        assertThat(registration.get("departmentRef").asText()).isEqualTo("SL-" + taskId);
        assertThat(registration.at("/results/certificateNo").asText()).isEqualTo("(2026)0012345");
        assertThat(done.get("timeline").findValuesAsText("type")).containsOnlyOnce("CASE_COMPLETED");
        List<LoggedRequest> asked = statusQueries(taskId);
        assertThat(asked).as("the registry was asked by the task's id").isNotEmpty()
                .allSatisfy(query -> assertThat(query.getHeader("Idempotency-Key")).isEqualTo(taskId));
        assertThat(queries.last(taskId)).hasValueSatisfying(last -> assertThat(last.answer()).isEqualTo(StatusQueryStore.Answer.DECIDED));
        // the message log holds the query as a department exchange of the case and task; no callback ever arrived
        await().atMost(WITHIN).until(() -> !messageLog("channel = 'DEPARTMENT' AND task_id = ? AND operation = ?", taskId,
                "GET /re-registry/api/applications/" + taskId).isEmpty());
        Map<String, Object> query = messageLog("channel = 'DEPARTMENT' AND task_id = ? AND operation = ?", taskId,
                "GET /re-registry/api/applications/" + taskId).get(0);
        assertThat(query.get("case_id")).isEqualTo(caseId);
        assertThat(query.get("to_party")).isEqualTo("real-estate");
        assertThat(query.get("status")).isEqualTo("200");
        assertThat(messageLog("channel = 'CALLBACK' AND task_id = ?", taskId)).isEmpty();

        // the registry's callback comes after all, signed as ever: answered 200, and nothing changes
        byte[] callback = simulators.decisions("real-estate").decided(taskId).orElseThrow().getBytes(StandardCharsets.UTF_8);
        HubClient.Reply late = hub.as(DemoCallers.REAL_ESTATE).post("/api/v1/departments/real-estate/callbacks/" + taskId,
                "application/xml", null, HttpRequest.BodyPublishers.ofByteArray(callback),
                Map.of(CallbackSignature.HEADER, CallbackSignature.sign(simulators.callbackSecret("real-estate"), callback)));
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().get("status").asText()).isEqualTo("COMPLETED");
        JsonNode after = hub.caseView(caseId);
        assertThat(after.get("timeline").findValuesAsText("type")).as("one completion per task (tax, registry), the case's once")
                .containsOnlyOnce("CASE_COMPLETED").filteredOn("TASK_COMPLETED"::equals).hasSize(2);
        assertThat(task(after, taskId).get("departmentRef").asText()).isEqualTo("SL-" + taskId);
    }

    @Test
    void aRefusalLearntByAStatusQueryRejectsTheCase() {
        // Kong Yi 孔一: the registry refuses (the property is seized)
        String caseId = submit("孔一", "37010219800101311X");
        String taskId = CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", WITHIN);
        JsonNode rejected = CaseWaits.awaitStatus(hub, caseId, "REJECTED", WITHIN);
        assertThat(rejected.get("statusReason").asText()).contains("[4201]");
        assertThat(rejected.at("/tasks/0/status").asText()).isEqualTo("REJECTED");
        assertThat(statusQueries(taskId)).isNotEmpty();
    }

    @Test
    void whileTheRegistryIsStillWorkingTheTaskWaitsAndIsAskedAtMostEveryStatusQueryAfter() {
        // Kong San 孔三: the registry decides only 8 seconds after it accepted
        String caseId = submit("孔三", "370102198203033338");
        String taskId = CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", WITHIN);
        await().atMost(WITHIN).until(() -> queries.last(taskId).isPresent());
        assertThat(queries.last(taskId).orElseThrow().answer()).isEqualTo(StatusQueryStore.Answer.STILL_WORKING);
        assertThat(hub.caseView(caseId).at("/tasks/0/status").asText()).isEqualTo("AWAITING_CALLBACK");
        assertThat(hub.caseView(caseId).get("timeline").findValuesAsText("type")).doesNotContain("TASK_COMPLETED");

        JsonNode done = CaseWaits.awaitStatus(hub, caseId, "COMPLETED", WITHIN);
        assertThat(done.at("/tasks/0/departmentRef").asText()).isEqualTo("SL-" + taskId);
        List<LoggedRequest> asked = statusQueries(taskId);
        assertThat(asked).as("asked while it was working, and once it had decided").hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < asked.size(); i++) {
            long gap = asked.get(i).getLoggedDate().getTime() - asked.get(i - 1).getLoggedDate().getTime();
            assertThat(gap).as("query %d came %d ms after the one before", i, gap).isGreaterThanOrEqualTo(1950);
        }
        assertThat(queries.last(taskId).orElseThrow().queries()).isEqualTo(asked.size());
    }

    @Test
    void aTaskTheRegistryDoesNotKnowIsLeftToTheCallbackDeadlineWhichAsksOnceMore() {
        // Kong San 孔三 (decided only after 8 seconds), whose application the registry then loses
        String caseId = submit("孔三", "370102198203033338");
        String taskId = CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", WITHIN);
        simulators.decisions("real-estate").forget(taskId);

        await().atMost(WITHIN).until(() -> queries.last(taskId).map(StatusQueryStore.LastQuery::answer)
                .filter(StatusQueryStore.Answer.UNKNOWN_TASK::equals).isPresent());
        assertThat(hub.caseView(caseId).at("/tasks/0/status").asText()).isEqualTo("AWAITING_CALLBACK");

        // as if the callback deadline had passed
        deadline.expireAcceptedBefore(java.time.Instant.now().plusSeconds(1));
        JsonNode stuck = hub.caseView(caseId);
        assertThat(stuck.get("status").asText()).isEqualTo("STUCK");
        assertThat(stuck.at("/tasks/0/statusReason").asText()).contains("sent no decision", "asked once more, it did not know the task");
    }

    @Test
    void aQueryThatFailsChangesNothingAndTheTaskIsDecidedOnceTheRegistryAnswers() {
        // Kong San 孔三: the registry decides 8 seconds after it accepted; meanwhile it is down for a while
        String caseId = submit("孔三", "370102198203033338");
        String taskId = CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", WITHIN);
        simulators.takeDown("real-estate");

        // the hub tried: the message log has the query that found no one
        await().atMost(WITHIN).until(() -> !messageLog("channel = 'DEPARTMENT' AND task_id = ? AND status LIKE 'no answer%'", taskId).isEmpty());
        assertThat(hub.caseView(caseId).at("/tasks/0/status").asText()).isEqualTo("AWAITING_CALLBACK");

        simulators.bringBack("real-estate");
        JsonNode done = CaseWaits.awaitStatus(hub, caseId, "COMPLETED", WITHIN);
        assertThat(done.at("/tasks/0/departmentRef").asText()).isEqualTo("SL-" + taskId);
        // only the queries the registry answered count as asked; the ones that found no one changed nothing
        await().atMost(WITHIN).untilAsserted(() -> assertThat(messageLog(
                "channel = 'DEPARTMENT' AND task_id = ? AND status = '200' AND operation LIKE 'GET %'", taskId))
                .hasSize(queries.last(taskId).orElseThrow().queries()));
        assertThat(queries.last(taskId).orElseThrow().answer()).isEqualTo(StatusQueryStore.Answer.DECIDED);
    }

    @Test
    void aDepartmentAnOperatorPausedIsNotAskedUntilItIsResumed() {
        // Kong San 孔三: the registry decides 8 seconds after it accepted
        String caseId = submit("孔三", "370102198203033338");
        String taskId = CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", WITHIN);
        pauses.pause("real-estate", "registry maintenance 维护窗口", "operator-a");
        try {
            java.time.Instant[] cutoff = new java.time.Instant[1];
            await().atMost(WITHIN).until(() -> {
                cutoff[0] = java.time.Instant.now().minusSeconds(2);
                return queries.due(Set.of("real-estate"), cutoff[0], cutoff[0], 10).stream().anyMatch(t -> t.taskId().equals(taskId));
            });
            int before = statusQueries(taskId).size();
            assertThat(statusQueryRounds.round().asked()).isZero();
            assertThat(statusQueries(taskId)).hasSize(before);
            assertThat(hub.caseView(caseId).at("/tasks/0/status").asText()).isEqualTo("AWAITING_CALLBACK");
        } finally {
            pauses.resume("real-estate", "operator-a");
        }
        assertThat(CaseWaits.awaitStatus(hub, caseId, "COMPLETED", WITHIN).at("/tasks/0/departmentRef").asText()).isEqualTo("SL-" + taskId);
    }

    private static JsonNode task(JsonNode caseView, String taskId) {
        for (JsonNode task : caseView.get("tasks")) {
            if (task.get("taskId").asText().equals(taskId)) {
                return task;
            }
        }
        throw new AssertionError("no task " + taskId + " in " + caseView);
    }

    private String submit(String name, String idNumber) {
        return hub.submitAccepted(UUID.randomUUID().toString(), item("RE-TRANSFER-REGISTRATION", "PERSON", name, idNumber, FLAT));
    }

    private List<LoggedRequest> statusQueries(String taskId) {
        WireMockServer registry = simulators.server("real-estate").orElseThrow();
        return registry.findAll(getRequestedFor(urlEqualTo("/re-registry/api/applications/" + taskId))).stream()
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    private List<Map<String, Object>> messageLog(String where, Object... args) {
        return jdbc.queryForList("SELECT * FROM message_log WHERE " + where + " ORDER BY seq", args);
    }
}
