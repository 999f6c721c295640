package org.onewindow.hub.health;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /actuator/health covers Camel, the broker and the database, and a failed one turns the hub DOWN. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HealthTest extends HubTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void brokerGoingDownTurnsTheHubDown() throws Exception {
        HubClient hub = new HubClient(port);
        HubClient.Reply up = hub.as(DemoCallers.OPERATOR).get("/actuator/health");
        assertThat(up.status()).isEqualTo(200);
        JsonNode components = up.json().get("components");
        assertThat(up.json().get("status").asText()).isEqualTo("UP");
        assertThat(components.at("/camelHealth/status").asText()).isEqualTo("UP");
        assertThat(components.at("/broker/status").asText()).isEqualTo("UP");
        assertThat(components.at("/db/status").asText()).isEqualTo("UP");

        broker.stop();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HubClient.Reply down = hub.as(DemoCallers.OPERATOR).get("/actuator/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(down.json().at("/components/broker/status").asText()).isEqualTo("DOWN");
        });
    }
}
