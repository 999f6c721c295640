package org.onewindow.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.sharing.DataShareStatus;
import org.onewindow.hub.sharing.DataShareStore;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.item;
import static org.onewindow.hub.testkit.DemoApplicants.restaurant;

/**
 * The medical security bureau (医保), a department added by its folder, its seeds and the modules list, on the whole
 * hub: cases travel intake → Artemis → the medical-insurance adapter → the bureau's simulator (its own dialect: one
 * endpoint, infno, msgid) and back, and data other departments produce reaches it under its sharing agreements.
 */
class MedicalInsuranceFlowTest extends HubTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** the demo population of seeds/simulators/medical-insurance (adapters/medical-insurance/README.md) */
    private static final String WU_YI_REFUSED = "320102198607123015";
    private static final String WU_ER_BUSY = "320102198709054022";
    private static final String EMPLOYER = """
            {"employerCreditCode":"91320102MA1XYW123R","employerName":"南京味道餐饮有限公司","monthlyWage":"8000"}""";

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    DataShareStore shares;
    HubClient hub;
    WireMockServer bureau;

    @BeforeEach
    void setUp() {
        hub = new HubClient(port);
        bureau = simulators.server("medical-insurance").orElseThrow();
    }

    @Test
    void employeeEnrolmentCompletesAgainstTheBureauInItsOwnDialect() throws Exception {
        String caseId = hub.submitAccepted(key(), item("MI-EMPLOYEE-ENROLMENT", "PERSON", "张三", ZHANG_SAN, EMPLOYER));
        JsonNode done = awaitStatus(hub, caseId, "COMPLETED", WITHIN);
        JsonNode task = done.at("/tasks/0");
        String taskId = task.get("taskId").asText();
        assertThat(task.get("department").asText()).isEqualTo("medical-insurance");
        assertThat(task.at("/results/insuranceType").asText()).isEqualTo("EMPLOYEE_BASIC");
        assertThat(task.at("/results/contributionBase").asText()).isEqualTo("8000.00");

        List<LoggedRequest> requests = requestsWithMsgid(bureau, taskId);
        assertThat(requests).hasSize(1);
        JsonNode sent = JSON.readTree(requests.get(0).getBodyAsString());
        assertThat(requests.get(0).getUrl()).isEqualTo("/hsa/gateway/v1/transaction");
        assertThat(sent.get("infno").asText()).isEqualTo("7102");
        assertThat(sent.at("/input/psninfo/certno").asText()).isEqualTo(ZHANG_SAN);
        assertThat(sent.at("/input/empinfo/uscc").asText()).isEqualTo("91320102MA1XYW123R");
        assertThat(requests.get(0).getHeader("Idempotency-Key")).isEqualTo(taskId);
        // the bureau's own number for it is the task's department reference
        assertThat(task.get("departmentRef").asText()).matches("3201\\d{22}");

        // the payment base the bureau approved goes to the tax bureau, which collects the contributions
        await().atMost(WITHIN).untilAsserted(() -> assertThat(shares.ofCase(caseId))
                .extracting(DataShareStore.DataShare::consumer, DataShareStore.DataShare::agreement, DataShareStore.DataShare::status)
                .containsExactly(tuple("tax", "SA-MI-TAX-CONTRIBUTION", DataShareStatus.DELIVERED)));
        assertThat(simulators.server("tax").orElseThrow().findAll(anyRequestedFor(anyUrl())
                .withRequestBody(containing(caseId)).withRequestBody(containing("mi-contribution-base")))).hasSize(1);
    }

    @Test
    void aRefusalEndsTheCaseWithTheBureausReason() {
        String caseId = hub.submitAccepted(key(), item("MI-EMPLOYEE-ENROLMENT", "PERSON", "吴一", WU_YI_REFUSED, EMPLOYER));
        JsonNode rejected = awaitStatus(hub, caseId, "REJECTED", WITHIN);
        assertThat(rejected.at("/tasks/0/statusReason").asText())
                .isEqualTo("[-1] 该人员在本统筹区已有有效的职工基本医疗保险参保记录，不能重复参保");
        assertThat(requestsWithMsgid(bureau, rejected.at("/tasks/0/taskId").asText())).hasSize(1);
    }

    @Test
    void theBusyCodeIsRetriedWithTheSameMsgidThenDeadLettered() {
        String caseId = hub.submitAccepted(key(), item("MI-EMPLOYEE-ENROLMENT", "PERSON", "吴二", WU_ER_BUSY, EMPLOYER));
        JsonNode stuck = awaitStatus(hub, caseId, "STUCK", WITHIN);
        String taskId = stuck.at("/tasks/0/taskId").asText();
        assertThat(stuck.at("/tasks/0/status").asText()).isEqualTo("DEAD_LETTERED");
        assertThat(stuck.at("/tasks/0/statusReason").asText()).contains("busy [-2]", "retried 3 times");
        // the first try and three retries, each with the task id as msgid
        assertThat(requestsWithMsgid(bureau, taskId)).hasSize(4);
    }

    @Test
    void aNewCompanysRegistrationsReachTheBureauUnderItsAgreements() throws Exception {
        String caseId = hub.submitAccepted(key(), restaurant("张三", ZHANG_SAN));
        awaitStatus(hub, caseId, "COMPLETED", WITHIN);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(shares.ofCase(caseId))
                .filteredOn(share -> share.consumer().equals("medical-insurance"))
                .extracting(DataShareStore.DataShare::agreement, DataShareStore.DataShare::dataItem, DataShareStore.DataShare::status)
                .containsExactlyInAnyOrder(
                        tuple("SA-MR-REGISTRATION-MI", "company-registration", DataShareStatus.DELIVERED),
                        tuple("SA-SI-MI-UNIT-REGISTRATION", "unit-registration", DataShareStatus.DELIVERED)));

        // what the bureau's system received: transaction 7901, the whole share id (longer than a task id) as msgid
        for (DataShareStore.DataShare share : shares.ofCase(caseId).stream()
                .filter(share -> share.consumer().equals("medical-insurance")).toList()) {
            List<LoggedRequest> received = requestsWithMsgid(bureau, share.shareId());
            assertThat(received).as(share.shareId()).hasSize(1);
            JsonNode sent = JSON.readTree(received.get(0).getBodyAsString());
            assertThat(sent.get("infno").asText()).isEqualTo("7901");
            assertThat(sent.at("/input/shareinfo/agreement_no").asText()).isEqualTo(share.agreement());
            assertThat(sent.at("/input/shareinfo/case_no").asText()).isEqualTo(caseId);
            assertThat(share.shareId()).hasSizeGreaterThan(64);
        }
    }

    @Test
    void theTaxBureausPaymentRecordsReachTheBureauForReconciliation() {
        String caseId = hub.submitAccepted(key(), item("TAX-PAYMENT-CERTIFICATE", "PERSON", "张三", ZHANG_SAN, "{}"));
        awaitStatus(hub, caseId, "COMPLETED", WITHIN);
        await().atMost(WITHIN).untilAsserted(() -> assertThat(bureau.findAll(anyRequestedFor(anyUrl())
                .withRequestBody(containing(caseId)).withRequestBody(containing("SA-TAX-MI-PAYMENT")))).hasSize(1));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(shares.ofCase(caseId))
                .filteredOn(share -> share.consumer().equals("medical-insurance"))
                .extracting(DataShareStore.DataShare::dataItem, DataShareStore.DataShare::status)
                .containsExactly(tuple("tax-payment-record", DataShareStatus.DELIVERED)));
    }

    private static List<LoggedRequest> requestsWithMsgid(WireMockServer server, String msgid) {
        return server.findAll(anyRequestedFor(anyUrl()).withRequestBody(containing("\"msgid\":\"" + msgid + "\"")));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
