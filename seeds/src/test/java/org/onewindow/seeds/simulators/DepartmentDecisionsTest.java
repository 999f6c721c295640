package org.onewindow.seeds.simulators;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real-estate registry's simulator remembers what it decided for each application it accepted, from the moment it
 * accepted, and answers a status query from that memory: still working until its callback's delay has passed, then the
 * callback's body, even though no callback ever reached a hub; 404 for an application it does not have.
 */
class DepartmentDecisionsTest {

    private static final String APPLICATION = """
            <RegistrationApplication xmlns="urn:county-real-estate:registration:v1"><BusinessNo>%s</BusinessNo>
            <RegistrationType>200</RegistrationType><Buyer><Name>%s</Name><IdKind>1</IdKind><IdNo>%s</IdNo></Buyer>
            <TaxVoucherNo>WS-1</TaxVoucherNo></RegistrationApplication>""";

    private final DepartmentSimulators simulators = new DepartmentSimulators(
            new SimulatorSettings("classpath*:seeds/simulators/real-estate/mappings/*.json", 10, 100, 0));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        simulators.close();
    }

    @Test
    void answersFromWhatItDecidedWhetherOrNotItsCallbackArrived() throws Exception {
        // callbacks go nowhere: nothing listens on the discard port
        simulators.callBackTo("http://127.0.0.1:9");
        assertThat(apply("T-1", "张三", "11010519491231002X").statusCode()).isEqualTo(202);

        HttpResponse<String> working = status("T-1");
        assertThat(working.statusCode()).isEqualTo(200);
        assertThat(working.body()).contains("<ApplicationStatus", "<BusinessNo>T-1</BusinessNo>", "<AcceptanceNo>SL-T-1</AcceptanceNo>");

        // the default registration is decided half a second after acceptance
        await().atMost(Duration.ofSeconds(5)).until(() -> simulators.decisions("real-estate").decided("T-1").isPresent());
        HttpResponse<String> decided = status("T-1");
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(decided.body()).startsWith("<RegistrationResult").contains("<BusinessNo>T-1</BusinessNo>",
                "<AcceptanceNo>SL-T-1</AcceptanceNo>", "<NewCertificateNo>(2026)0012345</NewCertificateNo>");
        assertThat(registry().findAll(getRequestedFor(urlEqualTo("/re-registry/api/applications/T-1")))).as("the journal").hasSize(2);

        // kept while the registry's gateway is down and back
        simulators.takeDown("real-estate");
        simulators.bringBack("real-estate");
        assertThat(status("T-1").body()).isEqualTo(decided.body());
    }

    @Test
    void aRefusalIsAnsweredAsTheRefusingCallbackWouldCarryIt() throws Exception {
        simulators.callBackTo("http://127.0.0.1:9");
        // Kong Yi 孔一: accepted, then refused (the property is seized)
        assertThat(apply("T-2", "孔一", "37010219800101311X").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5)).until(() -> simulators.decisions("real-estate").decided("T-2").isPresent());
        assertThat(status("T-2").body()).startsWith("<RegistrationResult").contains("<Refusal><Code>4201</Code>");
    }

    @Test
    void anApplicationItNeverAcceptedOrHasLostIsNotFound() throws Exception {
        HttpResponse<String> never = status("T-NEVER");
        assertThat(never.statusCode()).isEqualTo(404);
        assertThat(never.body()).contains("T-NEVER");

        // refused at the counter (no deed tax voucher): nothing accepted, nothing to remember
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(registry().baseUrl() + "/re-registry/api/applications"))
                .header("Idempotency-Key", "T-3").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(APPLICATION.formatted("T-3", "张三", "11010519491231002X")
                        .replace("<TaxVoucherNo>WS-1</TaxVoucherNo>", ""))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(status("T-3").statusCode()).isEqualTo(404);

        assertThat(apply("T-4", "张三", "11010519491231002X").statusCode()).isEqualTo(202);
        assertThat(status("T-4").statusCode()).isEqualTo(200);
        simulators.decisions("real-estate").forget("T-4");
        assertThat(status("T-4").statusCode()).isEqualTo(404);
    }

    private WireMockServer registry() {
        return simulators.server("real-estate").orElseThrow();
    }

    private HttpResponse<String> apply(String taskId, String name, String idNumber) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(registry().baseUrl() + "/re-registry/api/applications"))
                .header("Idempotency-Key", taskId).header("Content-Type", "application/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(APPLICATION.formatted(taskId, name, idNumber))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> status(String taskId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(registry().baseUrl() + "/re-registry/api/applications/" + taskId))
                .header("Idempotency-Key", taskId).header("Accept", "application/xml").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
