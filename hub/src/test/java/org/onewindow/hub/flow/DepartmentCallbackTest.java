package org.onewindow.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.callbacks.CallbackDeadline;
import org.onewindow.schemas.callbacks.CallbackSignature;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.hub.testkit.CaseWaits;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.DemoApplicants.item;

/**
 * The real-estate registry decides later and calls back. Kong San's 孔三 registration is decided only
 * after 8 seconds, which leaves the task awaiting its callback while these tests send their own.
 */
class DepartmentCallbackTest extends HubTest {

    private static final String FLAT = "{\"sellerName\":\"李四\",\"sellerIdNumber\":\"320102198001011238\",\"propertyCertificateNo\":\"(2019)0001\"}";

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    CallbackDeadline deadline;
    HubClient hub;

    @BeforeEach
    void client() {
        hub = new HubClient(port);
    }

    @Test
    void aWronglySignedCallbackIs401AndChangesNothing() {
        Awaiting awaiting = awaitingRegistration();
        byte[] body = registered(awaiting.taskId());
        HubClient.Reply forged = callback(awaiting.taskId(), body, CallbackSignature.sign("not-the-secret", body));
        HubClient.Reply unsigned = callback(awaiting.taskId(), body, null);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(unsigned.status()).isEqualTo(401);
        JsonNode unchanged = hub.caseView(awaiting.caseId());
        assertThat(unchanged.at("/tasks/0/status").asText()).isEqualTo("AWAITING_CALLBACK");
        assertThat(unchanged.get("timeline").findValuesAsText("type")).doesNotContain("TASK_COMPLETED");
    }

