package org.onewindow.hub.licences;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.licences.DemoLicenceFiles.LI_SI_FLAT;
import static org.onewindow.hub.licences.DemoLicenceFiles.ZHANG_SAN_ID_CARD;
import static org.onewindow.hub.licences.DemoLicenceFiles.json;

/**
 * A 503 that names a system which is down (/problems/licence-library-unavailable) says when to try again: a
 * Retry-After of the library circuit breaker's wait, in whole seconds, and no class name of what failed inside.
 */
class RetryAfterTest extends HubTest {

    private static final String PURPOSE = "二手房转移登记材料核验";
    private static final String CASE = "OW20261201-RETRYAFTER";

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    LicenceLibrary library;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private StubMapping failing;

    @AfterEach
    void restoreTheLibrary() {
        WireMockServer provincial = simulators.server("provincial").orElseThrow();
        if (!provincial.isRunning()) {
            simulators.bringBack("provincial");
        }
        if (failing != null) {
            simulators.server("provincial").orElseThrow().removeStub(failing);
        }
    }

    @Test
    void aLibraryThatIsDownIsA503WithRetryAfter() {
        // the verifying hall's own case, whose parties hold the licences verified here (a read is for a case of the caller's)
        org.onewindow.hub.testkit.CaseFixtures.ensureCase(jdbc, CASE, "hall-xuanwu", "320102198001011238", "11010519491231002X");
        simulators.takeDown("provincial");
        HubClient.Reply down = verify(ZHANG_SAN_ID_CARD);
        simulators.bringBack("provincial");

        failing = simulators.server("provincial").orElseThrow().stubFor(get(urlPathEqualTo("/gateway/api/v1/e-licences/" + LI_SI_FLAT))
                .atPriority(1).willReturn(serverError()));
        HubClient.Reply failingReply = verify(LI_SI_FLAT);

        long breakerWaitSeconds = (library.circuit().getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1) + 999) / 1000;
        for (HubClient.Reply reply : new HubClient.Reply[] {down, failingReply}) {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("type").asText()).isEqualTo("/problems/licence-library-unavailable");
            assertThat(reply.header("Retry-After")).as(reply.body()).contains(String.valueOf(Math.max(1, breakerWaitSeconds)));
            assertThat(reply.body()).doesNotContain("Exception", "java.");
        }
    }

    private HubClient.Reply verify(String licenceId) {
        return new HubClient(port).post("/api/v1/licences/verify", "application/json", null,
                HttpRequest.BodyPublishers.ofString(json(Map.of("licenceId", licenceId, "purpose", PURPOSE, "caseId", CASE))));
    }
}
