package org.onewindow.hub.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.CaseWaits;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract the hub serves (schemas/intake-openapi.yaml at /v3/api-docs) is self-contained, every
 * operation carries an example, the examples obey the contract's schemas, and the hub's real answers
 * to the examples obey them too.
 */
class IntakeContractTest extends HubTest {

    private static final String DOC_URI = "https://onewindow.test/v3/api-docs";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.onewindow.seeds.simulators.DepartmentSimulators simulators;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    HubClient hub;
    JsonNode doc;
    JsonSchemaFactory schemas;

    @BeforeEach
    void readTheServedContract() {
        hub = new HubClient(port);
        HubClient.Reply reply = hub.get("/v3/api-docs");
        assertThat(reply.status()).isEqualTo(200);
        doc = reply.json();
        schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(DOC_URI, reply.body()))));
    }

    @Test
    void servedContractIsOpenApi31AndSelfContained() {
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.findValuesAsText("$ref")).isNotEmpty().allSatisfy(ref -> assertThat(ref).startsWith("#/"));
        assertThat(doc.at("/components/schemas/CaseRequest/properties/applicant/$ref").asText())
                .isEqualTo("#/components/schemas/CaseRequest/$defs/applicant");
        assertThat(hub.get("/v3/api-docs.yaml").body()).contains("openapi: \"3.1.0\"");
    }

    @Test
    void everyOperationCarriesAnExampleAndEveryExampleObeysItsSchema() {
        List<String> operations = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            operations.add(name);
            JsonNode operation = op.getValue();
            List<JsonNode> examples = new ArrayList<>(operation.findValues("examples"));
            operation.path("parameters").forEach(p -> assertThat(p.has("example")).as(name + " parameter " + p.get("name")).isTrue());
            assertThat(examples).as(name + " has examples").isNotEmpty();
            operation.path("requestBody").path("content").fields().forEachRemaining(media -> {
                if (media.getKey().endsWith("json")) {
                    assertExamplesObey(name + " request", media.getValue());
                }
            });
            operation.path("responses").fields().forEachRemaining(response ->
                    response.getValue().path("content").fields().forEachRemaining(media ->
                            assertExamplesObey(name + " " + response.getKey(), media.getValue())));
        }));
        assertThat(operations).containsExactlyInAnyOrder("POST /api/v1/cases", "GET /api/v1/cases/{caseId}",
                "GET /api/v1/cases/{caseId}/release", "POST /api/v1/departments/{department}/callbacks/{taskId}",
                "GET /api/v1/catalogue/items", "GET /api/v1/catalogue/bundles", "POST /api/v1/licences/verify", "POST /api/v1/licences/verifications",
                "POST /api/v1/notices", "GET /api/v1/notices/{noticeId}", "GET /api/v1/notices/{noticeId}/print",
                "GET /api/v1/stats/exemptions", "GET /api/v1/my-data-access");
    }

    @Test
    void theExamplesWorkAgainstTheRunningHubAndItsAnswersObeyTheContract() {
        JsonNode post = doc.at("/paths/~1api~1v1~1cases/post");
        JsonNode example = post.at("/requestBody/content/application~1json/examples/employee-enrolment/value");
        HubClient.Reply accepted = hub.submit(UUID.randomUUID().toString(), example.toString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertObeys("POST 202", accepted.json(), post.at("/responses/202/content/application~1json/schema"));

        String caseId = accepted.json().get("caseId").asText();
        JsonNode completed = CaseWaits.awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(20));
        assertObeys("GET case", completed, doc.at("/paths/~1api~1v1~1cases~1{caseId}/get/responses/200/content/application~1json/schema"));
        assertObeys("GET items", hub.get("/api/v1/catalogue/items").json(),
                doc.at("/paths/~1api~1v1~1catalogue~1items/get/responses/200/content/application~1json/schema"));
        assertObeys("GET bundles", hub.get("/api/v1/catalogue/bundles").json(),
                doc.at("/paths/~1api~1v1~1catalogue~1bundles/get/responses/200/content/application~1json/schema"));

        assertObeys("GET release", hub.get("/api/v1/cases/" + caseId + "/release").json(),
                doc.at("/paths/~1api~1v1~1cases~1{caseId}~1release/get/responses/200/content/application~1json/schema"));

        JsonNode myDataAccess = doc.at("/paths/~1api~1v1~1my-data-access/get");
        Map<String, String> zhangSan = Map.of("Authorization", "Bearer " + org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN_TOKEN);
        assertObeys("GET my-data-access", hub.get("/api/v1/my-data-access?page=0&size=20", zhangSan).json(),
                myDataAccess.at("/responses/200/content/application~1json/schema"));
        assertObeys("GET my-data-access 400", hub.get("/api/v1/my-data-access?page=-1&size=101", zhangSan).json(),
                myDataAccess.at("/responses/400/content/application~1problem+json/schema"));
        assertObeys("GET my-data-access 401", hub.anonymous().get("/api/v1/my-data-access").json(),
                myDataAccess.at("/responses/401/content/application~1problem+json/schema"));

        HubClient.Reply refused = hub.submit(UUID.randomUUID().toString(), example.toString().replace("11010519491231002X", "110105194912310021"));
        assertObeys("POST 400", refused.json(), post.at("/responses/400/content/application~1problem+json/schema"));
    }

    /** The callback example, sent for a real task that awaits the registry's decision, signed as the registry signs. */
    @Test
    void theCallbackExampleRecordsADecision() {
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), """
                {"itemCode":"RE-TRANSFER-REGISTRATION","applicant":{"kind":"PERSON","name":"孔三","idNumber":"370102198203033338","mobile":"13800138000"},
                 "form":{"sellerName":"李四","sellerIdNumber":"320102198001011238","propertyCertificateNo":"(2019)0001"},
                 "materials":%s}""".formatted(org.onewindow.hub.testkit.DemoApplicants.onPaper("RE-TRANSFER-REGISTRATION")));
        String taskId = CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", Duration.ofSeconds(20));
        JsonNode operation = doc.at("/paths/~1api~1v1~1departments~1{department}~1callbacks~1{taskId}/post");
        String exampleTask = operation.at("/parameters/1/example").asText();
        byte[] body = operation.at("/requestBody/content/application~1xml/examples/registered/value").asText()
                .replace(exampleTask, taskId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HubClient.Reply recorded = hub.as(org.onewindow.hub.testkit.DemoCallers.REAL_ESTATE).post("/api/v1/departments/real-estate/callbacks/" + taskId, "application/xml", null,
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(body),
                Map.of(org.onewindow.schemas.callbacks.CallbackSignature.HEADER, org.onewindow.schemas.callbacks.CallbackSignature.sign(
                        simulators.callbackSecret("real-estate"), body)));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertObeys("POST callback", recorded.json(), operation.at("/responses/200/content/application~1json/schema"));
        assertThat(recorded.json().get("status").asText()).isEqualTo("COMPLETED");
    }

    /** Both request examples verify the demo licence for real, and the answers and refusals obey the contract. */
    @Test
    void theLicenceVerifyExamplesWorkAgainstTheRunningHub() {
        JsonNode post = doc.at("/paths/~1api~1v1~1licences~1verify/post");
        JsonNode examples = post.at("/requestBody/content/application~1json/examples");
        // the example's case, submitted by this intake system, for the example's holder
        org.onewindow.hub.testkit.CaseFixtures.ensureCase(jdbc, examples.at("/by-id/value/caseId").asText(), "hall-xuanwu",
                examples.at("/by-id/value/expectedHolder/id").asText());
        for (String example : List.of("by-id", "by-document")) {
            HubClient.Reply reply = hub.post("/api/v1/licences/verify", "application/json", null,
                    java.net.http.HttpRequest.BodyPublishers.ofString(examples.get(example).get("value").toString()));
            assertThat(reply.status()).as(example + ": " + reply.body()).isEqualTo(200);
            assertThat(reply.json().get("result").asText()).as(example).isEqualTo("VALID");
            assertObeys("POST verify 200 (" + example + ")", reply.json(), post.at("/responses/200/content/application~1json/schema"));
        }
        HubClient.Reply refused = hub.post("/api/v1/licences/verify", "application/json", null,
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"licenceId\":\"" + examples.at("/by-id/value/licenceId").asText() + "\"}"));
        assertThat(refused.status()).isEqualTo(400);
        assertObeys("POST verify 400", refused.json(), post.at("/responses/400/content/application~1problem+json/schema"));
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/purpose-required");
    }

    @Test
    void theReadmeWalkThroughPostsTheContractsExample() throws IOException {
        JsonNode example = doc.at("/paths/~1api~1v1~1cases/post/requestBody/content/application~1json/examples/employee-enrolment/value");
        JsonNode demo = new ObjectMapper().readTree(Files.readString(Path.of("../seeds/demo/enrolment-case.json")));
        assertThat(demo).isEqualTo(example);
        assertThat(Files.readString(Path.of("../README.md"))).contains("@seeds/demo/enrolment-case.json");
    }

    @Test
    void swaggerUiShowsTheContract() {
        assertThat(hub.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(hub.get("/v3/api-docs/swagger-config").json().get("url").asText()).isEqualTo("/v3/api-docs");
    }

    private void assertExamplesObey(String where, JsonNode media) {
        JsonNode schema = media.get("schema");
        media.path("examples").fields().forEachRemaining(example ->
                assertObeys(where + " example " + example.getKey(), example.getValue().get("value"), schema));
    }

    private void assertObeys(String what, JsonNode value, JsonNode schemaNode) {
        String ref = schemaNode.path("$ref").asText();
        assertThat(ref).as(what + " refers to a component schema").startsWith("#/components/schemas/");
        JsonSchema schema = schemas.getSchema(SchemaLocation.of(DOC_URI + ref));
        Set<ValidationMessage> faults = schema.validate(value);
        assertThat(faults).as(what + " obeys " + ref).isEmpty();
    }
}