    @Test
    void theSameCallbackTwiceRecordsOneResult() {
        Awaiting awaiting = awaitingRegistration();
        byte[] body = registered(awaiting.taskId());
        String signature = CallbackSignature.sign(simulators.callbackSecret("real-estate"), body);
        HubClient.Reply first = callback(awaiting.taskId(), body, signature);
        HubClient.Reply again = callback(awaiting.taskId(), body, signature);
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("COMPLETED");
        JsonNode done = hub.caseView(awaiting.caseId());
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("timeline").findValuesAsText("type")).containsOnlyOnce("TASK_COMPLETED", "CASE_COMPLETED");
        assertThat(done.at("/tasks/0/results/certificateNo").asText()).isEqualTo("(2026)0099999");
    }

    @Test
    void aCallbackBreakingTheContractIs400AndDeadLettersTheTask() {
        Awaiting awaiting = awaitingRegistration();
        byte[] body = "<RegistrationResult xmlns=\"urn:county-real-estate:registration:v1\"><BusinessNo>".getBytes(StandardCharsets.UTF_8);
        HubClient.Reply reply = callback(awaiting.taskId(), body, CallbackSignature.sign(simulators.callbackSecret("real-estate"), body));
        assertThat(reply.status()).isEqualTo(400);
        JsonNode stuck = hub.caseView(awaiting.caseId());
        assertThat(stuck.get("status").asText()).isEqualTo("STUCK");
        assertThat(stuck.at("/tasks/0/statusReason").asText()).contains("callback that breaks its contract");
    }

    @Test
    void callbacksForUnknownTasksOrDepartmentsThatDoNotCallBackAre404() {
        byte[] body = registered("OW20260101-NOSUCHTASK-01");
        String signature = CallbackSignature.sign(simulators.callbackSecret("real-estate"), body);
        assertThat(callback("OW20260101-NOSUCHTASK-01", body, signature).status()).isEqualTo(404);
        assertThat(hub.as(DemoCallers.TAX).post("/api/v1/departments/tax/callbacks/X", "application/xml", null,
                HttpRequest.BodyPublishers.ofByteArray(body), Map.of(CallbackSignature.HEADER, signature)).status()).isEqualTo(404);
    }

    @Test
    void aDepartmentAnswersAndReadsOnlyItsOwnTasks() {
        Awaiting awaiting = awaitingRegistration();
        byte[] body = registered(awaiting.taskId());
        String signature = CallbackSignature.sign(simulators.callbackSecret("real-estate"), body);
        // the tax bureau's token on the registry's path, or on its own path for the registry's task: 403, nothing changes
        HubClient tax = hub.as(DemoCallers.TAX);
        HubClient.Reply onTheirPath = tax.post("/api/v1/departments/real-estate/callbacks/" + awaiting.taskId(), "application/xml", null,
                HttpRequest.BodyPublishers.ofByteArray(body), Map.of(CallbackSignature.HEADER, signature));
        assertThat(onTheirPath.status()).isEqualTo(403);
        assertThat(onTheirPath.contentType()).startsWith("application/problem+json");
        assertThat(tax.get("/api/v1/departments/real-estate/tasks/" + awaiting.taskId()).status()).isEqualTo(403);
        assertThat(tax.get("/api/v1/departments/tax/tasks/" + awaiting.taskId()).json().get("type").asText())
                .isEqualTo("/problems/not-your-task");
        assertThat(hub.caseView(awaiting.caseId()).at("/tasks/0/status").asText()).isEqualTo("AWAITING_CALLBACK");

        // the registry reads its own task, and answers it
        JsonNode own = hub.as(DemoCallers.REAL_ESTATE).get("/api/v1/departments/real-estate/tasks/" + awaiting.taskId()).json();
        assertThat(own.get("status").asText()).isEqualTo("AWAITING_CALLBACK");
        assertThat(own.get("caseId").asText()).isEqualTo(awaiting.caseId());
        assertThat(callback(awaiting.taskId(), body, signature).status()).isEqualTo(200);
    }

    @Test
    void aDepartmentThatNeverCallsBackLeavesAStuckCaseNotAWaitingOne() {
        Awaiting awaiting = awaitingRegistration();
        // as if the callback deadline had passed: everything accepted before now is overdue. The registry is asked once
        // more, and still works on Kong San's registration (it decides only after 8 seconds)
        assertThat(deadline.expireAcceptedBefore(java.time.Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);
        JsonNode stuck = hub.caseView(awaiting.caseId());
        assertThat(stuck.get("status").asText()).isEqualTo("STUCK");
        assertThat(stuck.at("/tasks/0/statusReason").asText()).contains("real-estate accepted the task", "sent no decision",
                "asked once more, it was still working on it");
        assertThat(registryQueriesAbout(awaiting.taskId())).isEqualTo(1);
    }

    @Test
    void atTheDeadlineTheRegistryIsAskedOnceMoreAndADecisionItHasIsRecordedNotGivenUp() throws Exception {
        // the registry decides, but its callback never reaches the hub (nothing listens on the discard port)
        simulators.callBackTo("http://127.0.0.1:9");
        try {
            // the demo flat transfer: the deed tax first (先税后证), then the registration
            String caseId = hub.submitAccepted(UUID.randomUUID().toString(),
                    java.nio.file.Files.readString(java.nio.file.Path.of("../seeds/demo/flat-transfer-case.json")));
            String taskId = CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", Duration.ofSeconds(20));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> simulators.decisions("real-estate").decided(taskId).isPresent());
            assertThat(hub.caseView(caseId).get("status").asText()).isEqualTo("IN_PROGRESS");

            deadline.expireAcceptedBefore(java.time.Instant.now().plusSeconds(1));
            JsonNode done = hub.caseView(caseId);
            assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(done.get("tasks").findValuesAsText("departmentRef")).contains("SL-" + taskId);
            assertThat(done.get("timeline").findValuesAsText("type")).containsOnlyOnce("CASE_COMPLETED").doesNotContain("TASK_DEAD_LETTERED");
            assertThat(registryQueriesAbout(taskId)).isEqualTo(1);
        } finally {
            simulators.callBackTo("http://localhost:" + port);
        }
    }

    private int registryQueriesAbout(String taskId) {
        return simulators.server("real-estate").orElseThrow().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/re-registry/api/applications/" + taskId))).size();
    }

    private record Awaiting(String caseId, String taskId) {
    }

    private Awaiting awaitingRegistration() {
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(),
                item("RE-TRANSFER-REGISTRATION", "PERSON", "孔三", "370102198203033338", FLAT));
        return new Awaiting(caseId, CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", Duration.ofSeconds(20)));
    }

    private static byte[] registered(String taskId) {
        return ("<RegistrationResult xmlns=\"urn:county-real-estate:registration:v1\"><BusinessNo>" + taskId + "</BusinessNo>"
                + "<AcceptanceNo>SL-" + taskId + "</AcceptanceNo><NewCertificateNo>(2026)0099999</NewCertificateNo>"
                + "<UnitNo>U-1</UnitNo><RegisteredOn>2026-11-24</RegisteredOn></RegistrationResult>").getBytes(StandardCharsets.UTF_8);
    }

    private HubClient.Reply callback(String taskId, byte[] body, String signature) {
        return hub.as(DemoCallers.REAL_ESTATE).post("/api/v1/departments/real-estate/callbacks/" + taskId, "application/xml", null,
                HttpRequest.BodyPublishers.ofByteArray(body), signature == null ? Map.of() : Map.of(CallbackSignature.HEADER, signature));
    }
}
