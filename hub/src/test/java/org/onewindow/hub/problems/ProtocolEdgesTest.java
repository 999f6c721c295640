package org.onewindow.hub.problems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

/**
 * What the probe sent at the edges of HTTP: every answer is an RFC 9457 problem+json 4xx listing the faults,
 * changes nothing, and shows no stack trace, server version or Java class name, whether Spring or Tomcat itself
 * refuses the request.
 */
class ProtocolEdgesTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Rows a request adds; not data_access_log, which department work of other test classes adds to in the background. */
    private static final List<String> TABLES = List.of("cases", "case_tasks", "intake_requests", "case_materials", "notices");
    private static final String PROBE_CASE = "OW20261201-EDGEPROBE1";
    private static final String LICENCE = "1.2.156.3005.2.11100000000000000301.12320100MB0000033U.000302.1.X";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** "Authorization: Bearer ..." of the intake system every raw request is sent as, unless it says otherwise. */
    private String intake;

    @BeforeEach
    void warm() {
        // the first request of a context may take a while; the edges are tested on a warm hub
        HubClient hub = new HubClient(port);
        hub.get("/api/v1/catalogue/items");
        intake = "Authorization: Bearer " + hub.token(DemoCallers.HALL_XUANWU);
    }

    @Test
    void twoIdempotencyKeysAreRefusedNotJoined() throws IOException {
        Map<String, Long> before = rowCounts();
        Raw reply = raw("POST /api/v1/cases HTTP/1.1", List.of(intake, "Content-Type: application/json", "Idempotency-Key: A-1",
                "Idempotency-Key: B-2"), enrolment("张三", ZHANG_SAN));
        JsonNode problem = problem(reply, 400);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/invalid-request");
        assertThat(fields(problem)).containsExactly("Idempotency-Key");
        assertThat(problem.at("/errors/0/message").asText()).contains("exactly once");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_requests WHERE idempotency_key LIKE '%,%'").query(Long.class).single()).isZero();
    }

    @Test
    void malformedJsonToTheVerifyEndpointsListsItsFault() throws IOException {
        for (String path : List.of("/api/v1/licences/verify", "/api/v1/licences/verifications")) {
            JsonNode problem = problem(post(path, "{\"licenceId\": \"" + LICENCE + "\", "), 400);
            assertThat(problem.get("type").asText()).isEqualTo("/problems/invalid-request");
            assertThat(fields(problem)).containsExactly("body");
            assertThat(problem.at("/errors/0/code").asText()).isEqualTo("malformed-json");
        }
    }

    @Test
    void unknownFieldsToTheVerifyEndpointsAreRefusedNamingThem() throws IOException {
        Map<String, Long> before = rowCounts();
        JsonNode one = problem(post("/api/v1/licences/verify", """
                {"licenceId":"%s","purpose":"二手房转移登记材料核验","caseId":"%s","callerOverride":"admin"}"""
                .formatted(LICENCE, PROBE_CASE)), 400);
        assertThat(fields(one)).containsExactly("callerOverride");
        assertThat(one.at("/errors/0/code").asText()).isEqualTo("unknown-field");

        JsonNode batch = problem(post("/api/v1/licences/verifications", """
                {"verifications":[{"licenceId":"%s","purpose":"p","caseId":"%s","expectedHolder":{"id":"x","nickname":"y"}}]}"""
                .formatted(LICENCE, PROBE_CASE)), 400);
        assertThat(fields(batch)).containsExactly("verifications[0].expectedHolder.nickname");

        JsonNode wrongType = problem(post("/api/v1/licences/verify", "{\"licenceId\":[1,2]}"), 400);
        assertThat(fields(wrongType)).containsExactly("licenceId");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM data_access_log WHERE case_id = ?").param(PROBE_CASE).query(Long.class).single())
                .as("nothing read, so nothing in the access log").isZero();
    }

    @Test
    void anOverlongRequestHeaderIsAProblemNotTomcatsPage() throws IOException {
        Raw reply = raw("GET /api/v1/catalogue/items HTTP/1.1", List.of(intake, "X-Probe: " + "a".repeat(20_000)), null);
        JsonNode problem = problem(reply, 400);
        assertThat(fields(problem)).isNotEmpty();
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("headers");
    }

    @Test
    void aNulOrABrokenEscapeInThePathIsAProblemNotTomcatsPage() throws IOException {
        for (String path : List.of("/api/v1/cases/%00", "/api/v1/cases/OW%zz", "/api/v1/cases/%C0%AF")) {
            Raw reply = raw("GET " + path + " HTTP/1.1", List.of(intake), null);
            JsonNode problem = problem(reply, 400);
            assertThat(fields(problem)).as(path).containsExactly("path");
        }
    }

    @Test
    void whatTomcatOrTheErrorPageRefusesByItselfIsAProblemToo() throws IOException {
        // (TRACE is answered 405 by Tomcat before any valve, with no body at all: nothing echoed, nothing to show)
        // a path Spring Security's firewall rejects (a ";" parameter) is sent to the error page: problem+json too
        JsonNode firewalled = problem(raw("GET /api/v1/cases/OW20261201-X;jsessionid=1 HTTP/1.1", List.of(intake), null), 400);
        assertThat(fields(firewalled)).isNotEmpty();
        Raw errorPage = raw("GET /error HTTP/1.1", List.of(intake), null);
        problem(errorPage, errorPage.status);
        problem(raw("GET /api/v1/cases/x HTTP/1.1", List.of(intake, "Accept: text/html"), null), 406);
    }

    @Test
    void theExemptionStatisticsRefuseANegativeOrNonNumericCaseCount() throws IOException {
        String province = "Authorization: Bearer " + new HubClient(port).token(DemoCallers.PROVINCE);
        for (String cases : List.of("-1", "abc", "1e3", "201")) {
            Raw reply = raw("GET /api/v1/stats/exemptions?cases=" + cases + " HTTP/1.1", List.of(province), null);
            JsonNode problem = problem(reply, 400);
            assertThat(problem.get("type").asText()).isEqualTo("/problems/invalid-request");
            assertThat(fields(problem)).as(cases).containsExactly("cases");
            assertThat(problem.at("/errors/0/message").asText()).contains("0 to 200");
        }
        assertThat(raw("GET /api/v1/stats/exemptions?cases=5 HTTP/1.1", List.of(province), null).status).isEqualTo(200);
    }

    /** An answer the hub refused with: problem+json, the status, faults, and nothing of the server's insides. */
    private static JsonNode problem(Raw reply, int status) throws IOException {
        assertThat(reply.status).as(reply.text).isEqualTo(status);
        assertThat(reply.header("content-type")).as(reply.text).startsWith("application/problem+json");
        assertThat(reply.body).doesNotContain("<html", "Tomcat", "Apache", "Exception", "java.", "org.springframework", "\tat ");
        assertThat(reply.header("server")).isNull();
        JsonNode problem = JSON.readTree(reply.body);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("errors").isArray()).isTrue();
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsText("field");
    }

    private Raw post(String path, String body) throws IOException {
        return raw("POST " + path + " HTTP/1.1", List.of(intake, "Content-Type: application/json"), body);
    }

    private record Raw(int status, Map<String, String> headers, String body, String text) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** One request written byte for byte (no client normalising the path or merging headers), read to the end. */
    private Raw raw(String requestLine, List<String> headers, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: localhost:").append(port).append("\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, split).split("\r\n");
            Map<String, String> parsed = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                parsed.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
            String rest = text.substring(split + 4);
            if ("chunked".equalsIgnoreCase(parsed.get("transfer-encoding"))) {
                rest = dechunk(rest);
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), parsed, rest, text);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        while (at < bytes.length) {
            int lineEnd = indexOf(bytes, at);
            int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(new String(bytes, lineEnd + 2, size, StandardCharsets.UTF_8));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    private Map<String, Long> rowCounts() {
        return TABLES.stream().collect(Collectors.toMap(t -> t, t -> jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single()));
    }
}
