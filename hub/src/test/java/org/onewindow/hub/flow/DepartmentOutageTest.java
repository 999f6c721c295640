package org.onewindow.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

/** A department that is down makes its tasks wait, not fail; when it is back they drain by themselves. */
class DepartmentOutageTest extends HubTest {

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;

    @AfterEach
    void bringBack() {
        if (!simulators.server("social-insurance").orElseThrow().isRunning()) { // the test failed half-way
            simulators.bringBack("social-insurance");
        }
    }

    @Test
    void tasksWaitWhileTheDepartmentIsDownAndDrainWhenItIsBack() throws InterruptedException {
        HubClient hub = new HubClient(port);
        simulators.takeDown("social-insurance");
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(hub.submitAccepted(UUID.randomUUID().toString(), enrolment("张三", ZHANG_SAN)));
        }
        // another department is not held up: a tax case goes through while social insurance is down
        String taxCase = hub.submitAccepted(UUID.randomUUID().toString(),
                org.onewindow.hub.testkit.DemoApplicants.item("TAX-PAYMENT-CERTIFICATE", "PERSON", "张三", ZHANG_SAN, "{}"));
        awaitStatus(hub, taxCase, "COMPLETED", Duration.ofSeconds(10));
        // longer than the dead-letter budget for a department that answers badly (3 retries, < 2 s here)
        Thread.sleep(5000);
        for (String caseId : cases) {
            JsonNode waiting = hub.caseView(caseId);
            assertThat(waiting.get("status").asText()).as("case %s while the department is down", caseId).isIn("ACCEPTED", "IN_PROGRESS");
            assertThat(waiting.get("timeline").findValuesAsText("type")).doesNotContain("TASK_DEAD_LETTERED");
        }
        assertThat(hub.as(DemoCallers.OPERATOR).get("/actuator/health").json().at("/components/departments/details/social-insurance/circuit").asText())
                .isIn("OPEN", "HALF_OPEN");
        assertThat(hub.as(DemoCallers.OPERATOR).get("/actuator/health").json().at("/components/departments/details/tax/circuit").asText()).isEqualTo("CLOSED");

        simulators.bringBack("social-insurance");
        for (String caseId : cases) {
            awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
        }
        assertThat(hub.as(DemoCallers.OPERATOR).get("/actuator/health").json().at("/components/departments/details/social-insurance/circuit").asText())
                .isEqualTo("CLOSED");
    }
}
