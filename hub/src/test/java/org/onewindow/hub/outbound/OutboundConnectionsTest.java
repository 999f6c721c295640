package org.onewindow.hub.outbound;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.licences.LicenceLibrary;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;

/**
 * One pool of keep-alive connections carries the hub's outbound HTTP: a department adapter's camel-http call (the
 * social-insurance REST/JSON department) and the provincial gateway's look-ups both leave their connection open in it
 * for the next call, instead of each client opening and closing its own.
 */
class OutboundConnectionsTest extends HubTest {

    @LocalServerPort
    int port;
    @Autowired
    PoolingHttpClientConnectionManager outboundConnections;
    @Autowired
    CamelContext camel;
    @Autowired
    LicenceLibrary library;
    @Autowired
    DepartmentSimulators simulators;

    @Test
    void departmentCallsAndGatewayLookUpsKeepTheirConnectionsInOnePool() throws IOException {
        assertThat(camel.getComponent("http", HttpComponent.class).getClientConnectionManager())
                .as("the departments' camel-http component uses the hub's pool").isSameAs(outboundConnections);

        HubClient hub = new HubClient(port);
        int socialInsuranceCalls = calls("social-insurance");
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), Files.readString(Path.of("../seeds/demo/enrolment-case.json")));
        awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
        assertThat(calls("social-insurance")).as("the case went to the social-insurance simulator").isGreaterThan(socialInsuranceCalls);

        library.find("hall-xuanwu", "11010519491231002X", "resident-id-card", "连接池核验-" + UUID.randomUUID(), caseId);

        for (String system : new String[] {"social-insurance", "provincial"}) {
            int simulatorPort = simulators.server(system).orElseThrow().port();
            HttpRoute route = outboundConnections.getRoutes().stream()
                    .filter(r -> r.getTargetHost().getPort() == simulatorPort).findFirst()
                    .orElseThrow(() -> new AssertionError("no pooled connection to " + system + " in " + outboundConnections.getRoutes()));
            assertThat(outboundConnections.getStats(route).getAvailable())
                    .as("a connection to %s kept open for the next call", system).isPositive();
        }
    }

    private int calls(String system) {
        return simulators.server(system).orElseThrow().findAll(anyRequestedFor(anyUrl())).size();
    }
}
