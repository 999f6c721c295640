package org.onewindow.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onewindow.hub.testkit.CaseWaits;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.schemas.callbacks.CallbackSignature;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.item;

/**
 * A department's reply or callback with a field longer than its contract allows (a refusal text of 2,160
 * characters, an acceptance number of 123) ends the task at the adapter boundary, with a reason that names the
 * field and its limit: never an HTTP 500, and never SQL, a Java class name or a stack trace in what the hub shows.
 */
class OverlongRepliesTest extends HubTest {

    private static final String FORM = "{\"companyName\":\"味道餐饮\",\"businessScope\":\"餐饮服务\",\"registeredCapital\":\"1\",\"address\":\"中山路1号\","
            + "\"sellerName\":\"李四\",\"sellerIdNumber\":\"320102198001011238\",\"propertyCertificateNo\":\"(2019)0001\","
            + "\"employerCreditCode\":\"91320106MA1HF00018\"}";
    /** What must never reach an answer, a status reason or the timeline. */
    private static final List<String> INTERNALS = List.of("SQL", "sql", "INSERT", "UPDATE ", "org.", "java.", "Exception",
            "jdbc", "\tat ", "CHARACTER VARYING", "cvc-");

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    org.onewindow.adapters.kit.FailureReason failureReason;
    @Autowired
    org.onewindow.hub.tasks.TaskLedger ledger;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.apache.camel.CamelContext camel;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            REST/JSON social insurance | refusal msg of 2,160 characters       | SI-PERSON-ENROLMENT        | 孙十   | 330106198909095678 | /msg           | 500
            REST/JSON social insurance | acceptance number of 123 characters   | SI-PERSON-ENROLMENT        | 孙十一 | 330106199001015783 | /data/slbh     | 64
            REST/JSON provincial       | refusal message of 2,160 characters   | MR-COMPANY-ESTABLISHMENT   | 何七   | 330102198711112457 | /head/message  | 500
            REST/JSON housing fund     | refusal ret_msg of 2,160 characters   | HF-PERSON-ACCOUNT-OPENING  | 周五   | 320106198805123011 | /ret_msg       | 500
            SOAP tax                   | refusal message of 2,160 characters   | TAX-DEED-TAX               | 褚七   | 310104198910100087 | ResultMessage  | 500
            HTTP/XML real estate       | callback, AcceptanceNo of 123         | RE-TRANSFER-REGISTRATION   | 孔八   | 370102198707073560 | AcceptanceNo   | 64
            HTTP/XML real estate       | callback, refusal Text of 2,160       | RE-TRANSFER-REGISTRATION   | 孔九   | 37010219880808367X | Text           | 500
            """)
    void anOverlongFieldEndsTheTaskWithAReasonNamingTheFieldAndItsLimit(String dialect, String breakage, String itemCode,
                                                                       String name, String idNumber, String field, String limit) {
        HubClient hub = new HubClient(port);
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), item(itemCode, "PERSON", name, idNumber, FORM));
        JsonNode stuck = awaitStatus(hub, caseId, "STUCK", Duration.ofSeconds(30));
        JsonNode task = stuck.at("/tasks/0");
        assertThat(task.get("status").asText()).isEqualTo("DEAD_LETTERED");
        String reason = task.get("statusReason").asText();
        assertThat(reason).contains(field, "at most " + limit).hasSizeLessThan(1000);
        if (!breakage.contains("callback")) {
            assertThat(reason).contains("retried 0 times");
        }
        assertThat(stuck.get("statusReason").asText()).contains(task.get("taskId").asText(), field);
        assertShowsNoInternals(stuck);
    }

    @Test
    void anOverlongCallbackIs400NamingTheFieldAndDeadLettersTheTask() {
        HubClient hub = new HubClient(port);
        // Kong San 孔三: the registry decides only after 8 seconds, so the task waits for this test's callback
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), item("RE-TRANSFER-REGISTRATION", "PERSON", "孔三",
                "370102198203033338", FORM));
        String taskId = CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", Duration.ofSeconds(20));
        byte[] body = ("<RegistrationResult xmlns=\"urn:county-real-estate:registration:v1\"><BusinessNo>" + taskId
                + "</BusinessNo><AcceptanceNo>SL-" + "0123456789".repeat(12) + "</AcceptanceNo><Refusal><Code>4201</Code>"
                + "<Text>" + "拒绝理由文本甚长十字".repeat(216) + "</Text></Refusal></RegistrationResult>").getBytes(StandardCharsets.UTF_8);

        HubClient.Reply reply = hub.as(DemoCallers.REAL_ESTATE).post("/api/v1/departments/real-estate/callbacks/" + taskId,
                "application/xml", null,
                HttpRequest.BodyPublishers.ofByteArray(body),
                Map.of(CallbackSignature.HEADER, CallbackSignature.sign(simulators.callbackSecret("real-estate"), body)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo("/problems/callback-breaks-contract");
        assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo("body");
        assertThat(reply.json().at("/errors/0/message").asText()).contains("AcceptanceNo", "123", "at most 64");
        assertThat(reply.body()).hasSizeLessThan(2000);
        INTERNALS.forEach(internal -> assertThat(reply.body()).doesNotContain(internal));

        JsonNode stuck = hub.caseView(caseId);
        assertThat(stuck.get("status").asText()).isEqualTo("STUCK");
        assertThat(stuck.at("/tasks/0/statusReason").asText()).contains("AcceptanceNo", "at most 64");
        assertShowsNoInternals(stuck);
    }

    @Test
    void aFailureInsideTheHubIsDeadLetteredWithAGenericReasonNotItsSql() {
        // a real refusal by the database, as a department route meets it when it records an answer
        Exception refused = org.assertj.core.api.Assertions.catchException(() -> jdbc.sql(
                "UPDATE case_tasks SET no_such_column = ? WHERE task_id = ?").params("x", "T-1").update());
        assertThat(refused).isInstanceOf(org.springframework.dao.DataAccessException.class).hasMessageContaining("SQL");
        org.apache.camel.Exchange exchange = new org.apache.camel.support.DefaultExchange(camel);
        exchange.setProperty("TaskId", "OW20261201-SAFETYNET1-01");
        exchange.setProperty("Retries", 0);
        exchange.setException(new org.apache.camel.RuntimeCamelException(refused));

        String reason = failureReason.describe(exchange);

        assertThat(reason).contains("the hub could not record", "OW20261201-SAFETYNET1-01", "retried 0 times");
        INTERNALS.forEach(internal -> assertThat(reason).doesNotContain(internal));
    }

    @Test
    void aReasonLongerThanItsColumnIsCutNotRefused() {
        HubClient hub = new HubClient(port);
        // Qian Qi 钱七: the bureau takes 8 seconds, so the task is still open when it is dead-lettered here
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), item("SI-PERSON-ENROLMENT", "PERSON", "钱七",
                "510107199511204568", "{\"startDate\":\"2026-12-01\"}"));
        String taskId = CaseWaits.awaitTaskStatus(hub, caseId, "SENT", Duration.ofSeconds(20));

        ledger.deadLetter(taskId, "拒绝".repeat(2500));

        JsonNode stuck = hub.caseView(caseId);
        assertThat(stuck.get("status").asText()).isEqualTo("STUCK");
        assertThat(stuck.at("/tasks/0/statusReason").asText()).startsWith("拒绝拒绝").hasSize(2000).endsWith("…");
        assertShowsNoInternals(stuck);
    }

    private static void assertShowsNoInternals(JsonNode caseView) {
        List<String> shown = new ArrayList<>();
        shown.add(caseView.get("statusReason").asText());
        caseView.get("tasks").forEach(task -> shown.add(task.path("statusReason").asText()));
        caseView.get("timeline").forEach(event -> shown.add(event.path("detail").asText()));
        for (String text : shown) {
            assertThat(text).hasSizeLessThanOrEqualTo(2000);
            INTERNALS.forEach(internal -> assertThat(text).as("shown: " + text).doesNotContain(internal));
        }
    }
}
