package org.onewindow.hub.province;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubProcess;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.seeds.simulators.ProvinceCaseReports;
import org.onewindow.seeds.simulators.SimulatorSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

/**
 * The done-when's second half under a real crash: the hub is killed with SIGKILL while it drains the case report feed to
 * a slow province, and started again on the same data. The province (its simulator, in this JVM, as it lives outside
 * the hub in production) ends up holding every record of every case exactly once and in order; no record arrived
 * before the one before it was held. A record the province got in the batch cut off by the kill may arrive a second
 * time (its acknowledgement was lost with the hub): the province answers it as a duplicate, and only such records may.
 */
@Tag("slow") // minutes of its own JVMs: run by `./mvnw verify -Pslow` (.ci/run runs both)
class CaseReportFeedCrashIT {

    private static final int CASES = 8;
    private static final Set<String> REPORTED = Set.of("CASE_ACCEPTED", "TASK_SENT", "TASK_ACKNOWLEDGED", "TASK_COMPLETED",
            "TASK_REJECTED", "TASK_CANCELLED", "APPLICANT_WAIT_STARTED", "APPLICANT_WAIT_ENDED", "CASE_COMPLETED", "CASE_REJECTED");

    @TempDir
    Path dataDir;
    DepartmentSimulators departments;
    ProvinceCaseReports province;

    @BeforeEach
    void departments() {
        departments = new DepartmentSimulators(new SimulatorSettings(SimulatorSettings.SEEDED_STUBS, 50, 1000, 0));
        province = departments.caseReports();
    }

    @AfterEach
    void stopDepartments() {
        departments.close();
    }

    @Test
    void killedWhileDrainingTheProvinceHoldsEveryRecordOnceAndInOrderAfterRestart() throws Exception {
        Path log = Path.of("target", "case-report-feed-crash-hub.log");
        List<String> settings = new ArrayList<>(List.of("onewindow.simulators.enabled=false",
                "onewindow.province.feed.poll-interval-ms=200", "onewindow.province.feed.lease-ms=4000",
                "onewindow.province.feed.response-timeout-ms=3000", "onewindow.province.feed.batch-size=3",
                "onewindow.province.feed.initial-backoff-ms=200", "onewindow.province.feed.max-backoff-ms=1000"));
        departments.hubSettings().forEach((name, value) -> settings.add(name + "=" + value));
        // every answer of the province takes 400 ms: the drain is mid-way when the kill comes
        province.slowDown(Duration.ofMillis(400));
        List<String> cases = new ArrayList<>();
        int arrivalsAtKill;
        try (HubProcess first = new HubProcess(dataDir, log, settings).start()) {
            departments.callBackTo("http://localhost:" + first.port());
            HubClient hub = new HubClient(first.port());
            for (int i = 0; i < CASES; i++) {
                cases.add(hub.submitAccepted(UUID.randomUUID().toString(), enrolment("张三", ZHANG_SAN)));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> province.arrivals().size() >= CASES);
            JsonNode feed = hub.as(DemoCallers.OPERATOR).get("/api/v1/province/feed").json();
            assertThat(feed.at("/backlog/waiting").asLong()).as("records still waiting at the kill: " + feed).isPositive();
            first.kill();
            // the batch the province was answering when the hub died is taken in once the answer's 400 ms are over
            Thread.sleep(1000);
            arrivalsAtKill = province.arrivals().size();
        }

        province.slowDown(Duration.ZERO);
        try (HubProcess second = new HubProcess(dataDir, log, settings).start()) {
            departments.callBackTo("http://localhost:" + second.port());
            HubClient hub = new HubClient(second.port());
            List<Integer> expected = new ArrayList<>();
            for (String caseId : cases) {
                JsonNode done = awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(60));
                expected.add((int) done.get("timeline").findValuesAsText("type").stream().filter(REPORTED::contains).count());
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> hub.as(DemoCallers.OPERATOR).get("/api/v1/province/feed").json().at("/backlog/waiting").asLong() == 0);

            List<ProvinceCaseReports.Arrival> arrivals = province.arrivals();
            Set<String> firstArrivedBeforeKill = new HashSet<>();
            arrivals.subList(0, arrivalsAtKill).forEach(a -> firstArrivedBeforeKill.add(a.caseId() + "/" + a.sequence()));
            for (int i = 0; i < cases.size(); i++) {
                String caseId = cases.get(i);
                assertThat(province.held(caseId)).extracting(ProvinceCaseReports.Held::sequence).as("held, case " + caseId)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, expected.get(i)).boxed().toList());
                Set<Long> held = new HashSet<>();
                for (ProvinceCaseReports.Arrival arrival : arrivals.stream().filter(a -> a.caseId().equals(caseId)).toList()) {
                    assertThat(arrival.sequence() == 1 || held.contains(arrival.sequence() - 1))
                            .as("case %s: %d arrived before %d was held", caseId, arrival.sequence(), arrival.sequence() - 1).isTrue();
                    assertThat(arrival.outcome()).isNotEqualTo("OUT_OF_ORDER");
                    if (arrival.outcome().equals("DUPLICATE")) {
                        assertThat(firstArrivedBeforeKill).as("only a record the kill cut off arrives twice").contains(caseId + "/" + arrival.sequence());
                    }
                    held.add(arrival.sequence());
                }
            }
            long duplicates = arrivals.stream().filter(a -> a.outcome().equals("DUPLICATE")).count();
            assertThat(duplicates).as("records sent again after the kill (at most the batch it cut off)").isLessThanOrEqualTo(3);
        }
    }
}
