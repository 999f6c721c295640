package org.onewindow.adapters.realestate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.adapters.kit.DepartmentAcknowledgement;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.DepartmentRequest;
import org.onewindow.adapters.kit.SafeXml;
import org.onewindow.schemas.cases.Applicant;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.seeds.simulators.SimulatorSettings;
import org.onewindow.adapters.kit.Undecided;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The real-estate adapter against the registry's simulator (seeds/simulators/real-estate, as the hub runs it) over real
 * HTTP, the callbacks the registry sends and its answers to status queries, read the way the hub reads every XML from a
 * department.
 */
class RealEstateContractTest {

    private static final Map<String, String> FLAT = Map.of("sellerName", "李四", "sellerIdNumber", "320102198001011238",
            "propertyCertificateNo", "(2019)0001", "address", "南京路1号", "area", "89.5", "price", "2100000");
    private static DepartmentSimulators simulators;
    private static WireMockServer registry;
    private final RealEstateMapping mapping = new RealEstateMapping();
    private final HttpClient http = HttpClient.newHttpClient();
    private final SafeXml contract = new SafeXml("real-estate", "/contracts/departments/real-estate/registration.xsd");

    @BeforeAll
    static void startTheRegistrysSimulator() {
        // no hub to call back: the registry still remembers what it decided, and answers status queries from that
        simulators = new DepartmentSimulators(new SimulatorSettings("classpath*:seeds/simulators/real-estate/mappings/*.json", 10, 1000, 0));
        registry = simulators.server("real-estate").orElseThrow();
    }

    @AfterAll
    static void stop() {
        simulators.close();
    }

    @Test
    void theApplicationObeysTheRegistrysSchemaAndCarriesTheDeedTaxVoucher() {
        TaskMessage task = task("OW20261123-AAAAAAAAAA-02", person("张三", "11010519491231002X"), Map.of("paymentVoucherNo", "WS-1"));
        DepartmentRequest request = mapping.request(task);
        assertThat(contract.parse(request.body()).getDocumentElement().getLocalName()).isEqualTo("RegistrationApplication");
        assertThat(request.body()).contains("<TaxVoucherNo>WS-1</TaxVoucherNo>", "<BusinessNo>OW20261123-AAAAAAAAAA-02</BusinessNo>");
    }

