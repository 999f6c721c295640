package org.onewindow.adapters.housingfund;

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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter, the centre's contract (contracts/departments/housing-fund in this adapter) and the
 * centre's simulator (seeds/simulators/housing-fund) agree: the requests the mapping writes obey the
 * contract, the simulator's answers obey it (or break it on purpose, for the demo population), and the
 * mapping reads each answer as the decision it is.
 */
class HousingFundContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema REQUEST = schema("trans-request.schema.json");
    private static final JsonSchema REPLY = schema("trans-reply.schema.json");

    // the demo population (README): anyone else succeeds
    private static final String ZHANG_SAN = "11010519491231002X";
    private static final String ZHOU_YI_REFUSED = "320106198603123013";
    private static final String ZHOU_ER_UNAVAILABLE = "32010619870415402X";
    private static final String ZHOU_SAN_SLOW = "320106198805184033";
    private static final String ZHOU_SI_BROKEN = "320106198906215046";
    private static final String ZHOU_WU_OVERLONG = "320106198805123011";
    private static final String ANJU = "91320106MA1HF00018";
    private static final String LEYE_REFUSED = "91320106MA1HF0002B";
    private static final String HESHUN_UNAVAILABLE = "91320106MA1HF0003E";
    private static final String NEW_COMPANY = "92330102MA2CY0011X";

    private static WireMockServer centre;

    /** 2026-11-23 10:00:00 in Beijing. */
    private final HousingFundMapping mapping = new HousingFundMapping(Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC));
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheCentresSimulator() {
        centre = new WireMockServer(options().dynamicPort().usingFilesUnderDirectory("../../seeds/simulators/housing-fund"));
        centre.start();
    }

    @AfterAll
    static void stop() {
        centre.stop();
    }

    @Test
    void theDemoPopulationHasValidIdentifiers() {
        for (String id : List.of(ZHANG_SAN, ZHOU_YI_REFUSED, ZHOU_ER_UNAVAILABLE, ZHOU_SAN_SLOW, ZHOU_SI_BROKEN, ZHOU_WU_OVERLONG)) {
            assertThat(ResidentIdNumberValidator.fault(id, LocalDate.of(2026, 11, 23))).as(id).isEmpty();
        }
        for (String code : List.of(ANJU, LEYE_REFUSED, HESHUN_UNAVAILABLE, NEW_COMPANY)) {
            assertThat(UnifiedSocialCreditCodeValidator.fault(code)).as(code).isEmpty();
        }
    }

    @Test
    void requestsForEveryTransactionObeyTheContract() throws IOException {
        List<DepartmentRequest> requests = List.of(
                mapping.request(unitRegistration("T-1", company(ANJU), Map.of("depositRatio", "10%"), Map.of())),
                mapping.request(unitRegistration("T-2", person(ZHANG_SAN), Map.of(), newCompany())),
                mapping.request(accountOpening("T-3", person(ZHANG_SAN), employerForm(), Map.of())),
                mapping.request(accountOpening("T-4", person(ZHANG_SAN), Map.of(), newCompanyWithUnitAccount())),
                mapping.request(certificate("T-5", person(ZHANG_SAN))),
                mapping.shareRequest(share("S-1")));
        for (DepartmentRequest request : requests) {
            assertThat(REQUEST.validate(JSON.readTree(request.body()))).as(request.body()).isEmpty();
            assertThat(request.contentType()).isEqualTo("application/json; charset=UTF-8");
        }
        JsonNode unit = JSON.readTree(requests.get(0).body());
        assertThat(requests.get(0).path()).isEqualTo("/gjj/openapi/v2/trans/DW0101");
        assertThat(unit.at("/trans_code").asText()).isEqualTo("DW0101");
        assertThat(unit.at("/trans_seq").asText()).isEqualTo("T-1");
        assertThat(unit.at("/trans_time").asText()).isEqualTo("20261123100000");
        assertThat(unit.at("/channel_code").asText()).isEqualTo("YCSL");
        assertThat(unit.at("/data/applicant/applicant_type").asText()).isEqualTo("2");
        assertThat(unit.at("/data/applicant/cert_type").asText()).isEqualTo("10");
        assertThat(unit.at("/data/unit/credit_code").asText()).isEqualTo(ANJU);
        assertThat(unit.at("/data/deposit_ratio").asText()).isEqualTo("10");
        // in a bundle the unit is the company an earlier step registered, not the founder applying
        JsonNode founded = JSON.readTree(requests.get(1).body());
        assertThat(founded.at("/data/applicant/cert_no").asText()).isEqualTo(ZHANG_SAN);
        assertThat(founded.at("/data/unit/credit_code").asText()).isEqualTo(NEW_COMPANY);
        assertThat(founded.at("/data/unit/unit_name").asText()).isEqualTo("南京安居新材料有限公司");
        assertThat(JSON.readTree(requests.get(2).body()).at("/data/employer/credit_code").asText()).isEqualTo(ANJU);
        assertThat(JSON.readTree(requests.get(3).body()).at("/data/employer/unit_acct_no").asText()).isEqualTo("320112345678");
        assertThat(requests.get(4).path()).isEqualTo("/gjj/openapi/v2/trans/CX0301");
        assertThat(requests.get(5).path()).isEqualTo("/gjj/openapi/v2/trans/GX0101");
        // the schema ties each data block to its transaction code
        assertThat(REQUEST.validate(JSON.readTree(requests.get(0).body().replace("\"DW0101\"", "\"CX0301\"")))).isNotEmpty();
    }

    @Test
    void aUnitDepositRegistrationOpensTheUnitAccount() throws Exception {
        TaskMessage task = unitRegistration("OW20261123-AAAAAAAAAA-01", company(ANJU), Map.of(), Map.of());
        HttpResponse<String> reply = send(task);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();

        TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());

        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.departmentRef()).isEqualTo("GJJ-OW20261123-AAAAAAAAAA-01");
        assertThat(outcome.results()).containsEntry("creditCode", ANJU).containsEntry("companyName", "南京安居装饰工程有限公司")
                .containsEntry("depositRatio", "12").containsKeys("unitAccountNo", "registeredOn");
        assertThat(outcome.results().get("unitAccountNo")).matches("3201[0-9]{8}");
        assertThat(LocalDate.parse(outcome.results().get("registeredOn"))).isAfter(LocalDate.of(2026, 1, 1));
        centre.verify(postRequestedFor(urlPathEqualTo("/gjj/openapi/v2/trans/DW0101"))
                .withHeader("X-Trans-Seq", equalTo("OW20261123-AAAAAAAAAA-01"))
                .withRequestBody(matchingJsonPath("$.data.unit.unit_name", equalTo("南京安居装饰工程有限公司"))));
    }

    @Test
    void aPersonalAccountIsOpenedUnderTheEmployer() throws Exception {
        TaskMessage task = accountOpening("OW20261123-AAAAAAAAAA-02", person(ZHANG_SAN), employerForm(), Map.of());
        HttpResponse<String> reply = send(task);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();

        TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());

        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.departmentRef()).isEqualTo("GJJ-OW20261123-AAAAAAAAAA-02");
        assertThat(outcome.results().get("personalAccountNo")).matches("320100[0-9]{8}");
        assertThat(outcome.results().get("openedOn")).matches("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    }

    @Test
    void aDepositCertificateIsIssuedAtOnce() throws Exception {
        TaskMessage task = certificate("OW20261123-AAAAAAAAAA-03", person(ZHANG_SAN));
        HttpResponse<String> reply = send(task);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();

        TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());

        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.results()).containsEntry("accountStatus", "NORMAL").containsEntry("depositedSince", "2019-07")
                .containsEntry("monthlyDeposit", "1680.00").containsKeys("certificateNo", "personalAccountNo", "lastDepositMonth");
        assertThat(outcome.results().get("certificateNo")).matches("JCZM[0-9]{14}");
        assertThat(outcome.results().get("lastDepositMonth")).matches("[0-9]{4}-[0-9]{2}");
    }

    @Test
    void refusalsCarryTheCentresCodeAndReason() throws Exception {
        TaskMessage unit = unitRegistration("T-10", company(LEYE_REFUSED), Map.of(), Map.of());
        TaskMessage account = accountOpening("T-11", person(ZHOU_YI_REFUSED), employerForm(), Map.of());
        TaskMessage certificate = certificate("T-12", person(ZHOU_YI_REFUSED));
        for (TaskMessage task : List.of(unit, account, certificate)) {
            HttpResponse<String> reply = send(task);
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();
            TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());
            assertThat(outcome.decision()).as(task.itemCode()).isEqualTo(TaskOutcome.Decision.REJECTED);
            assertThat(outcome.results()).isEmpty();
        }
        assertThat(mapping.outcome(unit, 200, send(unit).body()).reason()).startsWith("[210003] ").contains("不能重复开户");
        assertThat(mapping.outcome(account, 200, send(account).body()).reason()).startsWith("[220005] ").contains("转移接续");
        assertThat(mapping.outcome(certificate, 200, send(certificate).body()).reason()).startsWith("[230002] ");
    }

    @Test
    void theOutagePopulationGets503ForTheKitToRetry() throws Exception {
        for (TaskMessage task : List.of(certificate("T-20", person(ZHOU_ER_UNAVAILABLE)),
                accountOpening("T-21", person(ZHOU_ER_UNAVAILABLE), employerForm(), Map.of()),
                unitRegistration("T-22", company(HESHUN_UNAVAILABLE), Map.of(), Map.of()))) {
            HttpResponse<String> reply = send(task);
            assertThat(reply.statusCode()).as(task.itemCode()).isEqualTo(503);
            assertThat(reply.headers().firstValue("Retry-After")).contains("30");
        }
    }

    @Test
    void theSlowApplicantIsAnsweredAfterEightSecondsWithinTheKitsResponseTimeout() throws Exception {
        TaskMessage task = certificate("T-30", person(ZHOU_SAN_SLOW));
        long started = System.nanoTime();
        HttpResponse<String> reply = send(task);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(mapping.outcome(task, reply.statusCode(), reply.body()).decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
    }

    @Test
    void aReplyWithoutRetCodeBreaksTheContractAndTheMappingSaysSo() throws Exception {
        TaskMessage task = accountOpening("T-40", person(ZHOU_SI_BROKEN), employerForm(), Map.of());
        HttpResponse<String> reply = send(task);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isNotEmpty();
        assertThatThrownBy(() -> mapping.outcome(task, reply.statusCode(), reply.body()))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("/ret_code");
    }

    @Test
    void aRefusalLongerThanTheContractAllowsBreaksItAndTheMappingNamesTheFieldAndItsLimit() throws Exception {
        TaskMessage task = accountOpening("T-41", person(ZHOU_WU_OVERLONG), employerForm(), Map.of());
        HttpResponse<String> reply = send(task);
        assertThat(JSON.readTree(reply.body()).get("ret_msg").asText()).hasSize(2160);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isNotEmpty();
        assertThatThrownBy(() -> mapping.outcome(task, reply.statusCode(), reply.body()))
                .isInstanceOf(DepartmentContractException.class)
                .hasMessageContaining("/ret_msg is 2160 characters long; its contract allows at most 500");
    }

    @Test
    void busyIsRetriedAndEveryOtherSurpriseIsAContractFault() {
        TaskMessage task = certificate("T-50", person(ZHANG_SAN));
        assertThatThrownBy(() -> mapping.outcome(task, 200, "{\"ret_code\":\"999999\",\"ret_msg\":\"系统繁忙\",\"trans_seq\":\"T-50\"}"))
                .isInstanceOf(DepartmentFaultException.class).hasMessageContaining("busy");
        assertThatThrownBy(() -> mapping.outcome(task, 200, "{\"ret_code\":")).isInstanceOf(DepartmentContractException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> mapping.outcome(task, 200, "")).isInstanceOf(DepartmentContractException.class);
        assertThatThrownBy(() -> mapping.outcome(task, 200, "{\"ret_code\":\"000000\",\"ret_msg\":\"ok\",\"trans_seq\":\"T-49\"}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("T-49");
        assertThatThrownBy(() -> mapping.outcome(task, 200,
                "{\"ret_code\":\"000000\",\"ret_msg\":\"ok\",\"trans_code\":\"GR0101\",\"trans_seq\":\"T-50\",\"data\":{\"biz_no\":\"1\"}}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("GR0101");
        assertThatThrownBy(() -> mapping.outcome(task, 200, "{\"ret_code\":\"000000\",\"ret_msg\":\"ok\",\"trans_code\":\"CX0301\","
                + "\"trans_seq\":\"T-50\",\"data\":{\"biz_no\":\"1\",\"cert_no\":\"2\",\"indi_acct_no\":\"32010012345678\","
                + "\"acct_status\":\"09\",\"first_pay_month\":\"201907\",\"last_pay_month\":\"202610\",\"month_pay_amt\":\"1.00\"}}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("account status 09");
    }

    @Test
    void theCentreRefusesARequestWithoutXTransSeqAndTheMappingSaysSo() throws Exception {
        TaskMessage task = certificate("T-60", person(ZHANG_SAN));
        DepartmentRequest request = mapping.request(task);
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(centre.baseUrl() + request.path()))
                .header("Content-Type", request.contentType()).POST(HttpRequest.BodyPublishers.ofString(request.body())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();
        assertThat(JSON.readTree(reply.body()).at("/ret_code").asText()).isEqualTo("100001");
        assertThatThrownBy(() -> mapping.outcome(task, reply.statusCode(), reply.body()))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("HTTP 400").hasMessageContaining("100001");
    }

    @Test
    void requestsTheCentreCannotTakeAreContractFaultsBeforeAnythingIsSent() {
        assertThatThrownBy(() -> mapping.request(new TaskMessage("T-70", "OW20261123-AAAAAAAAAA", "housing-fund", "SI-PERSON-ENROLMENT",
                person(ZHANG_SAN), Map.of(), Map.of()))).isInstanceOf(DepartmentContractException.class).hasMessageContaining("SI-PERSON-ENROLMENT");
        assertThatThrownBy(() -> mapping.request(unitRegistration("T-71", person(ZHANG_SAN), Map.of(), Map.of())))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("credit code");
        assertThatThrownBy(() -> mapping.request(unitRegistration("T-72", company(ANJU), Map.of("depositRatio", "20"), Map.of())))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("deposit ratio 20");
        assertThatThrownBy(() -> mapping.request(accountOpening("T-73", person(ZHANG_SAN), Map.of(), Map.of())))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("employerCreditCode");
        assertThatThrownBy(() -> mapping.request(certificate("T-74", company(ANJU))))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("person");
    }

    @Test
    void sharedDataIsDeliveredAndReceipted() throws Exception {
        SharedData share = share("OW20261123-BBBBBBBBBB-01-SA-MR-REGISTRATION-HF-company-registration");
        DepartmentRequest request = mapping.shareRequest(share);
        assertThat(REQUEST.validate(JSON.readTree(request.body()))).isEmpty();

        HttpResponse<String> reply = post(request, share.shareId());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();
        mapping.shareReceipt(share, reply.statusCode(), reply.body());

        centre.verify(postRequestedFor(urlPathEqualTo("/gjj/openapi/v2/trans/GX0101"))
                .withHeader("X-Trans-Seq", equalTo(share.shareId()))
                .withRequestBody(matchingJsonPath("$.data.agreement_no", equalTo("SA-MR-REGISTRATION-HF")))
                .withRequestBody(matchingJsonPath("$.data.share_data.creditCode", equalTo(NEW_COMPANY))));
        assertThat(mapping.receivesSharedData()).isTrue();
    }

    @Test
    void aShareTheCentreDidNotTakeIsNotReceipted() throws Exception {
        SharedData share = share("S-2");
        DepartmentRequest request = mapping.shareRequest(share);
        HttpResponse<String> withoutTransSeq = http.send(HttpRequest.newBuilder(URI.create(centre.baseUrl() + request.path()))
                .header("Content-Type", request.contentType()).POST(HttpRequest.BodyPublishers.ofString(request.body())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThatThrownBy(() -> mapping.shareReceipt(share, withoutTransSeq.statusCode(), withoutTransSeq.body()))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("HTTP 400");
        assertThatThrownBy(() -> mapping.shareReceipt(share, 200, "{\"ret_code\":\"240001\",\"ret_msg\":\"协议已过期\",\"trans_seq\":\"S-2\"}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("[240001] 协议已过期");
    }

    /** The simulator refuses calls without X-Trans-Seq, so both call routes must name it. */
    @Test
    @SuppressWarnings("unchecked")
    void bothCallRoutesSendTheIdAsXTransSeq() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/camel/adapters/housing-fund.yaml")) {
            List<Map<String, Map<String, Object>>> routes = new Yaml().load(in);
            List<Map<String, Object>> calls = routes.stream().map(route -> route.get("templatedRoute"))
                    .filter(route -> "rest-json-call".equals(route.get("routeTemplateRef"))).toList();
            assertThat(calls).hasSize(2).allSatisfy(call -> assertThat((List<Map<String, String>>) call.get("parameters"))
                    .contains(Map.of("name", "idempotencyHeader", "value", "X-Trans-Seq"),
                            Map.of("name", "mapping", "value", "housingFundMapping")));
        }
    }

    /** Every item the catalogue gives the centre has a transaction, and the catalogue names the adapter's department. */
    @Test
    @SuppressWarnings("unchecked")
    void theCataloguesItemsAreTheOnesTheAdapterOffers() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("../../seeds/catalogue/housing-fund.yaml"))) {
            Map<String, List<Map<String, Object>>> catalogue = new Yaml().load(in);
            assertThat(catalogue.get("departments")).extracting(d -> d.get("code")).containsExactly(mapping.department());
            List<String> items = catalogue.get("items").stream().map(i -> (String) i.get("code")).toList();
            assertThat(items).containsExactlyInAnyOrderElementsOf(HousingFundService.OFFERED.stream().map(HousingFundService::itemCode).toList());
            assertThat(catalogue.get("sharingAgreements")).allSatisfy(a -> assertThat(a.get("consumer")).isEqualTo(mapping.department()));
        }
    }

    private HttpResponse<String> send(TaskMessage task) throws IOException, InterruptedException {
        return post(mapping.request(task), task.taskId());
    }

    private HttpResponse<String> post(DepartmentRequest request, String transSeq) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(centre.baseUrl() + request.path()))
                .header("Content-Type", request.contentType()).header("X-Trans-Seq", transSeq)
                .POST(HttpRequest.BodyPublishers.ofString(request.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static TaskMessage unitRegistration(String taskId, Applicant applicant, Map<String, String> form, Map<String, String> inputs) {
        return new TaskMessage(taskId, "OW20261123-AAAAAAAAAA", "housing-fund", "HF-UNIT-DEPOSIT-REGISTRATION", applicant, form, inputs);
    }

    private static TaskMessage accountOpening(String taskId, Applicant applicant, Map<String, String> form, Map<String, String> inputs) {
        return new TaskMessage(taskId, "OW20261123-AAAAAAAAAA", "housing-fund", "HF-PERSON-ACCOUNT-OPENING", applicant, form, inputs);
    }

    private static TaskMessage certificate(String taskId, Applicant applicant) {
        return new TaskMessage(taskId, "OW20261123-AAAAAAAAAA", "housing-fund", "HF-DEPOSIT-CERTIFICATE", applicant,
                Map.of("purpose", "贷款"), Map.of());
    }

    private static Map<String, String> employerForm() {
        return Map.of("employerCreditCode", ANJU, "employerName", "南京安居装饰工程有限公司", "monthlyWage", "8000");
    }

    /** What a company-establishment step gave, as the dispatcher passes it on. */
    private static Map<String, String> newCompany() {
        return Map.of("creditCode", NEW_COMPANY, "companyName", "南京安居新材料有限公司",
                "company-establishment.creditCode", NEW_COMPANY);
    }

    /** What a unit deposit registration step gave. */
    private static Map<String, String> newCompanyWithUnitAccount() {
        return Map.of("creditCode", NEW_COMPANY, "companyName", "南京安居新材料有限公司", "unitAccountNo", "320112345678");
    }

    private static SharedData share(String shareId) {
        return new SharedData(shareId, "SA-MR-REGISTRATION-HF", "market-regulation", "housing-fund", "company-registration",
                "Open the housing provident fund deposit account of a newly established company", "OW20261123-BBBBBBBBBB",
                ZHANG_SAN, Map.of("creditCode", NEW_COMPANY, "companyName", "南京安居新材料有限公司", "registeredOn", "2026-11-23"));
    }

    private static Applicant person(String idNumber) {
        return new Applicant(ApplicantKind.PERSON, "张三", idNumber, null, "13800138000");
    }

    private static Applicant company(String creditCode) {
        String name = switch (creditCode) {
            case LEYE_REFUSED -> "南京乐业商贸有限公司";
            case HESHUN_UNAVAILABLE -> "南京和顺物流有限公司";
            default -> "南京安居装饰工程有限公司";
        };
        return new Applicant(ApplicantKind.COMPANY, name, null, creditCode, "13800138000");
    }

    private static JsonSchema schema(String file) {
        try (InputStream in = HousingFundContractTest.class.getResourceAsStream("/contracts/departments/housing-fund/" + file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
