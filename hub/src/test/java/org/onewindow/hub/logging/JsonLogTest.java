package org.onewindow.hub.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.caselog.CaseLogContext;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.DEMO_COMPANY;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;

/**
 * The JSON lines ONEWINDOW_LOG_FORMAT=ecs writes (logback-spring.xml: Boot's StructuredLogEncoder with the hub's
 * logging.structured.json.* settings): a case's lines carry its caseId (and a task's its taskId), and ID numbers stay
 * masked in every field. Boot configures logging once per JVM, so a context of its own would not switch the format
 * after another test class started one: the test adds the same encoder to the root logger of the shared context.
 */
class JsonLogTest extends HubTest {

    private static final Logger log = LoggerFactory.getLogger("org.onewindow.hub.logging.JsonLogTest");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> json;

    @BeforeEach
    void writeJsonLinesAsTheConsoleWould() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        json = new OutputStreamAppender<>();
        json.setContext(context);
        json.setEncoder(encoder);
        json.setOutputStream(captured);
        json.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(json);
    }

    @AfterEach
    void stop() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(json);
        json.stop();
    }

    @Test
    void aCasesLinesAreJsonWithItsIdsAndMaskedIdNumbers() throws IOException {
        HubClient hub = new HubClient(port);
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), Files.readString(Path.of("../seeds/demo/restaurant-case.json")));
        awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(20)).until(() -> out().contains("for case " + caseId));

        List<JsonNode> lines = jsonLines();
        List<JsonNode> ofTheCase = lines.stream().filter(line -> caseId.equals(line.path("caseId").asText(null))).toList();
        // the access log's lines, written on the material look-up threads, carry the case's id and a masked holder
        assertThat(ofTheCase).anySatisfy(line -> assertThat(line.get("message").asText())
                .contains("of 110105********002X for case " + caseId));
        // every line naming the case in its text carries its id as a field
        assertThat(lines).filteredOn(line -> line.path("message").asText().contains(caseId))
                .isNotEmpty().allSatisfy(line -> assertThat(line.path("caseId").asText()).isEqualTo(caseId));
        assertThat(out()).doesNotContain(ZHANG_SAN);
    }

    @Test
    void messagesAndStackTracesAreMaskedInJson() throws IOException {
        try (CaseLogContext.Scope ignored = CaseLogContext.forTask("C-test", "T-test")) {
            log.warn("holder {} asked for the licence of " + DEMO_COMPANY, ZHANG_SAN,
                    new IllegalStateException("no licence for " + ZHANG_SAN, new IllegalArgumentException("credit code " + DEMO_COMPANY)));
        }
        log.info("after the case");

        JsonNode warning = jsonLines().stream().filter(line -> "WARN".equals(line.at("/log/level").asText())
                && "org.onewindow.hub.logging.JsonLogTest".equals(line.at("/log/logger").asText())).findFirst().orElseThrow();
        assertThat(warning.get("message").asText()).isEqualTo("holder 110105********002X asked for the licence of 913201********123R");
        assertThat(warning.get("caseId").asText()).isEqualTo("C-test");
        assertThat(warning.get("taskId").asText()).isEqualTo("T-test");
        assertThat(warning.toString()).contains("no licence for 110105********002X").contains("credit code 913201********123R")
                .contains("JsonLogTest.java");
        JsonNode after = jsonLines().stream().filter(line -> "after the case".equals(line.path("message").asText())).findFirst().orElseThrow();
        assertThat(after.has("caseId")).isFalse();
        assertThat(out()).doesNotContain(ZHANG_SAN).doesNotContain(DEMO_COMPANY);
    }

    /** Every console line, parsed: each must be one JSON object. */
    /** What the JSON appender wrote; each event is one write of its whole line */
    private String out() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> jsonLines() {
        return out().lines().filter(line -> !line.isBlank()).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }
}
