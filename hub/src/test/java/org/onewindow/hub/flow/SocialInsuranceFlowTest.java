package org.onewindow.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.LI_SI;
import static org.onewindow.hub.testkit.DemoApplicants.SUN_BA;
import static org.onewindow.hub.testkit.DemoApplicants.WANG_WU;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.ZHAO_LIU;
import static org.onewindow.hub.testkit.DemoApplicants.ZHOU_JIU;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

/** A case travels intake → Artemis → social-insurance adapter → simulator and back, in every way the simulator can answer. */
class SocialInsuranceFlowTest extends HubTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final String APPLICATIONS = "/si-gateway/v2/services/[A-Z0-9]+/applications";

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    JmsTemplate jms;
    @Value("${onewindow.tasks.dead-letter-address}")
    String deadLetterAddress;
    HubClient hub;
    WireMockServer socialInsurance;

    @BeforeEach
    void setUp() {
        hub = new HubClient(port);
        socialInsurance = simulators.server("social-insurance").orElseThrow();
    }

    @Test
    void demoCaseCompletesWithTheDepartmentsResult() {
        String caseId = hub.submitAccepted(key(), enrolment("张三", ZHANG_SAN));
        JsonNode done = awaitStatus(hub, caseId, "COMPLETED", WITHIN);
        JsonNode task = done.get("tasks").get(0);
        String taskId = task.get("taskId").asText();
        assertThat(task.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(task.get("department").asText()).isEqualTo("social-insurance");
        assertThat(task.get("departmentRef").asText()).isEqualTo("SI-" + taskId);
        assertThat(task.at("/results/fwbm").asText()).isEqualTo("CB0101");
        assertThat(done.get("timeline").findValuesAsText("type"))
                .containsExactly("MATERIALS_RESOLVED", "CASE_ACCEPTED", "TASK_QUEUED", "TASK_SENT", "TASK_COMPLETED", "CASE_COMPLETED");

        List<LoggedRequest> requests = requestsFor(taskId);
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(taskId);
        // the department's own dialect: pinyin field names and its own service and ID-type codes
        assertThat(request.getUrl()).isEqualTo("/si-gateway/v2/services/CB0101/applications");
        assertThat(request.getBodyAsString()).contains("\"zjhm\":\"" + ZHANG_SAN + "\"", "\"zjlx\":\"01\"", "\"xm\":\"张三\"")
                .doesNotContain("idNumber", "applicant");
    }

    @Test
    void businessRejectionEndsTheCaseWithTheDepartmentsReason() {
        String caseId = hub.submitAccepted(key(), enrolment("李四", LI_SI));
        JsonNode rejected = awaitStatus(hub, caseId, "REJECTED", WITHIN);
        assertThat(rejected.get("statusReason").asText()).contains("social-insurance", "E2001", "不能重复参保登记");
        assertThat(rejected.at("/tasks/0/status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.at("/tasks/0/statusReason").asText()).isEqualTo("[E2001] 该人员在本统筹区已有有效参保记录，不能重复参保登记");
        assertThat(requestsFor(rejected.at("/tasks/0/taskId").asText())).hasSize(1);
    }

    @Test
    void threeTimes503ThenSuccessCompletesWithOneIdempotencyKey() {
        socialInsurance.resetScenarios();
        String caseId = hub.submitAccepted(key(), enrolment("赵六", ZHAO_LIU));
        JsonNode done = awaitStatus(hub, caseId, "COMPLETED", WITHIN);
        String taskId = done.at("/tasks/0/taskId").asText();
        List<LoggedRequest> requests = requestsFor(taskId);
        assertThat(requests).hasSize(4);
        assertThat(requests).allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(taskId));
        assertThat(done.get("timeline").findValuesAsText("type")).containsOnlyOnce("TASK_COMPLETED");
    }

    @Test
    void always503DeadLettersWithTheReasonWhileOtherCasesGoOn() throws JMSException {
        String failing = hub.submitAccepted(key(), enrolment("王五", WANG_WU));
        String healthy = hub.submitAccepted(key(), enrolment("周九", ZHOU_JIU));

        awaitStatus(hub, healthy, "COMPLETED", WITHIN);
        JsonNode stuck = awaitStatus(hub, failing, "STUCK", WITHIN);
        String taskId = stuck.at("/tasks/0/taskId").asText();
        assertThat(stuck.at("/tasks/0/status").asText()).isEqualTo("DEAD_LETTERED");
        assertThat(stuck.at("/tasks/0/statusReason").asText()).contains("503", "retried 3 times");
        assertThat(stuck.get("statusReason").asText()).contains(taskId, "social-insurance", "503");
        assertThat(stuck.get("timeline").findValuesAsText("type")).contains("TASK_DEAD_LETTERED", "CASE_STUCK");
        // first try and three retries, all with the same idempotency key
        assertThat(requestsFor(taskId)).hasSize(4)
                .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(taskId));

        jms.setReceiveTimeout(5000);
        Message parked = jms.receiveSelected(deadLetterAddress, "MessageKey = '" + taskId + "'");
        assertThat(parked).as("task on the dead-letter address").isNotNull();
        assertThat(parked.getStringProperty("DeadLetterReason")).contains("503");
        assertThat(parked.getBody(String.class)).contains("\"taskId\":\"" + taskId + "\"");
    }

    @Test
    void replyBreakingTheContractDeadLettersAtOnceWithAClearReason() {
        String caseId = hub.submitAccepted(key(), enrolment("孙八", SUN_BA));
        JsonNode stuck = awaitStatus(hub, caseId, "STUCK", WITHIN);
        assertThat(stuck.at("/tasks/0/statusReason").asText()).contains("lacks the required field /code", "retried 0 times");
        assertThat(requestsFor(stuck.at("/tasks/0/taskId").asText())).hasSize(1);
    }

    @Test
    void aTimeoutIsRetriedWithTheSameKey() {
        // an applicant of this test's own: the first answer comes after the response timeout (1.5 s), the second at once
        String name = "吴十";
        String stubbed = "$.sqr[?(@.xm == '" + name + "')]";
        socialInsurance.stubFor(post(urlPathMatching(APPLICATIONS)).atPriority(1)
                .withRequestBody(matchingJsonPath(stubbed))
                .inScenario("slow-once").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered-slowly")
                .willReturn(okJson("{\"code\":\"0000\",\"msg\":\"ok\",\"data\":{\"slbh\":\"SLOW\"}}").withFixedDelay(4000)));
        socialInsurance.stubFor(post(urlPathMatching(APPLICATIONS)).atPriority(1)
                .withRequestBody(matchingJsonPath(stubbed))
                .inScenario("slow-once").whenScenarioStateIs("answered-slowly")
                .willReturn(okJson("{\"code\":\"0000\",\"msg\":\"ok\",\"data\":{\"slbh\":\"FAST\"}}")));
        String caseId = hub.submitAccepted(key(), enrolment(name, ZHOU_JIU));
        JsonNode done = awaitStatus(hub, caseId, "COMPLETED", WITHIN);
        assertThat(done.at("/tasks/0/departmentRef").asText()).isEqualTo("FAST");
        String taskId = done.at("/tasks/0/taskId").asText();
        assertThat(requestsFor(taskId)).hasSize(2).allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(taskId));
    }

    private List<LoggedRequest> requestsFor(String taskId) {
        return socialInsurance.findAll(postRequestedFor(urlPathMatching(APPLICATIONS))
                .withRequestBody(matchingJsonPath("$.ywlsh", equalTo(taskId))));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
