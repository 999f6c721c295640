package org.onewindow.hub.materials;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;

/**
 * The e-licence library and the data exchange hang (they accept the call and never answer in time): after a few
 * timeouts their circuit breakers open, so new cases wait in WAITING_VERIFICATION at once, operators see it in
 * /actuator/health, and once the systems answer again the breakers close and every waiting case goes on by itself.
 * Its own application context: the shared one never opens these breakers (application-test.yaml). Look-ups are not
 * kept here, so every waiting case asks the systems again: the probes that close the breakers are the cases' own.
 */
@TestPropertySource(properties = {
        "onewindow.licences.library.circuit-breaker.sliding-window-size=4",
        "onewindow.licences.library.circuit-breaker.minimum-number-of-calls=2",
        "onewindow.licences.library.circuit-breaker.wait-in-open-state-ms=2000",
        "onewindow.materials.data-exchange.circuit-breaker.sliding-window-size=4",
        "onewindow.materials.data-exchange.circuit-breaker.minimum-number-of-calls=2",
        "onewindow.materials.data-exchange.circuit-breaker.wait-in-open-state-ms=2000",
        "onewindow.gateway.cache-lookups=false"})
@ExtendWith(OutputCaptureExtension.class)
class MaterialSourcesOutageTest extends HubTest {

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    private final List<StubMapping> hangs = new ArrayList<>();

    @AfterEach
    void answerAgain() {
        WireMockServer province = simulators.server("provincial").orElseThrow();
        hangs.forEach(province::removeStub);
        hangs.clear();
    }

    @Test
    void hangingSourcesOpenTheirCircuitsAndWaitingCasesGoOnOnceTheyAnswer(CapturedOutput output) throws IOException {
        HubClient hub = new HubClient(port);
        JsonNode healthy = hub.as(DemoCallers.OPERATOR).get("/actuator/health").json().at("/components/materialSources");
        assertThat(healthy.get("status").asText()).isEqualTo("UP");
        assertThat(healthy.at("/details/e-licence-library/circuit").asText()).isEqualTo("CLOSED");
        assertThat(healthy.at("/details/data-exchange/circuit").asText()).isEqualTo("CLOSED");
        assertThat(healthy.at("/details/casesWaitingForVerification").asLong()).isZero();

        hang("/gateway/api/v1/e-licences.*");
        hang("/gateway/api/v1/data-exchange/.*");
        String body = Files.readString(Path.of("../seeds/demo/enrolment-case.json"));
        List<String> waiting = new ArrayList<>();
        // the first cases wait out the look-up timeout; once the breakers are open a case is told at once
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HubClient.Reply receipt = hub.submit(UUID.randomUUID().toString(), body);
            assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
            assertThat(receipt.json().get("status").asText()).isEqualTo("WAITING_VERIFICATION");
            waiting.add(receipt.json().get("caseId").asText());
            return hub.caseView(waiting.get(waiting.size() - 1)).get("statusReason").asText()
                    .contains("not asked again until its circuit breaker lets a probe through");
        });
        JsonNode reason = hub.caseView(waiting.get(waiting.size() - 1));
        assertThat(reason.get("statusReason").asText()).contains("id-card", "employer-registration", "not asked");
        JsonNode down = hub.as(DemoCallers.OPERATOR).get("/actuator/health").json().at("/components/materialSources");
        assertThat(down.get("status").asText()).as("the hub still takes cases").isEqualTo("UP");
        assertThat(down.at("/details/e-licence-library/circuit").asText()).isIn("OPEN", "HALF_OPEN");
        assertThat(down.at("/details/data-exchange/circuit").asText()).isIn("OPEN", "HALF_OPEN");
        assertThat(down.at("/details/casesWaitingForVerification").asLong()).isEqualTo(waiting.size());

        answerAgain();

        for (String caseId : waiting) {
            awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(60));
        }
        JsonNode back = hub.as(DemoCallers.OPERATOR).get("/actuator/health").json().at("/components/materialSources");
        assertThat(back.at("/details/e-licence-library/circuit").asText()).isEqualTo("CLOSED");
        assertThat(back.at("/details/data-exchange/circuit").asText()).isEqualTo("CLOSED");
        assertThat(back.at("/details/casesWaitingForVerification").asLong()).isZero();

        // the status feed, polled every second here, tells the outage once and its end once
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("E-licence status feed read again after"));
        assertThat(output.getOut().split("E-licence status feed not read", -1)).hasSize(2);
    }

    /** Every call under this path is accepted and answered only after the hub's look-up timeout (1 s in tests). */
    private void hang(String pathPattern) {
        StubMapping stub = any(urlPathMatching(pathPattern)).atPriority(1)
                .willReturn(okJson("{}").withFixedDelay(3000)).build();
        simulators.server("provincial").orElseThrow().addStubMapping(stub);
        hangs.add(stub);
    }
}
