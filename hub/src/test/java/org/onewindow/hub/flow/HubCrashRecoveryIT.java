package org.onewindow.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.seeds.simulators.SimulatorSettings;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.QIAN_QI;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

/**
 * Rule 1 of DESIGN.md under a real crash: the hub is killed with SIGKILL after it accepted a case and
 * while the department is still working on it. The department lives outside the hub (as it does in
 * production), so it sees everything the hub sent before and after the crash.
 */
@Tag("slow") // minutes of its own JVMs: run by `./mvnw verify -Pslow` (.ci/run runs both)
class HubCrashRecoveryIT {

    @TempDir
    Path dataDir;
    DepartmentSimulators departments;
    WireMockServer socialInsurance;

    @BeforeEach
    void departments() {
        departments = new DepartmentSimulators(new SimulatorSettings(SimulatorSettings.SEEDED_STUBS, 50, 1000, 0));
        socialInsurance = departments.server("social-insurance").orElseThrow();
    }

    @AfterEach
    void stopDepartments() {
        departments.close();
    }

    @Test
    void killedWhileTheDepartmentWorksTheCaseCompletesOnceAfterRestart() throws Exception {
        Path log = Path.of("target", "crash-recovery-hub.log");
        List<String> settings = new java.util.ArrayList<>(List.of("onewindow.simulators.enabled=false"));
        departments.hubSettings().forEach((name, value) -> settings.add(name + "=" + value));
        String caseId;
        try (HubProcess first = new HubProcess(dataDir, log, settings).start()) {
            departments.callBackTo("http://localhost:" + first.port());
            HubClient hub = new HubClient(first.port());
            // Qian Qi's enrolment takes the simulated bureau 8 seconds to answer
            caseId = hub.submitAccepted(UUID.randomUUID().toString(), enrolment("钱七", QIAN_QI));
            await().atMost(Duration.ofSeconds(20)).until(() -> !requestsFor(caseId).isEmpty());
            assertThat(hub.caseView(caseId).get("status").asText()).isEqualTo("IN_PROGRESS");
            first.kill();
        }
        assertThat(requestsFor(caseId)).as("requests before the crash").hasSize(1);

        try (HubProcess second = new HubProcess(dataDir, log, settings).start()) {
            departments.callBackTo("http://localhost:" + second.port());
            HubClient hub = new HubClient(second.port());
            JsonNode done = awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(60));
            String taskId = done.at("/tasks/0/taskId").asText();

            List<String> events = done.get("timeline").findValuesAsText("type");
            assertThat(events).containsOnlyOnce("CASE_ACCEPTED", "TASK_COMPLETED", "CASE_COMPLETED");
            assertThat(done.get("tasks")).hasSize(1);
            assertThat(done.at("/tasks/0/departmentRef").asText()).isEqualTo("SI-" + taskId);

            List<LoggedRequest> requests = requestsFor(caseId);
            assertThat(requests).as("the request cut off by the crash, and the one after restart").hasSize(2);
            assertThat(requests).allSatisfy(r -> {
                assertThat(r.getHeader("Idempotency-Key")).isEqualTo(taskId);
                assertThat(r.getBodyAsString()).contains("\"ywlsh\":\"" + taskId + "\"");
            });
        }
    }

    private List<LoggedRequest> requestsFor(String caseId) {
        return socialInsurance.findAll(postRequestedFor(urlPathMatching("/si-gateway/.*"))
                .withRequestBody(matchingJsonPath("$.ywlsh", matching(caseId + "-.*"))));
    }
}
