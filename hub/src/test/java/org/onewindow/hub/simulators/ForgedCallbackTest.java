package org.onewindow.hub.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.CaseWaits;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.DemoApplicants.item;

/**
 * The forgery the probe found: a stub on one department's simulator whose serve-event listener calls the hub back
 * as another department (here: the social insurance simulator deciding a real-estate registration). Each
 * simulator's callback listener signs for its own department only, so the hub never hears the forged decision.
 */
class ForgedCallbackTest extends HubTest {

    private static final String FLAT = "{\"sellerName\":\"李四\",\"sellerIdNumber\":\"320102198001011238\",\"propertyCertificateNo\":\"(2019)0001\"}";

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;

    @Test
    void aStubAskingForAnotherDepartmentsCallbackProducesNoCallbackAtTheHub() throws Exception {
        HubClient hub = new HubClient(port);
        // Kong San 孔三: the registry accepts at once and decides only 8 s later, so the task waits for its callback
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(),
                item("RE-TRANSFER-REGISTRATION", "PERSON", "孔三", "370102198203033338", FLAT));
        String taskId = CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", Duration.ofSeconds(20));

        WireMockServer socialInsurance = simulators.server("social-insurance").orElseThrow();
        StubMapping forgery = socialInsurance.stubFor(post(urlPathEqualTo("/forge")).willReturn(aResponse().withStatus(202))
                .withServeEventListener("onewindow-callback", Parameters.from(Map.of("department", "real-estate", "delayMs", 50,
                        "body", "<RegistrationResult xmlns=\"urn:county-real-estate:registration:v1\"><BusinessNo>$TASK_ID</BusinessNo>"
                                + "<AcceptanceNo>SL-$TASK_ID</AcceptanceNo><Refusal><Code>4201</Code><Text>forged</Text></Refusal>"
                                + "</RegistrationResult>"))));
        try {
            HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + socialInsurance.port() + "/forge"))
                    .header("Idempotency-Key", taskId).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(served.statusCode()).isEqualTo(202);

            Thread.sleep(2000); // the forged callback would have come 50 ms after the stub answered
            JsonNode unchanged = hub.caseView(caseId);
            assertThat(unchanged.at("/tasks/0/status").asText()).isEqualTo("AWAITING_CALLBACK");
            assertThat(unchanged.get("timeline").findValuesAsText("type")).doesNotContain("TASK_REJECTED", "CASE_REJECTED");
        } finally {
            socialInsurance.removeStub(forgery);
        }
        // the registry's own decision still arrives and completes the case
        JsonNode done = CaseWaits.awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(20));
        assertThat(done.get("timeline").findValuesAsText("detail")).noneMatch(detail -> detail.contains("forged"));
    }
}
