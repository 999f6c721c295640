package org.onewindow.adapters.socialinsurance;

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
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter, the bureau's contract (schemas/departments/social-insurance) and the bureau's simulator
 * (seeds/simulators/social-insurance) agree: the requests the mapping writes obey the contract, the
 * simulator's answers obey it (or break it on purpose, for the demo of a broken reply), and the
 * mapping reads each answer as the decision it is.
 */
class SocialInsuranceContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema REQUEST = schema("application-request.schema.json");
    private static final JsonSchema REPLY = schema("application-reply.schema.json");
    private static WireMockServer bureau;

    private final SocialInsuranceMapping mapping = new SocialInsuranceMapping();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheBureausSimulator() {
        bureau = new WireMockServer(options().dynamicPort().usingFilesUnderDirectory("../../seeds/simulators/social-insurance"));
        bureau.start();
    }

    @AfterAll
    static void stop() {
        bureau.stop();
    }

    @Test
    void requestsForPersonsAndCompaniesObeyTheContract() throws IOException {
        DepartmentRequest person = mapping.request(task("T-1", "SI-PERSON-ENROLMENT", person("11010519491231002X")));
        DepartmentRequest company = mapping.request(task("T-2", "SI-UNIT-REGISTRATION",
                new Applicant(ApplicantKind.COMPANY, "南京味道餐饮有限公司", null, "91320102MA1XYW123R", "13800138000")));
        assertThat(REQUEST.validate(JSON.readTree(person.body()))).isEmpty();
        assertThat(REQUEST.validate(JSON.readTree(company.body()))).isEmpty();
        assertThat(person.path()).isEqualTo("/si-gateway/v2/services/CB0101/applications");
        assertThat(JSON.readTree(company.body()).at("/dwxx/tyshxydm").asText()).isEqualTo("91320102MA1XYW123R");
    }

    @Test
    void anAcceptedApplicationBecomesACompletedTask() throws Exception {
        TaskMessage task = task("OW20261123-AAAAAAAAAA-01", "SI-PERSON-ENROLMENT", person("11010519491231002X"));
        HttpResponse<String> reply = send(task);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();
        TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());
        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.COMPLETED);
        assertThat(outcome.departmentRef()).isEqualTo("SI-OW20261123-AAAAAAAAAA-01");
        assertThat(outcome.results()).containsEntry("acceptanceNumber", "SI-OW20261123-AAAAAAAAAA-01").containsEntry("fwbm", "CB0101");
    }

    @Test
    void aRejectionCarriesTheBureausCodeAndReason() throws Exception {
        TaskMessage task = task("T-3", "SI-PERSON-ENROLMENT", person("320102198001011238"));
        HttpResponse<String> reply = send(task);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isEmpty();
        TaskOutcome outcome = mapping.outcome(task, reply.statusCode(), reply.body());
        assertThat(outcome.decision()).isEqualTo(TaskOutcome.Decision.REJECTED);
        assertThat(outcome.reason()).startsWith("[E2001] ").contains("不能重复参保登记");
    }

    @Test
    void aReplyWithoutResultCodeBreaksTheContractAndTheMappingSaysSo() throws Exception {
        TaskMessage task = task("T-4", "SI-PERSON-ENROLMENT", person("330106198808085673"));
        HttpResponse<String> reply = send(task);
        assertThat(REPLY.validate(JSON.readTree(reply.body()))).isNotEmpty();
        assertThatThrownBy(() -> mapping.outcome(task, reply.statusCode(), reply.body()))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("/code");
    }

    @Test
    void aFieldLongerThanTheContractAllowsBreaksItAndTheMappingNamesTheFieldAndItsLimit() throws Exception {
        // Sun Shi 孙十: a refusal whose msg is 2,160 characters; Sun Shiyi 孙十一: an acceptance number of 123
        TaskMessage longRefusal = task("T-8", "SI-PERSON-ENROLMENT", person("330106198909095678"));
        TaskMessage longNumber = task("T-9", "SI-PERSON-ENROLMENT", person("330106199001015783"));
        HttpResponse<String> refusal = send(longRefusal);
        HttpResponse<String> acceptance = send(longNumber);
        assertThat(JSON.readTree(refusal.body()).get("msg").asText()).hasSize(2160);
        assertThat(JSON.readTree(acceptance.body()).at("/data/slbh").asText()).hasSize(123);
        assertThat(REPLY.validate(JSON.readTree(refusal.body()))).isNotEmpty();
        assertThat(REPLY.validate(JSON.readTree(acceptance.body()))).isNotEmpty();
        assertThatThrownBy(() -> mapping.outcome(longRefusal, refusal.statusCode(), refusal.body()))
                .isInstanceOf(DepartmentContractException.class)
                .hasMessageContaining("/msg is 2160 characters long; its contract allows at most 500");
        assertThatThrownBy(() -> mapping.outcome(longNumber, acceptance.statusCode(), acceptance.body()))
                .isInstanceOf(DepartmentContractException.class)
                .hasMessageContaining("/data/slbh is 123 characters long; its contract allows at most 64");
    }

    @Test
    void malformedJsonAndUnexpectedStatusesAreContractFaults() {
        TaskMessage task = task("T-5", "SI-PERSON-ENROLMENT", person("11010519491231002X"));
        assertThatThrownBy(() -> mapping.outcome(task, 200, "{\"code\":")).isInstanceOf(DepartmentContractException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> mapping.outcome(task, 200, "")).isInstanceOf(DepartmentContractException.class);
        assertThatThrownBy(() -> mapping.outcome(task, 400, "{\"code\":\"E0400\",\"msg\":\"bad\"}"))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("HTTP 400");
    }

    @Test
    void theSimulatorRefusesARequestWithoutIdempotencyKey() throws Exception {
        DepartmentRequest request = mapping.request(task("T-6", "SI-PERSON-ENROLMENT", person("11010519491231002X")));
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(bureau.baseUrl() + request.path()))
                .header("Content-Type", request.contentType()).POST(HttpRequest.BodyPublishers.ofString(request.body())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(400);
    }

    @Test
    void anItemTheBureauDoesNotOfferIsAContractFault() {
        assertThatThrownBy(() -> mapping.request(task("T-7", "TAX-DEED-TAX", person("11010519491231002X"))))
                .isInstanceOf(DepartmentContractException.class).hasMessageContaining("TAX-DEED-TAX");
    }

    private HttpResponse<String> send(TaskMessage task) throws IOException, InterruptedException {
        DepartmentRequest request = mapping.request(task);
        return http.send(HttpRequest.newBuilder(URI.create(bureau.baseUrl() + request.path()))
                .header("Content-Type", request.contentType()).header("Idempotency-Key", task.taskId())
                .POST(HttpRequest.BodyPublishers.ofString(request.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static TaskMessage task(String taskId, String item, Applicant applicant) {
        return new TaskMessage(taskId, "OW20261123-AAAAAAAAAA", "social-insurance", item, applicant,
                Map.of("startDate", "2026-12-01"), Map.of());
    }

    private static Applicant person(String idNumber) {
        return new Applicant(ApplicantKind.PERSON, "张三", idNumber, null, "13800138000");
    }

    private static JsonSchema schema(String file) {
        try (InputStream in = SocialInsuranceContractTest.class.getResourceAsStream("/contracts/departments/social-insurance/" + file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
