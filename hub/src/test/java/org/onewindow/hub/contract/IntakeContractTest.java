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
import org.onewindow.hub.testkit.DemoApplicants;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.Tokens;
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
 * to the examples obey them too. Every operation says who may call it and documents its refusals (401, 403)
 * and its rate limit (429), and the refusal examples are what the hub really answers.
 */
class IntakeContractTest extends HubTest {

    private static final String DOC_URI = "https://onewindow.test/v3/api-docs";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** 张三's resident identity card (seeds/licences) */
    private static final String ID_CARD = "1.2.156.3005.2.11100000000000000101.11320100MB0000011N.000101.1.6";

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
            operation.path("parameters").forEach(p -> assertThat(resolve(p).has("example")).as(name + " parameter " + resolve(p).get("name")).isTrue());
            assertThat(examples).as(name + " has examples").isNotEmpty();
            operation.path("requestBody").path("content").fields().forEachRemaining(media -> {
                if (media.getKey().endsWith("json")) {
                    assertExamplesObey(name + " request", media.getValue());
                }
            });
            operation.path("responses").fields().forEachRemaining(response ->
                    resolve(response.getValue()).path("content").fields().forEachRemaining(media ->
                            assertExamplesObey(name + " " + response.getKey(), media.getValue())));
        }));
        assertThat(operations).containsExactlyInAnyOrder("POST /api/v1/cases", "GET /api/v1/cases/{caseId}",
                "GET /api/v1/cases/{caseId}/release", "POST /api/v1/departments/{department}/callbacks/{taskId}",
                "GET /api/v1/catalogue/items", "GET /api/v1/catalogue/bundles", "POST /api/v1/licences/verify", "POST /api/v1/licences/verifications",
                "POST /api/v1/notices", "GET /api/v1/notices/{noticeId}", "GET /api/v1/notices/{noticeId}/print",
                "GET /api/v1/stats/exemptions", "GET /api/v1/my-data-access", "GET /api/v1/my-cases",
                "GET /api/v1/departments/{department}/tasks/{taskId}", "GET /api/v1/message-log/verification",
                "POST /api/v1/message-log/seals", "GET /api/v1/message-log/archive", "GET /api/v1/province/feed",
                "GET /api/v1/province/reconciliations", "POST /api/v1/province/reconciliations",
                "POST /api/v1/departments/{department}/tasks/{taskId}/corrections", "GET /api/v1/cases/{caseId}/receipt",
                "POST /api/v1/cases/{caseId}/waits/{waitId}/answer", "GET /api/v1/supervision/cards",
                "GET /api/v1/departments/{department}/supervision/cards", "POST /api/v1/evaluations",
                "GET /api/v1/departments/{department}/rectifications", "POST /api/v1/departments/{department}/rectifications/{ticketId}",
                "GET /api/v1/stats/departments", "GET /api/v1/stats/items", "GET /api/v1/stats/ranking", "GET /api/v1/stats/charts/{figure}.svg");
    }

    /**
     * Each operation says who may call it (its own security, `[]` for the public catalogue only), with schemes and
     * scopes the document declares; each one that needs a caller documents 401 (with WWW-Authenticate) and 403,
     * and every one, public or not, 429 with Retry-After; all of them as problem+json.
     */
    @Test
    void everyOperationDeclaresWhoMayCallItAndDocumentsItsRefusals() {
        JsonNode schemes = doc.at("/components/securitySchemes");
        List<String> secured = new ArrayList<>();
        operations().forEach((name, operation) -> {
            assertThat(operation.has("security")).as(name + " declares its own security").isTrue();
            JsonNode security = operation.get("security");
            security.forEach(requirement -> requirement.fields().forEachRemaining(scheme -> {
                assertThat(schemes.has(scheme.getKey())).as(name + " uses a declared scheme " + scheme.getKey()).isTrue();
                scheme.getValue().forEach(scope -> assertThat(schemes.at("/" + scheme.getKey() + "/flows/clientCredentials/scopes")
                        .has(scope.asText())).as(name + " uses a declared scope " + scope).isTrue());
            }));
            JsonNode responses = operation.get("responses");
            if (security.isEmpty()) {
                assertThat(name).as("public operations").startsWith("GET /api/v1/catalogue/");
                assertThat(responses.has("401") || responses.has("403")).as(name + " is public: no 401 or 403").isFalse();
            } else {
                secured.add(name);
                JsonNode unauthorized = resolve(responses.path("401"));
                assertProblem(name + " 401", unauthorized);
                assertThat(resolve(unauthorized.at("/headers/WWW-Authenticate")).path("schema").isMissingNode())
                        .as(name + " 401 has WWW-Authenticate").isFalse();
                assertProblem(name + " 403", resolve(responses.path("403")));
                assertThat(operation.path("description").asText()).as(name + " says who may call").contains("Who may call");
            }
            JsonNode limited = resolve(responses.path("429"));
            assertProblem(name + " 429", limited);
            assertThat(resolve(limited.at("/headers/Retry-After")).at("/schema/type").asText()).as(name + " 429 Retry-After").isEqualTo("integer");
        });
        assertThat(secured).as("operations that need a caller").hasSize(31);
    }

    /**
     * The refusal examples are copies of the hub's real answers: each is asked for again, exactly as the example
     * shows it (its path, its caller), and the answer must be the example, word for word.
     */
    @Test
    void theRefusalExamplesAreWhatTheHubAnswers() throws IOException {
        // the cases the examples name: the Xuanwu hall's, of Zhang San
        org.onewindow.hub.testkit.CaseFixtures.ensureCase(jdbc, "OW20261123-7KQ2M9XD4F", "hall-xuanwu", DemoApplicants.ZHANG_SAN);
        org.onewindow.hub.testkit.CaseFixtures.ensureCase(jdbc, "OW20261201-9PK2R4V7QH", "hall-xuanwu", DemoApplicants.ZHANG_SAN);
        String aCase = "/api/v1/cases/OW20261123-7KQ2M9XD4F";
        HubClient gulou = hub.as(DemoCallers.HALL_GULOU);

        assertAnswers("#/components/examples/NoCredentials", hub.anonymous().get("/api/v1/my-cases"));
        assertAnswers("#/components/examples/InvalidToken", hub.withBearer(Tokens.forged("hall-xuanwu", "intake")).get(aCase));
        assertAnswers("#/components/examples/InvalidToken", hub.withBearer(Tokens.expired("hall-xuanwu", "intake")).get(aCase));
        assertAnswers("#/components/examples/InvalidToken", hub.withBearer("not-a-holder-token").get(aCase));
        assertAnswers("#/components/examples/WrongPassword", hub.anonymous().get(aCase, Map.of("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("operator:not-the-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        assertAnswers("#/components/examples/Forbidden", hub.as(DemoCallers.PROVINCE).submit(UUID.randomUUID().toString(),
                Files.readString(Path.of("../seeds/demo/enrolment-case.json"))));
        assertAnswers("#/components/responses/CaseForbidden/content/application~1problem+json/examples/another-halls-case/value", gulou.get(aCase));
        assertAnswers("#/components/responses/CaseForbidden/content/application~1problem+json/examples/another-applicants-case/value",
                hub.withBearer(DemoCallers.LI_SI_TOKEN).get(aCase));
        assertAnswers("#/components/responses/ReasonRequired/content/application~1problem+json/examples/no-reason/value",
                hub.as(DemoCallers.OPERATOR).get(aCase));
        assertAnswers("#/components/responses/CaseNotFound/content/application~1problem+json/examples/no-such-case/value",
                hub.as(DemoCallers.OPERATOR).get("/api/v1/cases/OW20261123-NOSUCH0000?reason=ticket-1"));
        assertAnswers("#/components/responses/NoticeNotFound/content/application~1problem+json/examples/no-such-notice/value",
                hub.as(DemoCallers.OPERATOR).get("/api/v1/notices/NT20261201-NOSUCH0000?reason=ticket-1"));
        // to anyone but an operator, an unknown case looks like another's: its id cannot be probed
        assertThat(hub.get("/api/v1/cases/OW20261123-NOSUCH0000").json().get("type").asText()).isEqualTo("/problems/not-your-case");
        assertThat(hub.get("/api/v1/notices/NT20261201-NOSUCH0000").json().get("type").asText()).isEqualTo("/problems/not-your-notice");
        assertAnswers("#/components/responses/TaskForbidden/content/application~1problem+json/examples/another-departments-path/value",
                hub.as(DemoCallers.TAX).get("/api/v1/departments/real-estate/tasks/OW20261124-92JJP78CRP-02"));
        assertAnswers("#/paths/~1api~1v1~1departments~1{department}~1tasks~1{taskId}/get/responses/404/content/application~1problem+json/examples/no-such-task/value",
                hub.as(DemoCallers.REAL_ESTATE).get("/api/v1/departments/real-estate/tasks/OW20261124-NOSUCH-02"));

        String callbacks = "#/paths/~1api~1v1~1departments~1{department}~1callbacks~1{taskId}/post/responses/";
        assertAnswers(callbacks + "401/content/application~1problem+json/examples/unsigned/value", hub.as(DemoCallers.REAL_ESTATE).post(
                "/api/v1/departments/real-estate/callbacks/OW20261124-92JJP78CRP-02", "application/xml", null,
                java.net.http.HttpRequest.BodyPublishers.ofString("<RegistrationResult/>")));
        assertAnswers(callbacks + "404/content/application~1problem+json/examples/no-callbacks/value", hub.as(DemoCallers.TAX).post(
                "/api/v1/departments/tax/callbacks/OW20261124-92JJP78CRP-01", "application/xml", null,
                java.net.http.HttpRequest.BodyPublishers.ofString("<RegistrationResult/>")));

        String verify = "#/components/responses/VerifyForbidden/content/application~1problem+json/examples/";
        String forTheCase = ",\"purpose\":\"二手房转移登记材料核验\",\"caseId\":\"OW20261201-9PK2R4V7QH\"}";
        assertAnswers(verify + "another-halls-case/value", gulou.post("/api/v1/licences/verify", "application/json", null,
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"licenceId\":\"" + ID_CARD + "\"" + forTheCase)));
        assertAnswers(verify + "not-a-party/value", hub.post("/api/v1/licences/verify", "application/json", null,
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"licenceId\":\"" + ID_CARD + "\",\"expectedHolder\":{\"id\":\"37010219800101311X\"}" + forTheCase)));
        assertAnswers(verify + "licence-of-another/value", hub.post("/api/v1/licences/verify", "application/json", null,
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"licenceId\":\"1.2.156.3005.2.11100000000000000301.12320100MB0000033U.000304.1.P\"" + forTheCase)));
        assertAnswers("#/paths/~1api~1v1~1licences~1verifications/post/responses/403/content/application~1problem+json/examples/first-not-entitled/value",
                gulou.post("/api/v1/licences/verifications", "application/json", null, java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"verifications\":[{\"licenceId\":\"" + ID_CARD + "\"" + forTheCase + "]}")));

        // the 409 of a reused Idempotency-Key names no case
        String key = UUID.randomUUID().toString();
        hub.submitAccepted(key, Files.readString(Path.of("../seeds/demo/enrolment-case.json")));
        assertAnswers("#/paths/~1api~1v1~1cases/post/responses/409/content/application~1problem+json/examples/key-reused/value",
                hub.submit(key, Files.readString(Path.of("../seeds/demo/birth-case.json"))));
    }

    /** GET /api/v1/my-cases with the example's parameters, as the applicant: her cases, as the contract says. */
    @Test
    void theMyCasesExampleWorksAgainstTheRunningHub() {
        JsonNode operation = doc.at("/paths/~1api~1v1~1my-cases/get");
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), DemoApplicants.enrolment("张三", DemoApplicants.ZHANG_SAN));
        HubClient zhangSan = hub.withBearer(DemoCallers.ZHANG_SAN_TOKEN);
        String query = "?page=" + operation.at("/parameters/0/example").asText() + "&size=" + operation.at("/parameters/1/example").asText();
        HubClient.Reply mine = zhangSan.get("/api/v1/my-cases" + query);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertObeys("GET my-cases", mine.json(), operation.at("/responses/200/content/application~1json/schema"));
        assertThat(mine.json().get("cases").findValuesAsText("caseId")).contains(caseId);
        assertThat(mine.json().get("holderId").asText())
                .isEqualTo(operation.at("/responses/200/content/application~1json/examples/zhang-san/value/holderId").asText());
        // her case, followed with the same token, as the description says
        assertThat(zhangSan.get("/api/v1/cases/" + caseId).status()).isEqualTo(200);

        HubClient.Reply badPaging = zhangSan.get("/api/v1/my-cases?page=-1&size=101");
        assertThat(badPaging.json()).isEqualTo(operation.at("/responses/400/content/application~1problem+json/examples/bad-paging/value"));
        assertThat(hub.withBearer(DemoCallers.LI_SI_TOKEN).get("/api/v1/my-cases" + query).json().get("cases").findValuesAsText("caseId"))
                .doesNotContain(caseId);
        assertThat(hub.get("/api/v1/my-cases").status()).as("an intake system").isEqualTo(403);
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
                resolve(myDataAccess.at("/responses/401")).at("/content/application~1problem+json/schema"));

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

        // the registry reads its task back, on the example's path, with the example's fields
        JsonNode read = doc.at("/paths/~1api~1v1~1departments~1{department}~1tasks~1{taskId}/get");
        JsonNode example = read.at("/responses/200/content/application~1json/examples/registered/value");
        HubClient.Reply task = hub.as(org.onewindow.hub.testkit.DemoCallers.REAL_ESTATE)
                .get("/api/v1/departments/" + read.at("/parameters/0/example").asText() + "/tasks/" + taskId);
        assertThat(task.status()).as(task.body()).isEqualTo(200);
        assertObeys("GET department task", task.json(), read.at("/responses/200/content/application~1json/schema"));
        assertThat(task.json().fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(() -> example.fieldNames());
        assertThat(task.json().get("results").fieldNames()).toIterable()
                .containsExactlyInAnyOrderElementsOf(() -> example.get("results").fieldNames());
        assertThat(task.json().get("caseId").asText()).isEqualTo(caseId);
        assertThat(task.json().get("status").asText()).isEqualTo("COMPLETED");
        // not the registry's: the case's task asked for on the registry's path by the tax bureau, or by an intake system
        assertThat(hub.as(org.onewindow.hub.testkit.DemoCallers.TAX).get("/api/v1/departments/real-estate/tasks/" + taskId).status()).isEqualTo(403);
        assertThat(hub.get("/api/v1/departments/real-estate/tasks/" + taskId).status()).isEqualTo(403);
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
        assertThat(refused.json()).isEqualTo(post.at("/responses/400/content/application~1problem+json/examples/purpose-required/value"));
    }

    /** The auditor's message-log operations answer as the contract says. */
    @Test
    void theMessageLogOperationsAnswerAsTheContractSays() {
        HubClient auditor = hub.as(org.onewindow.hub.testkit.DemoCallers.AUDITOR);
        HubClient.Reply verification = auditor.get("/api/v1/message-log/verification");
        assertThat(verification.status()).as(verification.body()).isEqualTo(200);
        assertObeys("GET message-log verification", verification.json(),
                doc.at("/paths/~1api~1v1~1message-log~1verification/get/responses/200/content/application~1json/schema"));
        assertThat(verification.json().get("ok").asBoolean()).isTrue();
        HubClient.Reply noPeriod = auditor.get("/api/v1/message-log/archive");
        assertThat(noPeriod.status()).isEqualTo(400);
        assertObeys("GET message-log archive 400", noPeriod.json(),
                doc.at("/paths/~1api~1v1~1message-log~1archive/get/responses/400/content/application~1problem+json/schema"));
        assertThat(noPeriod.json()).isEqualTo(doc.at("/paths/~1api~1v1~1message-log~1archive/get/responses/400/content/application~1problem+json/examples/no-period/value"));
        assertThat(auditor.get("/api/v1/message-log/archive?from=2026-12-06&to=2026-12-06").contentType()).isEqualTo("application/zip");
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
                assertObeys(where + " example " + example.getKey(), resolve(example.getValue()).get("value"), schema));
    }

    /** Every operation of the document, as "GET /path". */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.LinkedHashMap<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    /** The node a local $ref points at (followed until it is no reference), or the node itself. */
    private JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            String ref = resolved.get("$ref").asText();
            assertThat(ref).startsWith("#/");
            resolved = doc.at(ref.substring(1));
            assertThat(resolved.isMissingNode()).as(ref + " resolves").isFalse();
        }
        return resolved;
    }

    /** A documented refusal: problem+json, by the Problem schema, with examples that obey it. */
    private void assertProblem(String what, JsonNode response) {
        assertThat(response.isMissingNode()).as(what + " is documented").isFalse();
        JsonNode media = response.at("/content/application~1problem+json");
        assertThat(media.at("/schema/$ref").asText()).as(what).isEqualTo("#/components/schemas/Problem");
        assertThat(media.path("examples").isEmpty()).as(what + " has examples").isFalse();
    }

    /** The hub's answer is the example (a pointer into the document), status and content type included. */
    private void assertAnswers(String example, HubClient.Reply reply) {
        JsonNode expected = resolve(doc.at(example.substring(1)));
        if (expected.has("value") && !expected.has("type")) {
            expected = expected.get("value");
        }
        assertThat(expected.isMissingNode()).as(example).isFalse();
        assertThat(reply.status()).as(example + ": " + reply.body()).isEqualTo(expected.get("status").asInt());
        assertThat(reply.contentType()).as(example).startsWith("application/problem+json");
        assertThat(reply.json()).as(example).isEqualTo(expected);
    }

    private void assertObeys(String what, JsonNode value, JsonNode schemaNode) {
        String ref = schemaNode.path("$ref").asText();
        assertThat(ref).as(what + " refers to a component schema").startsWith("#/components/schemas/");
        JsonSchema schema = schemas.getSchema(SchemaLocation.of(DOC_URI + ref));
        Set<ValidationMessage> faults = schema.validate(value);
        assertThat(faults).as(what + " obeys " + ref).isEmpty();
    }
}
