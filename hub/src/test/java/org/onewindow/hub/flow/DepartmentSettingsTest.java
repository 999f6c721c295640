package org.onewindow.hub.flow;

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
import static org.onewindow.hub.testkit.DemoApplicants.WANG_WU;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;
import static org.onewindow.hub.testkit.DemoApplicants.item;

/**
 * Retries and circuit breakers are set per department (onewindow.departments.&lt;d&gt;.*) over the hub's
 * defaults: the test profile gives tax one retry and a breaker that waits for six calls.
 */
class DepartmentSettingsTest extends HubTest {

    @LocalServerPort
    int port;

    @Test
    void eachDepartmentRetriesAsOftenAsItsSettingsSay() {
        HubClient hub = new HubClient(port);
        // Huang San 黄三: the tax bureau raises a server fault, always; Wang Wu 王五: social insurance answers 503, always
        String tax = hub.submitAccepted(UUID.randomUUID().toString(), item("TAX-DEED-TAX", "PERSON", "黄三", "310104199009090036", "{}"));
        String socialInsurance = hub.submitAccepted(UUID.randomUUID().toString(), enrolment("王五", WANG_WU));
        JsonNode taxStuck = awaitStatus(hub, tax, "STUCK", Duration.ofSeconds(20));
        JsonNode siStuck = awaitStatus(hub, socialInsurance, "STUCK", Duration.ofSeconds(20));
        assertThat(taxStuck.at("/tasks/0/statusReason").asText()).contains("retried 1 times");
        assertThat(siStuck.at("/tasks/0/statusReason").asText()).contains("retried 3 times");
    }

    @Test
    void eachDepartmentHasTheBreakerItsSettingsSay() {
        JsonNode departments = new HubClient(port).as(DemoCallers.OPERATOR).get("/actuator/health").json().at("/components/departments/details");
        assertThat(departments.at("/tax/opensAfterCalls").asInt()).isEqualTo(6);
        assertThat(departments.at("/social-insurance/opensAfterCalls").asInt()).isEqualTo(4);
    }
}
