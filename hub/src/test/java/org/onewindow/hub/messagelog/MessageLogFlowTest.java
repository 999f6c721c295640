package org.onewindow.hub.messagelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;

/**
 * The whole hub runs the demo cases of seeds/demo (enrolment, restaurant, flat transfer with the registry's callback,
 * birth); the message log then holds every exchange of them, verifies, and names the position of each tampering.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageLogFlowTest extends HubTest {

    private static final List<String> DEMO = List.of("enrolment-case.json", "restaurant-case.json", "flat-transfer-case.json", "birth-case.json");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    MessageLog messageLog;
    @Autowired
    org.onewindow.hub.cluster.HubInstance hubInstance;
    @Autowired
    org.onewindow.hub.outbound.GatewayLookups gatewayLookups;
    @Value("${spring.datasource.url}")
    String url;
    @TempDir
    Path folder;

    /** the Xuanwu hall's intake system, which submits the demo cases */
    HubClient hub;
    /** 李审计, the auditor, who may read the message log */
    HubClient auditor;
    final Map<String, String> caseIds = new LinkedHashMap<>();
    final Map<String, JsonNode> cases = new LinkedHashMap<>();

    @BeforeAll
    void runTheDemoCasesAndSeal() throws IOException {
        hub = new HubClient(port);
        auditor = hub.as(DemoCallers.AUDITOR);
        // look-ups kept from earlier cases of the shared context would answer these without an exchange to record
        gatewayLookups.forgetAll();
        for (String file : DEMO) {
            caseIds.put(file, hub.submitAccepted(UUID.randomUUID().toString(), Files.readString(Path.of("../seeds/demo", file))));
        }
        caseIds.forEach((file, caseId) -> cases.put(file, awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(60))));
        // data shared after completion reaches its departments a moment later
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM data_shares WHERE case_id IN (" + placeholders() + ") AND status <> 'DELIVERED'",
                Integer.class, caseIds.values().toArray()) == 0);
        // seal now (POST /api/v1/message-log/seals does the same for an auditor with a session and its CSRF token)
        assertThat(messageLog.flushAndSeal()).isPositive();
    }

    @Test
    void everyIntakeRequestIsRecordedWithItsCaseItsCallerAndTheHashOfBothBodies() throws IOException {
        for (Map.Entry<String, String> demo : caseIds.entrySet()) {
            Map<String, Object> post = single("channel = 'INTAKE' AND operation = 'POST /api/v1/cases' AND case_id = ?", demo.getValue());
            byte[] sent = Files.readAllBytes(Path.of("../seeds/demo", demo.getKey()));
            assertThat(post.get("status")).isEqualTo("202");
            assertThat(post.get("from_party")).as("the authenticated caller").isEqualTo("hall-xuanwu");
            assertThat(post.get("to_party")).isEqualTo("hub");
            assertThat(post.get("request_sha256")).as("the exact bytes the intake system sent").isEqualTo(Hashes.hex(Hashes.sha256(sent)));
            assertThat(post.get("request_bytes")).isEqualTo((long) sent.length);
            assertThat(post.get("response_sha256")).isNotNull();
            assertThat(post.get("request_body")).as("intake bodies are not kept").isNull();
            assertThat(rows("channel = 'INTAKE' AND operation = 'GET /api/v1/cases/{caseId}' AND case_id = ?", demo.getValue()))
                    .as("the case followed until it completed").isNotEmpty();
        }
    }

    @Test
    void everyDepartmentRequestAndReplyIsRecordedWithCaseAndTaskAndTheHashesOfWhatWentOverTheWire() {
        Map<String, Set<String>> received = new LinkedHashMap<>();
        for (String department : simulators.departments()) {
            received.put(department, simulators.server(department).orElseThrow().getAllServeEvents().stream()
                    .map(ServeEvent::getRequest).map(r -> Hashes.hex(Hashes.sha256(r.getBody()))).collect(Collectors.toSet()));
        }
        Set<String> departmentsSeen = new java.util.TreeSet<>();
        for (Map.Entry<String, JsonNode> demo : cases.entrySet()) {
            String caseId = caseIds.get(demo.getKey());
            for (JsonNode task : demo.getValue().get("tasks")) {
                String taskId = task.get("taskId").asText();
                List<Map<String, Object>> calls = rows("channel = 'DEPARTMENT' AND task_id = ?", taskId);
                assertThat(calls).as("the call of task " + taskId).isNotEmpty();
                Map<String, Object> call = calls.get(calls.size() - 1);
                assertThat(call.get("case_id")).isEqualTo(caseId);
                assertThat(call.get("from_party")).isEqualTo("hub");
                assertThat(call.get("status").toString()).startsWith("20");
                assertThat(call.get("response_sha256")).as("the reply of " + taskId).isNotNull();
                String department = call.get("to_party").toString();
                departmentsSeen.add(department);
                assertThat(received.get(department)).as(department + " received exactly the bytes logged for " + taskId)
                        .contains(call.get("request_sha256").toString());
            }
        }
        assertThat(departmentsSeen).contains("social-insurance", "tax", "real-estate", "police", "provincial");
        Map<String, Object> soap = rows("channel = 'DEPARTMENT' AND to_party = 'tax' AND case_id = ?", caseIds.get("flat-transfer-case.json")).get(0);
        assertThat(soap.get("operation").toString()).startsWith("tax:");
        byte[] kept = (byte[]) soap.get("request_body");
        assertThat(new String(kept, StandardCharsets.UTF_8)).as("tax's bodies are kept (test profile)").contains("Envelope");
        assertThat(Hashes.hex(Hashes.sha256(kept))).isEqualTo(soap.get("request_sha256"));
    }

    @Test
    void theRegistrysCallbackIsRecordedWithDepartmentAndTask() {
        String caseId = caseIds.get("flat-transfer-case.json");
        String registryTask = null;
        for (JsonNode task : cases.get("flat-transfer-case.json").get("tasks")) {
            if (task.get("department").asText().equals("real-estate")) {
                registryTask = task.get("taskId").asText();
            }
        }
        Map<String, Object> callback = single("channel = 'CALLBACK' AND task_id = ?", registryTask);
        assertThat(callback.get("department")).isEqualTo("real-estate");
        assertThat(callback.get("from_party")).as("the registry's own client").isEqualTo("dept-real-estate");
        assertThat(callback.get("case_id")).isEqualTo(caseId);
        assertThat(callback.get("operation")).isEqualTo("POST /api/v1/departments/{department}/callbacks/{taskId}");
        assertThat(callback.get("status")).isEqualTo("200");
        assertThat(callback.get("request_sha256")).isNotNull();
    }

    @Test
    void everyDataShareDeliveryIsRecorded() {
        List<String> shares = jdbc.queryForList("SELECT share_id FROM data_shares WHERE case_id IN (" + placeholders() + ")",
                String.class, caseIds.values().toArray());
        assertThat(shares).hasSizeGreaterThanOrEqualTo(4);
        for (String share : shares) {
            Map<String, Object> delivery = rows("channel = 'DEPARTMENT' AND task_id = ?", share).get(0);
            assertThat(delivery.get("status").toString()).startsWith("20");
            assertThat(delivery.get("case_id")).isNotNull();
        }
    }

    @Test
    void everyLicenceReadAndDataExchangeQueryIsRecordedWithItsCase() {
        for (String caseId : caseIds.values()) {
            // a read answered from a kept look-up (same holder, type and purpose as an earlier case) is no exchange
            int reads = jdbc.queryForObject("SELECT COUNT(*) FROM data_access_log WHERE case_id = ? AND data_kind = 'LICENCE' "
                    + "AND outcome = 'GRANTED' AND what NOT LIKE ?", Integer.class, caseId,
                    "%" + org.onewindow.hub.outbound.LookupCache.FROM_CACHE);
            assertThat(rows("channel = 'LICENCE_LIBRARY' AND case_id = ?", caseId)).as("licence reads of " + caseId)
                    .hasSize(reads).allSatisfy(read -> {
                        assertThat(read.get("to_party")).isEqualTo("e-licence-library");
                        assertThat(read.get("status")).isEqualTo("200");
                    });
        }
        assertThat(rows("channel = 'DATA_EXCHANGE' AND case_id IN (" + placeholders() + ")", caseIds.values().toArray())).isNotEmpty();
    }

    @Test
    void theLogVerifiesThroughTheCommandAndTheHubAndNamesEveryTampering() {
        assertThat(command("verify", "--jdbc-url", url).exit()).isZero();
        JsonNode inHub = auditor.get("/api/v1/message-log/verification").json();
        assertThat(inHub.get("ok").asBoolean()).as(inHub.toString()).isTrue();
        assertThat(inHub.get("seals").asLong()).isPositive();
        // one hub on a fresh database: one chain, named by the hub's instance id, which health reports too
        assertThat(inHub.get("chains")).hasSize(1);
        assertThat(inHub.get("chains").get(0).get("chain").asText()).isEqualTo(hubInstance.id());
        assertThat(inHub.get("chains").get(0).get("records").asLong()).isEqualTo(inHub.get("records").asLong());
        assertThat(messageLog.status().chain()).isEqualTo(hubInstance.id());
        JsonNode own = auditor.get("/api/v1/message-log/verification?chain=" + hubInstance.id()).json();
        assertThat(own.get("ok").asBoolean()).isTrue();
        assertThat(own.get("chains")).extracting(chain -> chain.get("chain").asText()).containsExactly(hubInstance.id());
        assertThat(own.get("firstPosition").asLong()).as("one chain: its positions").isEqualTo(1);
        HubClient.Reply unknown = auditor.get("/api/v1/message-log/verification?chain=no-such-hub");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("message-log-chain-unknown").doesNotContain("no-such-hub");

        // one byte of the registry callback's status
        long callback = seq("channel = 'CALLBACK' AND case_id = ?", caseIds.get("flat-transfer-case.json"));
        tamperedAndRestored(new long[]{callback}, () -> jdbc.update("UPDATE message_log SET status = '201' WHERE seq = ?", callback),
                "record " + callback + ": altered");

        // one byte of a kept SOAP body
        long soap = seq("channel = 'DEPARTMENT' AND to_party = 'tax' AND case_id = ?", caseIds.get("flat-transfer-case.json"));
        tamperedAndRestored(new long[]{soap}, () -> {
            byte[] body = jdbc.queryForObject("SELECT request_body FROM message_log WHERE seq = ?", byte[].class, soap);
            body[body.length / 2] ^= 1;
            jdbc.update("UPDATE message_log SET request_body = ? WHERE seq = ?", body, soap);
        }, "record " + soap + ": altered — its kept request body");

        // one record deleted: the enrolment's licence read
        long read = seq("channel = 'LICENCE_LIBRARY' AND case_id = ?", caseIds.get("enrolment-case.json"));
        tamperedAndRestored(new long[]{read}, () -> jdbc.update("DELETE FROM message_log WHERE seq = ?", read),
                "record " + read + ": removed");

        // two records swapped: the flat transfer's tax call and its registry call
        long tax = soap;
        long registry = seq("channel = 'DEPARTMENT' AND to_party = 'real-estate' AND case_id = ?", caseIds.get("flat-transfer-case.json"));
        long first = Math.min(tax, registry), second = Math.max(tax, registry);
        tamperedAndRestored(new long[]{first, second}, () -> swap(first, second),
                "record " + first + ": reordered — it holds the record sealed at position " + second);
    }

    @Test
    void anArchiveOfTodayFromTheRunningHubVerifiesWithoutIt() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/message-log/archive?from=" + today + "&to=" + today + "&chain=" + hubInstance.id()))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("auditor:demo-auditor-pass".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        Path archive = Files.write(folder.resolve("today.zip"), zip.body());

        Run verified = command("verify", "--archive", archive.toString(),
                "--signer-certificate", "../seeds/security/message-log-signing-certificate.pem",
                "--tsa-certificate", "../seeds/security/tsa-certificate.pem");

        assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("OK: archive", "chain " + hubInstance.id() + ": ");
        HubClient.Reply bad = auditor.get("/api/v1/message-log/archive?from=tomorrow");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("not-a-time", "\"to\"");
    }

    @Test
    void failedAndRefusedExchangesAreRecordedWithTheirOutcome() {
        String form = "{\"sellerName\":\"李四\",\"sellerIdNumber\":\"320102198001011238\",\"propertyCertificateNo\":\"(2019)0001\"}";
        // tax answers 林二 with a SOAP client fault; social insurance answers 王五 503, always (retried, then dead-lettered)
        String faulted = hub.submitAccepted(UUID.randomUUID().toString(),
                org.onewindow.hub.testkit.DemoApplicants.item("TAX-DEED-TAX", "PERSON", "林二", "310104198207070023", form));
        String unavailable = hub.submitAccepted(UUID.randomUUID().toString(),
                org.onewindow.hub.testkit.DemoApplicants.enrolment("王五", org.onewindow.hub.testkit.DemoApplicants.WANG_WU));
        awaitStatus(hub, faulted, "STUCK", Duration.ofSeconds(30));
        awaitStatus(hub, unavailable, "STUCK", Duration.ofSeconds(60));
        byte[] tooLarge = new byte[1_048_577];
        java.util.Arrays.fill(tooLarge, (byte) ' ');
        HubClient.Reply refused = hub.post("/api/v1/cases", "application/json", UUID.randomUUID().toString(),
                HttpRequest.BodyPublishers.ofByteArray(tooLarge));
        byte[] broken = "{\"itemCode\": ".getBytes(StandardCharsets.UTF_8);
        HubClient.Reply invalid = hub.post("/api/v1/cases", "application/json", UUID.randomUUID().toString(),
                HttpRequest.BodyPublishers.ofByteArray(broken));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(invalid.status()).isEqualTo(400);
        // refused by the access rules: a hall may not read the message log (403, named), nobody without a token (401)
        assertThat(hub.get("/api/v1/message-log/verification").status()).isEqualTo(403);
        assertThat(hub.anonymous().get("/api/v1/message-log/verification").status()).isEqualTo(401);
        messageLog.flushAndSeal();

        Map<String, Object> fault = rows("channel = 'DEPARTMENT' AND case_id = ?", faulted).get(0);
        assertThat(fault.get("status").toString()).isEqualTo("500 SOAP fault Client: 证件号码与姓名不符 / ID number does not match the name");
        assertThat(fault.get("response_sha256")).as("the fault as it arrived").isNotNull();
        assertThat(rows("channel = 'DEPARTMENT' AND case_id = ?", unavailable)).as("the first call and its 3 retries")
                .hasSize(4).allSatisfy(call -> {
                    assertThat(call.get("status")).isEqualTo("503");
                    assertThat(call.get("response_sha256")).isNotNull();
                });
        List<Map<String, Object>> intake = rows("channel = 'INTAKE' AND operation = 'POST /api/v1/cases' AND status IN ('413', '400') "
                + "AND logged_at > ?", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)));
        assertThat(intake).anySatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("413");
            assertThat(r.get("request_sha256")).as("refused unread").isNull();
            assertThat(r.get("request_bytes")).isEqualTo(1_048_577L);
        }).anySatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("400");
            assertThat(r.get("request_sha256")).isEqualTo(Hashes.hex(Hashes.sha256(broken)));
            assertThat(r.get("response_sha256")).isEqualTo(Hashes.hex(Hashes.sha256(invalid.body().getBytes(StandardCharsets.UTF_8))));
        });
        // the filter records an exchange once its answer is written, which the client may read a moment before that
        java.sql.Timestamp since = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            messageLog.flushAndSeal();
            List<Map<String, Object>> refusals = rows("operation = 'GET /api/v1/message-log/verification' AND status IN ('401', '403') "
                    + "AND logged_at > ?", since);
            assertThat(refusals).extracting(r -> r.get("status") + " " + r.get("from_party")).contains("403 hall-xuanwu", "401 anonymous");
        });
        assertThat(command("verify", "--jdbc-url", url).exit()).isZero();
    }

    private void tamperedAndRestored(long[] positions, Runnable tampering, String named) {
        String keep = "message_log_backup_" + positions[0];
        jdbc.execute("CREATE TABLE " + keep + " AS SELECT * FROM message_log WHERE seq IN ("
                + java.util.Arrays.stream(positions).mapToObj(Long::toString).collect(Collectors.joining(", ")) + ")");
        try {
            tampering.run();
            Run run = command("verify", "--jdbc-url", url);
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains("FAILED", named);
        } finally {
            jdbc.update("DELETE FROM message_log WHERE seq IN (SELECT seq FROM " + keep + ")");
            jdbc.update("INSERT INTO message_log SELECT * FROM " + keep);
            jdbc.execute("DROP TABLE " + keep);
        }
        Run restored = command("verify", "--jdbc-url", url);
        assertThat(restored.exit()).as(restored.out()).isZero();
    }

    private void swap(long a, long b) {
        String columns = "logged_at, duration_ms, channel, from_party, to_party, department, operation, case_id, task_id, status, "
                + "request_sha256, request_bytes, request_body, response_sha256, response_bytes, response_body, record_hash";
        jdbc.execute("CREATE TABLE swap_rows AS SELECT * FROM message_log WHERE seq IN (" + a + ", " + b + ")");
        jdbc.update("DELETE FROM message_log WHERE seq IN (" + a + ", " + b + ")");
        jdbc.update("INSERT INTO message_log (chain, seq, " + columns + ") SELECT chain, " + (a + b) + " - seq, " + columns + " FROM swap_rows");
        jdbc.execute("DROP TABLE swap_rows");
    }

    record Run(int exit, String out, String err) {
    }

    /** hub/message-log, in this JVM: the hub holds the H2 file, which only this process may open. */
    private Run command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = MessageLogCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Map<String, Object> single(String where, Object... args) {
        List<Map<String, Object>> found = rows(where, args);
        assertThat(found).as(where + " " + List.of(args)).hasSize(1);
        return found.get(0);
    }

    private List<Map<String, Object>> rows(String where, Object... args) {
        return new ArrayList<>(jdbc.queryForList("SELECT * FROM message_log WHERE " + where + " ORDER BY seq", args));
    }

    private long seq(String where, Object... args) {
        return ((Number) rows(where, args).get(0).get("seq")).longValue();
    }

    private String placeholders() {
        return caseIds.values().stream().map(c -> "?").collect(Collectors.joining(", "));
    }
}
