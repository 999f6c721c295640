package org.onewindow.adapters.provincial;

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
import org.onewindow.adapters.kit.DepartmentRequest;
import org.onewindow.schemas.cases.Applicant;
import org.onewindow.schemas.cases.ApplicantKind;
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
 * The adapter, the platform's contract (schemas/departments/provincial) and the platform's simulator
 * (seeds/simulators/provincial) agree: the requests the mapping writes obey the contract, the
 * simulator's answers obey it (or break it on purpose, for the demo population), and the mapping
 * reads each answer as the decision it is. The contract is read from the source tree, as the stubs
 * are, so a change to either is tested before the schemas module is rebuilt.
 */
class ProvincialContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema REQUEST = schema("gateway-request.schema.json");
    private static final JsonSchema REPLY = schema("gateway-reply.schema.json");
    private static final String NEW_COMPANY_CODE = "92330102MA2CY0011X";
    private static final String FOUNDER = "330102199001011234";
    private static WireMockServer platform;

    /** 2026-11-23 10:00:00 in Beijing. */
    private final ProvincialMapping mapping = new ProvincialMapping(Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC));
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startThePlatformsSimulator() {
        platform = new WireMockServer(options().dynamicPort().usingFilesUnderDirectory("../../seeds/simulators/provincial"));
        platform.start();
    }

    @AfterAll
    static void stop() {
        platform.stop();
    }

    @Test
    void requestsForFoundersAndCompaniesObeyTheContract() throws IOException {
        DepartmentRequest establishment = mapping.request(establishment("T-1", founder(FOUNDER)));
        DepartmentRequest foodLicence = mapping.request(foodLicence("T-2", founder(FOUNDER), newCompany()));
        DepartmentRequest byCompany = mapping.request(foodLicence("T-3",
                new Applicant(ApplicantKind.COMPANY, "杭州味道餐饮有限公司", FOUNDER, "91330102MA2CY00124", "13800138000"), Map.of()));

        for (DepartmentRequest request : List.of(establishment, foodLicence, byCompany)) {
            assertThat(REQUEST.validate(JSON.readTree(request.body()))).isEmpty();
            assertThat(request.contentType()).isEqualTo("application/json; charset=UTF-8");
        }
        JsonNode body = JSON.readTree(establishment.body());
        assertThat(establishment.path()).isEqualTo("/gateway/api/v1/market-regulation/company-registrations");
        assertThat(body.at("/head/requestId").asText()).isEqualTo("T-1");
        assertThat(body.at("/head/serviceCode").asText()).isEqualTo("MR.COMPANY.ESTABLISH");
        assertThat(body.at("/head/timestamp").asText()).isEqualTo("2026-11-23 10:00:00");
        assertThat(body.at("/body/applicant/certificateNumber").asText()).isEqualTo(FOUNDER);
        assertThat(body.at("/body/company/name").asText()).isEqualTo("杭州何记餐饮有限公司");
        assertThat(foodLicence.path()).isEqualTo("/gateway/api/v1/market-regulation/food-business-licences");
        assertThat(JSON.readTree(byCompany.body()).at("/body/applicant/agentIdNumber").asText()).isEqualTo(FOUNDER);
        // the schema ties each body to its service code, so a body sent to the wrong service fails
        assertThat(REQUEST.validate(JSON.readTree(establishment.body().replace("MR.COMPANY.ESTABLISH", "MR.FOOD-LICENCE.ISSUE"))))
                .isNotEmpty();
    }

    @Test
    void companyEstablishmentForAFounderIssuesTheBusinessLicence() throws Exception {
        TaskMessage task = establishment("OW20261123-AAAAAAAAAA-01", founder(FOUNDER));
        HttpResponse<String> reply = send(task);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();

        TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());

        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.departmentRef()).isEqualTo("330000-OW20261123-AAAAAAAAAA-01");
        assertThat(outcome.results())
                .containsEntry("creditCode", NEW_COMPANY_CODE)
                .containsEntry("companyName", "杭州何记餐饮有限公司")
                .containsKey("licenceNumber");
        assertThat(outcome.results().get("licenceNumber")).matches("330102[0-9]{14}");
        assertThat(UnifiedSocialCreditCodeValidator.fault(outcome.results().get("creditCode"))).isEmpty();
    }

    @Test
    void theFoodLicenceGoesToTheCompanyTheEstablishmentStepCreated() throws Exception {
        TaskMessage task = foodLicence("OW20261123-AAAAAAAAAA-05", founder(FOUNDER), newCompany());
        HttpResponse<String> reply = send(task);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();

        TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());

        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.results().get("foodLicenceNumber")).matches("JY[0-9]{14}");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(LocalDate.parse(outcome.results().get("validUntil"))).isAfter(today.plusYears(4));
        platform.verify(postRequestedFor(urlPathEqualTo("/gateway/api/v1/market-regulation/food-business-licences"))
                .withHeader("X-Request-Id", equalTo("OW20261123-AAAAAAAAAA-05"))
                .withRequestBody(matchingJsonPath("$.body.licensee.creditCode", equalTo(NEW_COMPANY_CODE)))
                .withRequestBody(matchingJsonPath("$.body.licensee.companyName", equalTo("杭州何记餐饮有限公司"))));
    }

    @Test
    void anExistingCompanyIsItsOwnLicensee() throws IOException {
        Applicant company = new Applicant(ApplicantKind.COMPANY, "杭州味道餐饮有限公司", null, "91330102MA2CY00124", "13800138000");
        JsonNode body = JSON.readTree(mapping.request(foodLicence("T-8", company, Map.of())).body());
        assertThat(body.at("/body/licensee/creditCode").asText()).isEqualTo("91330102MA2CY00124");
        assertThat(body.at("/body/licensee/companyName").asText()).isEqualTo("杭州味道餐饮有限公司");
    }

    @Test
    void aFoodLicenceWithoutAnyCreditCodeIsAContractFault() {
        assertThatThrownBy(() -> mapping.request(foodLicence("T-9", founder(FOUNDER), Map.of())))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("credit code").hasMessageContaining("T-9");
    }

    @Test
    void anEstablishmentWithoutTheCompanysFormFieldsIsAContractFault() {
        TaskMessage task = new TaskMessage("T-10", "OW20261123-AAAAAAAAAA", "market-regulation", "MR-COMPANY-ESTABLISHMENT",
                founder(FOUNDER), Map.of("companyName", "杭州何记餐饮有限公司"), Map.of());
        assertThatThrownBy(() -> mapping.request(task)).isInstanceOf(DepartmentContractException.class)
                .hasMessageContaining("businessScope").hasMessageContaining("registeredCapital").hasMessageContaining("address");
    }

    @Test
    void aRefusalCarriesThePlatformsCodeAndReason() throws Exception {
        TaskMessage task = establishment("T-11", founder("33010219800101211X"));
        HttpResponse<String> reply = send(task);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();

        TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());

        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.REJECTED);
        assertThat(outcome.departmentRef()).isEqualTo("330000-T-11");
        assertThat(outcome.reason()).startsWith("[4101] ").contains("企业名称与已登记企业重复");
        assertThat(outcome.results()).isEmpty();
    }

    @Test
    void theOutageApplicantGets503ForTheKitToRetry() throws Exception {
        HttpResponse<String> reply = send(establishment("T-12", founder("330102198102022229")));
        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.headers().firstValue("Retry-After")).contains("30");
    }

    @Test
    void theSlowApplicantIsAnsweredAfterEightSecondsWithinTheKitsResponseTimeout() throws Exception {
        TaskMessage task = establishment("T-13", founder("330102198203032338"));
        long started = System.nanoTime();
        HttpResponse<String> reply = send(task);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());
        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.results()).containsEntry("creditCode", NEW_COMPANY_CODE);
    }

    @Test
    void aReplyWithoutHeadCodeBreaksTheContractAndTheMappingSaysSo() throws Exception {
        TaskMessage task = establishment("T-14", founder("330102198304042447"));
        HttpResponse<String> reply = send(task);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isNotEmpty();
        assertThatThrownBy(() -> mapping.outcome(task, reply.statusCode(), reply.body()))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("/head/code");
    }

    @Test
    void aRefusalLongerThanTheContractAllowsBreaksItAndTheMappingNamesTheFieldAndItsLimit() throws Exception {
        // He Qi 何七: a refusal whose head.message is 2,160 characters
        TaskMessage task = establishment("T-16", founder("330102198711112457"));
        HttpResponse<String> reply = send(task);
        assertThat(JSON.readTree(reply.body()).at("/head/message").asText()).hasSize(2160);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isNotEmpty();
        assertThatThrownBy(() -> mapping.outcome(task, reply.statusCode(), reply.body()))
                .isInstanceOf(DepartmentContractException.class)
                .hasMessageContaining("/head/message is 2160 characters long; its contract allows at most 500");
    }

    @Test
    void aRefusedRequestFormatIsAContractFault() throws Exception {
        TaskMessage task = establishment("T-15", founder("330102198405052556"));
        HttpResponse<String> reply = send(task);
        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();
        assertThatThrownBy(() -> mapping.outcome(task, reply.statusCode(), reply.body()))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("HTTP 400").hasMessageContaining("4000");
    }

    @Test
    void aTruncatedReplyIsAContractFault() throws Exception {
        TaskMessage task = establishment("T-16", founder("330102198506062665"));
        HttpResponse<String> reply = send(task);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> mapping.outcome(task, reply.statusCode(), reply.body()))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("malformed JSON");
    }

    @Test
    void theSimulatorRefusesARequestWithoutXRequestId() throws Exception {
        DepartmentRequest request = mapping.request(establishment("T-17", founder(FOUNDER)));
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + request.path()))
                .header("Content-Type", request.contentType()).POST(HttpRequest.BodyPublishers.ofString(request.body())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(reply.body()).at("/head/code").asText()).isEqualTo("4001");
    }

    @Test
    void sharedDataIsDeliveredAndReceipted() throws Exception {
        SharedData share = new SharedData("OW20261123-BBBBBBBBBB-02-SA-RE-TRANSFER-PROVINCE-registered-transfer",
                "SA-RE-TRANSFER-PROVINCE", "real-estate", "provincial", "registered-transfer",
                "Provincial statistics of real estate transactions", "OW20261123-BBBBBBBBBB", FOUNDER,
                Map.of("certificateNo", "浙(2026)杭州市不动产权第0012345号", "unitNo", "330102001001GB00001F00010001",
                        "registeredOn", "2026-11-23"));
        DepartmentRequest request = mapping.shareRequest(share);
        assertThat(REQUEST.validate(JSON.readTree(request.body()))).isEmpty();
        assertThat(request.path()).isEqualTo("/gateway/api/v1/data-exchange/receipts");

        HttpResponse<String> reply = post(request, share.shareId());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();
        mapping.shareReceipt(share, reply.statusCode(), reply.body());

        platform.verify(postRequestedFor(urlPathEqualTo("/gateway/api/v1/data-exchange/receipts"))
                .withHeader("X-Request-Id", equalTo(share.shareId()))
                .withRequestBody(matchingJsonPath("$.body.agreementCode", equalTo("SA-RE-TRANSFER-PROVINCE")))
                .withRequestBody(matchingJsonPath("$.body.payload.certificateNo", equalTo("浙(2026)杭州市不动产权第0012345号"))));
        assertThat(mapping.receivesSharedData()).isTrue();
    }

    @Test
    void aShareThePlatformDidNotTakeIsNotReceipted() throws Exception {
        SharedData share = new SharedData("S-1", "SA-RE-TRANSFER-PROVINCE", "real-estate", "provincial", "registered-transfer",
                "statistics", "OW20261123-BBBBBBBBBB", FOUNDER, Map.of());
        DepartmentRequest request = mapping.shareRequest(share);
        HttpResponse<String> withoutRequestId = http.send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + request.path()))
                .header("Content-Type", request.contentType()).POST(HttpRequest.BodyPublishers.ofString(request.body())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThatThrownBy(() -> mapping.shareReceipt(share, withoutRequestId.statusCode(), withoutRequestId.body()))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("HTTP 400").hasMessageContaining("4001");
        assertThatThrownBy(() -> mapping.shareReceipt(share, 200, "{\"head\":{\"code\":\"4201\",\"message\":\"协议已过期\"}}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("[4201] 协议已过期");
    }

    @Test
    void theGuardianGetsTheChildsVaccinationCertificateFromTheHealthCommissionsService() throws Exception {
        TaskMessage task = vaccination("OW20261123-CCCCCCCCCC-04", founder(FOUNDER), "Q320000001");
        DepartmentRequest request = mapping.request(task);
        assertThat(REQUEST.validate(JSON.readTree(request.body()))).isEmpty();
        assertThat(request.path()).isEqualTo("/gateway/api/v1/health/vaccination-certificates");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.at("/head/serviceCode").asText()).isEqualTo("HC.VACCINATION-CERT.ISSUE");
        assertThat(body.at("/body/applicant/certificateNumber").asText()).isEqualTo(FOUNDER);
        assertThat(body.at("/body/child/name").asText()).isEqualTo("何小宝");
        assertThat(body.at("/body/child/sex").asText()).as("GB/T 2261.1").isEqualTo("1");
        assertThat(body.at("/body/child/birthCertificateNo").asText()).isEqualTo("Q320000001");

        HttpResponse<String> reply = send(task);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();
        TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());

        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.departmentRef()).isEqualTo("330000-OW20261123-CCCCCCCCCC-04");
        assertThat(outcome.results()).containsEntry("vaccinationCertificateNo", "YFJZ-Q320000001").containsKey("vaccinationClinic");
    }

    @Test
    void aSecondVaccinationCertificateForTheSameChildIsRefused() throws Exception {
        TaskMessage task = vaccination("T-19", founder(FOUNDER), "Q320000099");
        HttpResponse<String> reply = send(task);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();

        TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());

        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.REJECTED);
        assertThat(outcome.reason()).startsWith("[4301] ").contains("已办理预防接种证");
    }

    @Test
    void aVaccinationCertificateAskedForByACompanyOrWithoutTheChildsSexIsAContractFault() {
        Applicant company = new Applicant(ApplicantKind.COMPANY, "杭州味道餐饮有限公司", null, "91330102MA2CY00124", "13800138000");
        assertThatThrownBy(() -> mapping.request(vaccination("T-20", company, "Q320000001")))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("guardian");
        TaskMessage noSex = new TaskMessage("T-21", "OW20261123-CCCCCCCCCC", "health", "HC-VACCINATION-CERTIFICATE", founder(FOUNDER),
                Map.of("newbornName", "何小宝", "birthDate", "2026-11-20", "birthCertificateNo", "Q320000001"), Map.of());
        assertThatThrownBy(() -> mapping.request(noSex)).isInstanceOf(DepartmentContractException.class).hasMessageContaining("gender");
    }

    @Test
    void anItemThePlatformDoesNotOfferIsAContractFault() {
        TaskMessage task = new TaskMessage("T-18", "OW20261123-AAAAAAAAAA", "market-regulation", "TAX-REGISTRATION",
                founder(FOUNDER), Map.of(), Map.of());
        assertThatThrownBy(() -> mapping.request(task)).isInstanceOf(DepartmentContractException.class)
                .hasMessageContaining("TAX-REGISTRATION");
    }

    /** The simulator refuses calls without X-Request-Id, so both call routes must name it. */
    @Test
    @SuppressWarnings("unchecked")
    void bothCallRoutesSendTheIdAsXRequestId() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/camel/adapters/provincial.yaml")) {
            List<Map<String, Map<String, Object>>> routes = new Yaml().load(in);
            List<Map<String, Object>> calls = routes.stream().map(route -> route.get("templatedRoute"))
                    .filter(route -> "rest-json-call".equals(route.get("routeTemplateRef"))).toList();
            assertThat(calls).hasSize(2).allSatisfy(call -> assertThat((List<Map<String, String>>) call.get("parameters"))
                    .contains(Map.of("name", "idempotencyHeader", "value", "X-Request-Id"),
                            Map.of("name", "mapping", "value", "provincialMapping")));
        }
    }

    private HttpResponse<String> send(TaskMessage task) throws IOException, InterruptedException {
        return post(mapping.request(task), task.taskId());
    }

    private HttpResponse<String> post(DepartmentRequest request, String requestId) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + request.path()))
                .header("Content-Type", request.contentType()).header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(request.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The restaurant bundle's form (开办餐饮店): one form for every step. */
    private static TaskMessage establishment(String taskId, Applicant founder) {
        return new TaskMessage(taskId, "OW20261123-AAAAAAAAAA", "market-regulation", "MR-COMPANY-ESTABLISHMENT", founder,
                restaurantForm(), Map.of());
    }

    private static TaskMessage foodLicence(String taskId, Applicant applicant, Map<String, String> inputs) {
        return new TaskMessage(taskId, "OW20261123-AAAAAAAAAA", "market-regulation", "MR-FOOD-BUSINESS-LICENCE", applicant,
                restaurantForm(), inputs);
    }

    /** The newborn bundle's form (新生儿出生一件事). */
    private static TaskMessage vaccination(String taskId, Applicant guardian, String birthCertificateNo) {
        return new TaskMessage(taskId, "OW20261123-CCCCCCCCCC", "health", "HC-VACCINATION-CERTIFICATE", guardian,
                Map.of("newbornName", "何小宝", "birthDate", "2026-11-20", "gender", "M", "birthCertificateNo", birthCertificateNo),
                Map.of());
    }

    private static Map<String, String> restaurantForm() {
        return Map.of("companyName", "杭州何记餐饮有限公司", "businessScope", "餐饮服务；食品销售",
                "registeredCapital", "50", "address", "浙江省杭州市上城区解放路100号");
    }

    /** What the company-establishment step gave, as the dispatcher passes it on. */
    private static Map<String, String> newCompany() {
        return Map.of("creditCode", NEW_COMPANY_CODE, "companyName", "杭州何记餐饮有限公司", "licenceNumber", "33010220261123000001",
                "company-establishment.creditCode", NEW_COMPANY_CODE);
    }

    private static Applicant founder(String idNumber) {
        return new Applicant(ApplicantKind.PERSON, "何记", idNumber, null, "13800138000");
    }

    private static JsonSchema schema(String file) {
        try (InputStream in = Files.newInputStream(Path.of("../../schemas/departments/provincial", file))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