    @Test
    void anAcceptedApplicationIsAcknowledgedAndItsCallbackCompletesTheTask() throws Exception {
        TaskMessage task = task("T-1", person("张三", "11010519491231002X"), Map.of("paymentVoucherNo", "WS-1"));
        HttpResponse<String> answer = send(task);
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(mapping.acknowledgement(task, answer.statusCode(), answer.body()))
                .isEqualTo(new DepartmentAcknowledgement("SL-T-1"));
        TaskOutcome outcome = mapping.callback("T-1", """
                <RegistrationResult xmlns="urn:county-real-estate:registration:v1"><BusinessNo>T-1</BusinessNo>
                <AcceptanceNo>SL-T-1</AcceptanceNo><NewCertificateNo>(2026)0012345</NewCertificateNo>
                <UnitNo>U-1</UnitNo><RegisteredOn>2026-11-24</RegisteredOn></RegistrationResult>""");
        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.results()).containsEntry("certificateNo", "(2026)0012345").containsEntry("unitNo", "U-1");
    }

    @Test
    void withoutTheDeedTaxTheRegistryRefusesAtOnce() throws Exception {
        TaskMessage task = task("T-2", person("张三", "11010519491231002X"), Map.of());
        HttpResponse<String> answer = send(task);
        Object decision = mapping.acknowledgement(task, answer.statusCode(), answer.body());
        assertThat(decision).isInstanceOfSatisfying(TaskOutcome.class, outcome -> {
            assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.REJECTED);
            assertThat(outcome.reason()).startsWith("[3101]");
        });
    }

    @Test
    void brokenCallbacksAreContractFaults() {
        assertThatThrownBy(() -> mapping.callback("T-3", "<RegistrationResult xmlns=\"urn:county-real-estate:registration:v1\"><BusinessNo>"))
                .isInstanceOf(DepartmentContractException.class);
        assertThatThrownBy(() -> mapping.callback("T-3", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<RegistrationResult xmlns=\"urn:county-real-estate:registration:v1\"><BusinessNo>&x;</BusinessNo></RegistrationResult>"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> mapping.callback("T-3", "<RegistrationResult xmlns=\"urn:other-registry:v2\"><BusinessNo>T-3</BusinessNo></RegistrationResult>"))
                .isInstanceOf(DepartmentContractException.class);
        assertThatThrownBy(() -> mapping.callback("T-3", """
                <RegistrationResult xmlns="urn:county-real-estate:registration:v1"><BusinessNo>SOMEONE-ELSE</BusinessNo>
                <AcceptanceNo>A</AcceptanceNo><NewCertificateNo>C</NewCertificateNo><UnitNo>U</UnitNo><RegisteredOn>2026-11-24</RegisteredOn>
                </RegistrationResult>""")).isInstanceOf(DepartmentContractException.class).hasMessageContaining("SOMEONE-ELSE");
        assertThatThrownBy(() -> mapping.callback("T-3", "<a>" + "x".repeat(SafeXml.MAX_BYTES) + "</a>"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("limit");
    }

    @Test
    void callbacksWithFieldsLongerThanTheSchemaAllowsAreContractFaultsNamingTheFieldAndItsLimit() throws Exception {
        // Kong Ba 孔八: an AcceptanceNo of 123 characters; Kong Jiu 孔九: a refusal Text of 2,160 characters
        for (String[] demo : new String[][] {
                {"孔八", "370102198707073560", "44-overlong-acceptance-number-callback.json", "AcceptanceNo is 123 characters long; its contract allows at most 64"},
                {"孔九", "37010219880808367X", "45-overlong-refusal-callback.json", "Text is 2160 characters long; its contract allows at most 500"}}) {
            TaskMessage task = task("T-7", person(demo[0], demo[1]), Map.of("paymentVoucherNo", "WS-1"));
            HttpResponse<String> answer = send(task);
            assertThat(mapping.acknowledgement(task, answer.statusCode(), answer.body())).isEqualTo(new DepartmentAcknowledgement("SL-T-7"));
            String callback = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(java.nio.file.Path.of("../../seeds/simulators/real-estate/mappings", demo[2]).toFile())
                    .at("/serveEventListeners/0/parameters/body").asText().replace("$TASK_ID", "T-7");
            assertThatThrownBy(() -> mapping.callback("T-7", callback))
                    .isInstanceOf(DepartmentContractException.class).hasMessageContaining(demo[3]);
        }
    }

    @Test
    void aBrokenAcknowledgementIsAContractFault() throws Exception {
        TaskMessage task = task("T-4", person("孔七", "370102198607073774"), Map.of("paymentVoucherNo", "WS-1"));
        HttpResponse<String> answer = send(task);
        assertThatThrownBy(() -> mapping.acknowledgement(task, answer.statusCode(), answer.body()))
                .isInstanceOf(DepartmentContractException.class);
    }

    @Test
    void sharedDataIsDeliveredAndConfirmed() throws Exception {
        SharedData share = new SharedData("S-1", "SA-TAX-PAYMENT-RE", "tax", "real-estate", "deed-tax-payment", "先税后证",
                "OW20261123-AAAAAAAAAA", "11010519491231002X", Map.of("paymentVoucherNo", "WS-1"));
        DepartmentRequest request = mapping.shareRequest(share);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(registry.baseUrl() + request.path()))
                .header("Content-Type", request.contentType()).header("Idempotency-Key", "S-1")
                .POST(HttpRequest.BodyPublishers.ofString(request.body())).build(), HttpResponse.BodyHandlers.ofString());
        mapping.shareReceipt(share, answer.statusCode(), answer.body());
        LoggedRequest received = registry.findAll(postRequestedFor(urlPathEqualTo("/re-registry/api/shared-data"))
                .withRequestBody(matchingXPath("//*[local-name()='Item' and @key='paymentVoucherNo']"))).get(0);
        assertThat(received.getBodyAsString()).contains("WS-1");
    }

    @Test
    void aStatusQueryAsksByBusinessNoAndReadsStillWorkingThenTheDecisionAsItsCallbackCarriesIt() throws Exception {
        TaskMessage task = task("T-5", person("张三", "11010519491231002X"), Map.of("paymentVoucherNo", "WS-1"));
        assertThat(send(task).statusCode()).isEqualTo(202);
        DepartmentRequest query = mapping.statusRequest(task);
        assertThat(query.path()).isEqualTo("/re-registry/api/applications/T-5");
        assertThat(query.body()).isNull();

        HttpResponse<String> working = ask(task);
        assertThat(contract.parse(working.body()).getDocumentElement().getLocalName()).isEqualTo("ApplicationStatus");
        assertThat(mapping.status(task, working.statusCode(), working.body())).isEqualTo(Undecided.STILL_WORKING);

        // registered half a second after acceptance
        await().atMost(Duration.ofSeconds(5)).until(() -> simulators.decisions("real-estate").decided("T-5").isPresent());
        HttpResponse<String> decided = ask(task);
        assertThat(mapping.status(task, decided.statusCode(), decided.body())).isInstanceOfSatisfying(TaskOutcome.class, outcome -> {
            assertThat(outcome).isEqualTo(mapping.callback("T-5", simulators.decisions("real-estate").decided("T-5").orElseThrow()));
            assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
            assertThat(outcome.departmentRef()).isEqualTo("SL-T-5");
            assertThat(outcome.results()).containsEntry("certificateNo", "(2026)0012345");
        });
        assertThat(registry.findAll(getRequestedFor(urlPathEqualTo("/re-registry/api/applications/T-5"))))
                .as("both queries carry the task id as the idempotency key")
                .hasSize(2).allSatisfy(request -> assertThat(request.getHeader("Idempotency-Key")).isEqualTo("T-5"));
    }

    @Test
    void aStatusQueryReadsARefusalAndAnApplicationTheRegistryDoesNotHave() throws Exception {
        // Kong Yi 孔一: refused by callback (the property is seized)
        TaskMessage refused = task("T-6", person("孔一", "37010219800101311X"), Map.of("paymentVoucherNo", "WS-1"));
        assertThat(send(refused).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5)).until(() -> simulators.decisions("real-estate").decided("T-6").isPresent());
        HttpResponse<String> answer = ask(refused);
        assertThat(mapping.status(refused, answer.statusCode(), answer.body())).isInstanceOfSatisfying(TaskOutcome.class, outcome -> {
            assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.REJECTED);
            assertThat(outcome.reason()).startsWith("[4201]");
        });

        TaskMessage unknown = task("T-NEVER-SENT", person("张三", "11010519491231002X"), Map.of());
        HttpResponse<String> notFound = ask(unknown);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(mapping.status(unknown, notFound.statusCode(), notFound.body())).isEqualTo(Undecided.UNKNOWN_TASK);
    }

    @Test
    void aStatusAnswerBreakingTheContractIsAContractFault() {
        TaskMessage task = task("T-8", person("张三", "11010519491231002X"), Map.of());
        assertThatThrownBy(() -> mapping.status(task, 200, """
                <ApplicationStatus xmlns="urn:county-real-estate:registration:v1"><BusinessNo>SOMEONE-ELSE</BusinessNo>
                <AcceptanceNo>SL-1</AcceptanceNo><Stage>审核中</Stage></ApplicationStatus>"""))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("SOMEONE-ELSE");
        assertThatThrownBy(() -> mapping.status(task, 200, """
                <ApplicationStatus xmlns="urn:county-real-estate:registration:v1"><BusinessNo>T-8</BusinessNo></ApplicationStatus>"""))
                .isInstanceOf(DepartmentContractException.class);
        assertThatThrownBy(() -> mapping.status(task, 200, "<Receipt xmlns=\"urn:county-real-estate:registration:v1\"><BusinessNo>T-8</BusinessNo>"
                + "<AcceptanceNo>A</AcceptanceNo></Receipt>")).isInstanceOf(DepartmentContractException.class).hasMessageContaining("Receipt");
        assertThatThrownBy(() -> mapping.status(task, 400, "<Error/>")).isInstanceOf(DepartmentContractException.class)
                .hasMessageContaining("HTTP 400");
    }

    private HttpResponse<String> ask(TaskMessage task) throws Exception {
        DepartmentRequest query = mapping.statusRequest(task);
        return http.send(HttpRequest.newBuilder(URI.create(registry.baseUrl() + query.path()))
                .header("Idempotency-Key", task.taskId()).header("Accept", "application/xml").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(TaskMessage task) throws Exception {
        DepartmentRequest request = mapping.request(task);
        return http.send(HttpRequest.newBuilder(URI.create(registry.baseUrl() + request.path()))
                .header("Content-Type", request.contentType()).header("Idempotency-Key", task.taskId())
                .POST(HttpRequest.BodyPublishers.ofString(request.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static TaskMessage task(String taskId, Applicant buyer, Map<String, String> inputs) {
        return new TaskMessage(taskId, "OW20261123-AAAAAAAAAA", "real-estate", "RE-TRANSFER-REGISTRATION", buyer, FLAT, inputs);
    }

    private static Applicant person(String name, String idNumber) {
        return new Applicant(ApplicantKind.PERSON, name, idNumber, null, "13800138000");
    }
}
