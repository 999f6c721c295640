package org.onewindow.hub.messagelog;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The intake filter's hashes are of the bytes that really went over the wire, however the application reads and writes. */
class IntakeExchangeFilterTest {

    final List<LoggedExchange> recorded = new ArrayList<>();
    final MessageLog log = new MessageLog(null, Map.of("holder-7", true), 1024) {
        @Override
        public void record(LoggedExchange exchange) {
            recorded.add(asKept(exchange));
        }
    };
    final IntakeExchangeFilter filter = new IntakeExchangeFilter(log, Clock.systemUTC(), 1_048_576);

    @Test
    void aBodyReadInPartAndAnAnswerWrittenAsTextAreHashedAsSent() throws Exception {
        byte[] sent = "{\"name\":\"张三\",\"note\":\"the rest is left unread\"}".getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases");
        request.setContent(sent);
        request.setCharacterEncoding("UTF-8");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (FilterChain) (req, res) -> {
            BufferedReader reader = req.getReader();
            reader.read(new char[5]);
            res.setContentType("application/json;charset=UTF-8");
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(202);
            ((jakarta.servlet.http.HttpServletResponse) res).setHeader("Location", "/api/v1/cases/OW20261206-60PJN19HVG");
            PrintWriter writer = res.getWriter();
            writer.write("{\"caseId\":\"OW20261206-60PJN19HVG\",\"name\":\"张三\"}");
        });

        LoggedExchange exchange = recorded.get(0);
        assertThat(exchange.channel()).isEqualTo(Channel.INTAKE);
        assertThat(exchange.from()).isEqualTo("anonymous");
        assertThat(exchange.operation()).isEqualTo("POST /api/v1/cases");
        assertThat(exchange.caseId()).isEqualTo("OW20261206-60PJN19HVG");
        assertThat(exchange.status()).isEqualTo("202");
        assertThat(exchange.request().sha256()).isEqualTo(Hashes.hex(Hashes.sha256(sent)));
        assertThat(exchange.request().bytes()).isEqualTo(sent.length);
        assertThat(exchange.response().sha256()).isEqualTo(Hashes.hex(Hashes.sha256(response.getContentAsByteArray())));
        assertThat(exchange.request().content()).as("anonymous's bodies are not kept").isNull();
    }

    @Test
    void aResetAnswerIsHashedAsFinallySentAndAKeptPartysBodiesAreKept() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/departments/real-estate/callbacks/OW20261206-60PJN19HVG-02");
        request.setUserPrincipal(() -> "holder-7");
        request.setContent("<decision/>".getBytes(StandardCharsets.UTF_8));
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/departments/{department}/callbacks/{taskId}");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                Map.of("department", "real-estate", "taskId", "OW20261206-60PJN19HVG-02"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            req.getInputStream().readAllBytes();
            res.getOutputStream().write("half an answer".getBytes(StandardCharsets.UTF_8));
            res.resetBuffer();
            res.getOutputStream().write("{\"status\":\"COMPLETED\"}".getBytes(StandardCharsets.UTF_8));
        });

        LoggedExchange exchange = recorded.get(0);
        assertThat(exchange.channel()).isEqualTo(Channel.CALLBACK);
        assertThat(exchange.from()).isEqualTo("holder-7");
        assertThat(exchange.department()).isEqualTo("real-estate");
        assertThat(exchange.taskId()).isEqualTo("OW20261206-60PJN19HVG-02");
        assertThat(exchange.caseId()).isEqualTo("OW20261206-60PJN19HVG");
        assertThat(exchange.response().sha256()).isEqualTo(Hashes.hex(Hashes.sha256("{\"status\":\"COMPLETED\"}".getBytes(StandardCharsets.UTF_8))));
        assertThat(new String(exchange.request().content(), StandardCharsets.UTF_8)).isEqualTo("<decision/>");
        assertThat(new String(exchange.response().content(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"COMPLETED\"}");
    }

    @Test
    void anErrorPageOfTheContainerIsRecordedAsUnseenAndPathsOutsideTheApiAreNotRecorded() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/nothing"), response,
                (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).sendError(404));
        filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), new MockHttpServletResponse(), (req, res) -> { });

        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).status()).isEqualTo("404 (container error page)");
        assertThat(recorded.get(0).response().sha256()).isNull();
        assertThat(recorded.get(0).request().sha256()).as("no body: the empty body's hash").isEqualTo(Hashes.hex(Hashes.sha256(new byte[0])));
    }
}
