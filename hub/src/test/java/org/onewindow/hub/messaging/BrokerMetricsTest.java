package org.onewindow.hub.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

/** The embedded broker's own meters reach /actuator/metrics: operators and the benchmark count messages with them. */
class BrokerMetricsTest extends HubTest {

    @LocalServerPort
    int port;

    @Test
    void messagesAddedToTheTaskQueuesAreCounted() {
        HubClient hub = new HubClient(port);
        double before = messagesAdded(hub);

        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), enrolment("张三", ZHANG_SAN));
        awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(20));

        // the task went to its department through the broker
        assertThat(messagesAdded(hub)).isGreaterThanOrEqualTo(before + 1);
    }

    private static double messagesAdded(HubClient hub) {
        HubClient.Reply reply = hub.as(DemoCallers.OPERATOR).get("/actuator/metrics/artemis.messages.added");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode value = reply.json().get("measurements").get(0).get("value");
        return value.asDouble();
    }
}
