package org.onewindow.adapters.medicalinsurance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.DepartmentFaultException;
import org.onewindow.adapters.kit.DepartmentRequest;
import org.onewindow.schemas.cases.Applicant;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.identity.ResidentIdNumberValidator;
import org.onewindow.schemas.identity.UnifiedSocialCreditCodeValidator;
import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter, the bureau's contract (contracts/departments/medical-insurance in this adapter) and the bureau's
 * simulator (seeds/simulators/medical-insurance) agree: the requests the mapping writes obey the contract, the
 * simulator's answers obey it (or break it on purpose, for the demo population), and the mapping reads each answer as
 * the decision it is.
 */
class MedicalInsuranceContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema REQUEST = schema("transaction-request.schema.json");
    private static final Map<String, JsonSchema> REPLY = Map.of("7101", schema("reply-7101.schema.json"),
            "7102", schema("reply-7102.schema.json"), "7103", schema("reply-7103.schema.json"), "7901", schema("reply-7901.schema.json"));

    // the demo population (README): anyone else succeeds
    private static final String ZHANG_SAN = "11010519491231002X";
    private static final String WU_YI_REFUSED = "320102198607123015";
    private static final String WU_ER_BUSY = "320102198709054022";
    private static final String WU_SAN_SLOW = "320102198803145035";
    private static final String WU_SI_BROKEN = "320102198904226045";
    private static final String WU_WU_OVERLONG = "320102199008307052";
    private static final String WU_LIU_UNAVAILABLE = "320102199111118065";
    private static final String NEWBORN = "310104202601010079";
    private static final String DEMO_COMPANY = "91320102MA1XYW123R";
    private static final String KANGNING_REFUSED = "91320102MA1YB00011";
    private static final String JIANKANG_BUSY = "91320102MA1YB00024";
    private static final String NEW_COMPANY = "92330102MA2CY0011X";
    /** A share id as long as the hub makes them: task id, agreement, data item. */
    private static final String LONG_SHARE_ID = "OW20261123-BBBBBBBBBB-01-SA-MR-REGISTRATION-MI-company-registration";

    private static WireMockServer bureau;

    /** 2026-11-23 10:00:00 in Beijing. */
    private final MedicalInsuranceMapping mapping = new MedicalInsuranceMapping(Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC));
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheBureausSimulator() {
        bureau = new WireMockServer(options().dynamicPort().usingFilesUnderDirectory("../../seeds/simulators/medical-insurance"));
        bureau.start();
    }

    @AfterAll
    static void stop() {
        bureau.stop();
    }

    @Test
    void theDemoPopulationHasValidIdentifiers() {
        for (String id : List.of(ZHANG_SAN, WU_YI_REFUSED, WU_ER_BUSY, WU_SAN_SLOW, WU_SI_BROKEN, WU_WU_OVERLONG, WU_LIU_UNAVAILABLE, NEWBORN)) {
            assertThat(ResidentIdNumberValidator.fault(id, LocalDate.of(2026, 11, 23))).as(id).isEmpty();
        }
        for (String code : List.of(DEMO_COMPANY, KANGNING_REFUSED, JIANKANG_BUSY, NEW_COMPANY)) {
            assertThat(UnifiedSocialCreditCodeValidator.fault(code)).as(code).isEmpty();
        }
    }

    @Test
    void requestsForEveryTransactionObeyTheContract() throws IOException {
        List<DepartmentRequest> requests = List.of(
                mapping.request(unitRegistration("T-1", company(DEMO_COMPANY), Map.of())),
                mapping.request(unitRegistration("T-2", person(ZHANG_SAN), newCompany())),
                mapping.request(employeeEnrolment("T-3", person(ZHANG_SAN), employerForm(), Map.of())),
                mapping.request(employeeEnrolment("T-4", person(ZHANG_SAN), Map.of(), newCompanyWithUnitNo())),
                mapping.request(residentEnrolment("T-5", person(ZHANG_SAN), Map.of(), Map.of())),
                mapping.request(residentEnrolment("T-6", person(ZHANG_SAN), Map.of("newbornName", "张小宝"), Map.of("newbornIdNumber", NEWBORN))),
                mapping.shareRequest(share(LONG_SHARE_ID)));
        for (DepartmentRequest request : requests) {
            assertThat(REQUEST.validate(JSON.readTree(request.body()))).as(request.body()).isEmpty();
            assertThat(request.path()).as("one endpoint for every transaction").isEqualTo("/hsa/gateway/v1/transaction");
            assertThat(request.contentType()).isEqualTo("application/json; charset=UTF-8");
        }
        JsonNode unit = JSON.readTree(requests.get(0).body());
        assertThat(unit.at("/infno").asText()).isEqualTo("7101");
        assertThat(unit.at("/msgid").asText()).isEqualTo("T-1");
        assertThat(unit.at("/inf_time").asText()).isEqualTo("2026-11-23 10:00:00");
        assertThat(unit.at("/opter_type").asText()).isEqualTo("1");
        assertThat(unit.at("/org_code").asText()).isEqualTo("YCSL");
        assertThat(unit.at("/input/empinfo/uscc").asText()).isEqualTo(DEMO_COMPANY);
        assertThat(unit.at("/input/aplyinfo/aply_type").asText()).isEqualTo("2");
        // in a bundle the unit is the company an earlier step registered, not the founder applying
        JsonNode founded = JSON.readTree(requests.get(1).body());
        assertThat(founded.at("/input/aplyinfo/aply_certno").asText()).isEqualTo(ZHANG_SAN);
        assertThat(founded.at("/input/empinfo/uscc").asText()).isEqualTo(NEW_COMPANY);
        assertThat(founded.at("/input/empinfo/emp_name").asText()).isEqualTo("南京安居新材料有限公司");
        JsonNode employee = JSON.readTree(requests.get(2).body());
        assertThat(employee.at("/infno").asText()).isEqualTo("7102");
        assertThat(employee.at("/input/psninfo/certno").asText()).isEqualTo(ZHANG_SAN);
        assertThat(employee.at("/input/empinfo/uscc").asText()).isEqualTo(DEMO_COMPANY);
        assertThat(employee.at("/input/insuinfo/clct_base").asText()).as("in yuan, two decimals").isEqualTo("8000.00");
        assertThat(employee.at("/input/insuinfo/begndate").asText()).isEqualTo("2026-12-01");
        assertThat(JSON.readTree(requests.get(3).body()).at("/input/empinfo/emp_no").asText()).isEqualTo("32010000012345");
        JsonNode adult = JSON.readTree(requests.get(4).body());
        assertThat(adult.at("/infno").asText()).isEqualTo("7103");
        assertThat(adult.at("/input/psninfo/certno").asText()).isEqualTo(ZHANG_SAN);
        assertThat(adult.at("/input/agntinfo").isMissingNode()).isTrue();
        // a newborn is the insured, the parent applying acts for them
        JsonNode newborn = JSON.readTree(requests.get(5).body());
        assertThat(newborn.at("/input/psninfo/certno").asText()).isEqualTo(NEWBORN);
        assertThat(newborn.at("/input/psninfo/psn_name").asText()).isEqualTo("张小宝");
        assertThat(newborn.at("/input/agntinfo/certno").asText()).isEqualTo(ZHANG_SAN);
        JsonNode shared = JSON.readTree(requests.get(6).body());
        assertThat(shared.at("/infno").asText()).isEqualTo("7901");
        assertThat(shared.at("/msgid").asText()).as("the whole share id, 67 characters").isEqualTo(LONG_SHARE_ID).hasSize(67);
    }

    @Test
    void everyTransactionCompletesWithResultsInTheHubsWords() throws Exception {
        TaskOutcome unit = completed(unitRegistration("T-10", company(DEMO_COMPANY), Map.of()), "7101");
        assertThat(unit.results()).containsEntry("creditCode", DEMO_COMPANY).containsEntry("companyName", "南京味道餐饮有限公司")
                .containsEntry("insuranceType", "EMPLOYEE_BASIC").containsKeys("miUnitNo", "insuredFrom");
        assertThat(unit.results().get("insuredFrom")).matches("\\d{4}-\\d{2}-\\d{2}");

        TaskOutcome employee = completed(employeeEnrolment("T-11", person(ZHANG_SAN), employerForm(), Map.of()), "7102");
        assertThat(employee.results()).containsEntry("insuranceType", "EMPLOYEE_BASIC").containsEntry("insuranceStatus", "INSURED")
                .containsEntry("insuredFrom", "2026-12-01").containsEntry("contributionBase", "8000.00").containsKeys("miPersonNo", "miUnitNo");
        TaskOutcome inBundle = completed(employeeEnrolment("T-12", person(ZHANG_SAN), Map.of(), newCompanyWithUnitNo()), "7102");
        assertThat(inBundle.results()).containsEntry("miUnitNo", "32010000012345").containsEntry("contributionBase", "7389.00");

        TaskOutcome newborn = completed(residentEnrolment("T-13", person(ZHANG_SAN), Map.of("newbornName", "张小宝"),
                Map.of("newbornIdNumber", NEWBORN)), "7103");
        assertThat(newborn.results()).containsEntry("insuranceType", "RESIDENT_BASIC").containsEntry("insuranceStatus", "INSURED")
                .containsKeys("miPersonNo", "insuredFrom");
        assertThat(newborn.departmentRef()).matches("3201\\d{22}");
    }

    @Test
    void theRefusalPopulationIsRefusedWithTheBureausReason() throws Exception {
        TaskMessage unit = unitRegistration("T-20", company(KANGNING_REFUSED), Map.of());
        TaskMessage employee = employeeEnrolment("T-21", person(WU_YI_REFUSED), employerForm(), Map.of());
        TaskMessage resident = residentEnrolment("T-22", person(WU_YI_REFUSED), Map.of(), Map.of());
        for (TaskMessage task : List.of(unit, employee, resident)) {
            HttpResponse<String> reply = send(task);
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(REPLY.get(infno(task)).validate(JSON.readTree(reply.body()))).isEmpty();
            TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());
            assertThat(outcome.decision()).as(task.itemCode()).isEqualTo(TaskOutcome.Decision.REJECTED);
            assertThat(outcome.results()).isEmpty();
            assertThat(outcome.departmentRef()).isNotBlank();
        }
        assertThat(mapping.outcome(unit, 200, send(unit).body()).reason()).startsWith("[-1] ").contains("不能重复登记");
        assertThat(mapping.outcome(employee, 200, send(employee).body()).reason()).startsWith("[-1] ").contains("已有有效的职工基本医疗保险参保记录");
        assertThat(mapping.outcome(resident, 200, send(resident).body()).reason()).startsWith("[-1] ").contains("不能同时参加城乡居民基本医疗保险");
    }

    @Test
    void theBusyCodeIsAFaultTheKitRetries() throws Exception {
        for (TaskMessage task : List.of(employeeEnrolment("T-30", person(WU_ER_BUSY), employerForm(), Map.of()),
                residentEnrolment("T-31", person(WU_ER_BUSY), Map.of(), Map.of()),
                unitRegistration("T-32", company(JIANKANG_BUSY), Map.of()))) {
            HttpResponse<String> reply = send(task);
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(reply.body()).get("infcode").asInt()).isEqualTo(-2);
            assertThat(REPLY.get(infno(task)).validate(JSON.readTree(reply.body()))).isEmpty();
            assertThatThrownBy(() -> mapping.outcome(task, reply.statusCode(), reply.body()))
                    .isInstanceOf(DepartmentFaultException.class).hasMessageContaining("busy").hasMessageContaining("系统繁忙");
        }
    }

    @Test
    void theOutageApplicantGets503ForTheKitToRetry() throws Exception {
        HttpResponse<String> reply = send(employeeEnrolment("T-33", person(WU_LIU_UNAVAILABLE), employerForm(), Map.of()));
        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.headers().firstValue("Retry-After")).contains("30");
    }

    @Test
    void theSlowApplicantIsAnsweredAfterEightSecondsWithinTheKitsResponseTimeout() throws Exception {
        TaskMessage task = employeeEnrolment("T-34", person(WU_SAN_SLOW), employerForm(), Map.of());
        long started = System.nanoTime();
        HttpResponse<String> reply = send(task);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(mapping.outcome(task, reply.statusCode(), reply.body()).decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
    }

    @Test
    void aReplyWithoutInfcodeBreaksTheContractAndTheMappingSaysSo() throws Exception {
        TaskMessage task = employeeEnrolment("T-40", person(WU_SI_BROKEN), employerForm(), Map.of());
        HttpResponse<String> reply = send(task);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(REPLY.get("7102").validate(JSON.readTree(reply.body()))).isNotEmpty();
        assertThatThrownBy(() -> mapping.outcome(task, reply.statusCode(), reply.body()))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("/infcode");
    }

    @Test
    void aRefusalLongerThanTheContractAllowsBreaksItAndTheMappingNamesTheFieldAndItsLimit() throws Exception {
        TaskMessage task = employeeEnrolment("T-41", person(WU_WU_OVERLONG), employerForm(), Map.of());
        HttpResponse<String> reply = send(task);
        assertThat(JSON.readTree(reply.body()).get("err_msg").asText()).hasSize(2160);
        assertThat(REPLY.get("7102").validate(JSON.readTree(reply.body()))).isNotEmpty();
        assertThatThrownBy(() -> mapping.outcome(task, reply.statusCode(), reply.body()))
                .isInstanceOf(DepartmentContractException.class)
                .hasMessageContaining("/err_msg is 2160 characters long; its contract allows at most 500");
    }

    @Test
    void everyOtherSurpriseIsAContractFault() {
        TaskMessage task = employeeEnrolment("T-50", person(ZHANG_SAN), employerForm(), Map.of());
        String output = "\"output\":{\"insuinfo\":{\"psn_no\":\"1\",\"insutype\":\"%s\",\"psn_insu_stas\":\"%s\",\"psn_insu_date\":\"2026-12-01\","
                + "\"clct_base\":\"8000.00\",\"emp_no\":\"2\"}}";
        assertThatThrownBy(() -> mapping.outcome(task, 200, "{\"infcode\":")).isInstanceOf(DepartmentContractException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> mapping.outcome(task, 200, "")).isInstanceOf(DepartmentContractException.class);
        assertThatThrownBy(() -> mapping.outcome(task, 200, "{\"infcode\":\"0\",\"inf_refmsgid\":\"R\"}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> mapping.outcome(task, 200, "{\"infcode\":7,\"err_msg\":\"?\"}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("infcode 7");
        assertThatThrownBy(() -> mapping.outcome(task, 200, "{\"infcode\":0,\"inf_refmsgid\":\"R\"}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("/output");
        assertThatThrownBy(() -> mapping.outcome(task, 200, "{\"infcode\":0,\"inf_refmsgid\":\"R\"," + output.formatted("390", "1") + "}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("insutype 390");
        assertThatThrownBy(() -> mapping.outcome(task, 200, "{\"infcode\":0,\"inf_refmsgid\":\"R\"," + output.formatted("310", "9") + "}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("insurance status 9");
        assertThatThrownBy(() -> mapping.outcome(task, 200, "{\"infcode\":0," + output.formatted("310", "1") + "}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("/inf_refmsgid");
        assertThatThrownBy(() -> mapping.outcome(task, 500, "<html>oops</html>"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("HTTP 500").hasMessageContaining("oops");
    }

    @Test
    void theBureauRefusesAMessageWithoutMsgidAndTheMappingSaysSo() throws Exception {
        TaskMessage task = employeeEnrolment("T-60", person(ZHANG_SAN), employerForm(), Map.of());
        JsonNode body = JSON.readTree(mapping.request(task).body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("msgid");
        HttpResponse<String> reply = post(JSON.writeValueAsString(body));
        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(REPLY.get("7102").validate(JSON.readTree(reply.body()))).isEmpty();
        assertThat(JSON.readTree(reply.body()).at("/err_msg").asText()).contains("msgid");
        assertThatThrownBy(() -> mapping.outcome(task, reply.statusCode(), reply.body()))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("HTTP 400").hasMessageContaining("msgid");

        HttpResponse<String> unknown = post(JSON.writeValueAsString(((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                mapping.request(task).body())).put("infno", "9999")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("infcode").asInt()).isEqualTo(-1);
    }

    @Test
    void requestsTheBureauCannotTakeAreContractFaultsBeforeAnythingIsSent() {
        assertThatThrownBy(() -> mapping.request(new TaskMessage("T-70", "OW20261123-AAAAAAAAAA", "medical-insurance", "SI-PERSON-ENROLMENT",
                person(ZHANG_SAN), Map.of(), Map.of()))).isInstanceOf(DepartmentContractException.class).hasMessageContaining("SI-PERSON-ENROLMENT");
        assertThatThrownBy(() -> mapping.request(unitRegistration("T-71", person(ZHANG_SAN), Map.of())))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("credit code");
        assertThatThrownBy(() -> mapping.request(employeeEnrolment("T-72", person(ZHANG_SAN), Map.of(), Map.of())))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("employerCreditCode");
        assertThatThrownBy(() -> mapping.request(employeeEnrolment("T-73", company(DEMO_COMPANY), employerForm(), Map.of())))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("person");
        assertThatThrownBy(() -> mapping.request(employeeEnrolment("T-74", person(ZHANG_SAN),
                Map.of("employerCreditCode", DEMO_COMPANY, "monthlyWage", "八千"), Map.of())))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("monthlyWage 八千");
        assertThatThrownBy(() -> mapping.request(employeeEnrolment("T-75", person(ZHANG_SAN),
                Map.of("employerCreditCode", DEMO_COMPANY, "startDate", "2026/12/01"), Map.of())))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("startDate 2026/12/01");
        assertThatThrownBy(() -> mapping.request(residentEnrolment("T-76", person(ZHANG_SAN), Map.of(), Map.of("newbornIdNumber", NEWBORN))))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("newbornName");
        assertThatThrownBy(() -> mapping.request(residentEnrolment("T-77", company(DEMO_COMPANY), Map.of(), Map.of())))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("person");
    }

    @Test
    void sharedDataIsDeliveredWithTheWholeShareIdAndReceipted() throws Exception {
        SharedData share = share(LONG_SHARE_ID);
        DepartmentRequest request = mapping.shareRequest(share);
        HttpResponse<String> reply = post(request.body());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(REPLY.get("7901").validate(JSON.readTree(reply.body()))).isEmpty();
        mapping.shareReceipt(share, reply.statusCode(), reply.body());

        bureau.verify(postRequestedFor(urlPathEqualTo("/hsa/gateway/v1/transaction"))
                .withRequestBody(matchingJsonPath("$.msgid", equalTo(LONG_SHARE_ID)))
                .withRequestBody(matchingJsonPath("$.input.shareinfo.agreement_no", equalTo("SA-MR-REGISTRATION-MI")))
                .withRequestBody(matchingJsonPath("$.input.shareinfo.data.creditCode", equalTo(NEW_COMPANY))));
        assertThat(mapping.receivesSharedData()).isTrue();
    }

    @Test
    void aShareTheBureauDidNotTakeIsNotReceipted() throws Exception {
        SharedData share = share("S-2");
        JsonNode body = JSON.readTree(mapping.shareRequest(share).body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("msgid");
        HttpResponse<String> withoutMsgid = post(JSON.writeValueAsString(body));
        assertThatThrownBy(() -> mapping.shareReceipt(share, withoutMsgid.statusCode(), withoutMsgid.body()))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("HTTP 400");
        assertThatThrownBy(() -> mapping.shareReceipt(share, 200, "{\"infcode\":-1,\"err_msg\":\"协议已过期\"}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("[-1] 协议已过期");
        assertThatThrownBy(() -> mapping.shareReceipt(share, 200, "{\"infcode\":-2,\"err_msg\":\"系统繁忙\"}"))
                .isInstanceOf(DepartmentFaultException.class);
        assertThatThrownBy(() -> mapping.shareReceipt(share, 200, "{\"infcode\":0,\"inf_refmsgid\":\"R\",\"output\":{}}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("/output/rcpt_no");
    }

    /** Both call routes name the mapping and the idempotency header. */
    @Test
    @SuppressWarnings("unchecked")
    void bothCallRoutesUseTheMappingAndTheIdempotencyKeyHeader() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/camel/adapters/medical-insurance.yaml")) {
            List<Map<String, Map<String, Object>>> routes = new Yaml().load(in);
            List<Map<String, Object>> calls = routes.stream().map(route -> route.get("templatedRoute"))
                    .filter(route -> "rest-json-call".equals(route.get("routeTemplateRef"))).toList();
            assertThat(calls).hasSize(2).allSatisfy(call -> assertThat((List<Map<String, String>>) call.get("parameters"))
                    .contains(Map.of("name", "idempotencyHeader", "value", "Idempotency-Key"),
                            Map.of("name", "mapping", "value", "medicalInsuranceMapping")));
            assertThat(routes).extracting(route -> route.get("templatedRoute").get("routeId"))
                    .containsExactly("medical-insurance-tasks", "medical-insurance-call", "medical-insurance-shares", "medical-insurance-share-call");
        }
    }

    /**
     * The catalogue's items for the bureau are the ones the adapter offers, plus the resident enrolment still filed
     * under social insurance in items.yaml; every agreement has the bureau on one side.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theCataloguesItemsAreTheOnesTheAdapterOffers() throws IOException {
        Map<String, List<Map<String, Object>>> catalogue = yaml("../../seeds/catalogue/medical-insurance.yaml");
        assertThat(catalogue.get("departments")).extracting(d -> d.get("code")).containsExactly(mapping.department());
        List<String> items = catalogue.get("items").stream().map(i -> (String) i.get("code")).toList();
        List<String> resident = yaml("../../seeds/catalogue/items.yaml").get("items").stream().map(i -> (String) i.get("code"))
                .filter("SI-MEDICAL-ENROLMENT"::equals).toList();
        assertThat(resident).as("the resident enrolment the adapter handles is in items.yaml").hasSize(1);
        assertThat(Stream.concat(items.stream(), resident.stream()).toList())
                .containsExactlyInAnyOrderElementsOf(MedicalInsuranceTransaction.OFFERED.stream().map(MedicalInsuranceTransaction::itemCode).toList());
        assertThat(catalogue.get("sharingAgreements")).allSatisfy(a -> assertThat(List.of(a.get("producer"), a.get("consumer")))
                .contains(mapping.department()));
    }

    private TaskOutcome completed(TaskMessage task, String infno) throws Exception {
        HttpResponse<String> reply = send(task);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(REPLY.get(infno).validate(JSON.readTree(reply.body()))).as(reply.body()).isEmpty();
        TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());
        assertThat(outcome.decision()).as(reply.body()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.departmentRef()).isEqualTo(JSON.readTree(reply.body()).get("inf_refmsgid").asText());
        return outcome;
    }

    private HttpResponse<String> send(TaskMessage task) throws IOException, InterruptedException {
        return post(mapping.request(task).body());
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(bureau.baseUrl() + "/hsa/gateway/v1/transaction"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String infno(TaskMessage task) {
        return MedicalInsuranceTransaction.forItem(task.itemCode()).infno();
    }

    private static TaskMessage unitRegistration(String taskId, Applicant applicant, Map<String, String> inputs) {
        return new TaskMessage(taskId, "OW20261123-AAAAAAAAAA", "medical-insurance", "MI-UNIT-REGISTRATION", applicant, Map.of(), inputs);
    }

    private static TaskMessage employeeEnrolment(String taskId, Applicant applicant, Map<String, String> form, Map<String, String> inputs) {
        return new TaskMessage(taskId, "OW20261123-AAAAAAAAAA", "medical-insurance", "MI-EMPLOYEE-ENROLMENT", applicant, form, inputs);
    }

    private static TaskMessage residentEnrolment(String taskId, Applicant applicant, Map<String, String> form, Map<String, String> inputs) {
        return new TaskMessage(taskId, "OW20261123-AAAAAAAAAA", "medical-insurance", "SI-MEDICAL-ENROLMENT", applicant, form, inputs);
    }

    private static Map<String, String> employerForm() {
        return Map.of("employerCreditCode", DEMO_COMPANY, "employerName", "南京味道餐饮有限公司", "monthlyWage", "8000", "startDate", "2026-12-01");
    }

    /** What a company-establishment step gave, as the dispatcher passes it on. */
    private static Map<String, String> newCompany() {
        return Map.of("creditCode", NEW_COMPANY, "companyName", "南京安居新材料有限公司", "company-establishment.creditCode", NEW_COMPANY);
    }

    /** What a unit registration step gave. */
    private static Map<String, String> newCompanyWithUnitNo() {
        return Map.of("creditCode", NEW_COMPANY, "companyName", "南京安居新材料有限公司", "miUnitNo", "32010000012345");
    }

    private static SharedData share(String shareId) {
        return new SharedData(shareId, "SA-MR-REGISTRATION-MI", "market-regulation", "medical-insurance", "company-registration",
                "Unit medical insurance registration of a newly established company", "OW20261123-BBBBBBBBBB",
                ZHANG_SAN, Map.of("creditCode", NEW_COMPANY, "companyName", "南京安居新材料有限公司", "registeredOn", "2026-11-23"));
    }

    private static Applicant person(String idNumber) {
        return new Applicant(ApplicantKind.PERSON, "张三", idNumber, null, "13800138000");
    }

    private static Applicant company(String creditCode) {
        String name = switch (creditCode) {
            case KANGNING_REFUSED -> "南京康宁医药科技有限公司";
            case JIANKANG_BUSY -> "南京健康管理咨询有限公司";
            default -> "南京味道餐饮有限公司";
        };
        return new Applicant(ApplicantKind.COMPANY, name, null, creditCode, "13800138000");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Map<String, Object>>> yaml(String file) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return new Yaml().load(in);
        }
    }

    private static JsonSchema schema(String file) {
        try (InputStream in = MedicalInsuranceContractTest.class.getResourceAsStream("/contracts/departments/medical-insurance/" + file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
