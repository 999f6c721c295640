package org.onewindow.hub.flow;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.birth;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

/**
 * Group commit (issue 12) keeps rule 1 of DESIGN.md: a burst of cases shares commits (fewer transactions than cases,
 * read from the hub's own meters), yet every case answered 202 is there after a kill -9, even the one answered
 * just before the kill, and goes on to its end.
 */
@Tag("slow") // minutes of its own JVMs: run by `./mvnw verify -Pslow` (.ci/run runs both)
class GroupCommitCrashIT {

    private static final int BURST = 60;

    @TempDir
    Path dataDir;

    @Test
    void aBurstSharesCommitsAndAKillRightAfterA202LosesNothing() throws Exception {
        Path log = Path.of("target", "group-commit-crash-hub.log");
        List<String> accepted = new ArrayList<>();
        String last;
        try (HubProcess first = new HubProcess(dataDir, log, List.of()).start()) {
            HubClient hub = new HubClient(first.port());
            ExecutorService callers = Executors.newFixedThreadPool(30);
            try {
                List<Future<String>> burst = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    String body = i % 2 == 0 ? enrolment("张三", ZHANG_SAN) : birth("张三", ZHANG_SAN);
                    burst.add(callers.submit(() -> hub.submitAccepted(UUID.randomUUID().toString(), body)));
                }
                for (Future<String> caseId : burst) {
                    accepted.add(caseId.get(60, TimeUnit.SECONDS));
                }
            } finally {
                callers.shutdownNow();
            }
            String metrics = hub.as(DemoCallers.PROMETHEUS).get("/actuator/prometheus").body();
            double units = meter(metrics, "onewindow_group_commit_units_total");
            double transactions = meter(metrics, "onewindow_group_commit_transactions_total");
            assertThat(units).as("cases accepted through the group commit").isEqualTo(BURST);
            assertThat(transactions).as("commits that carried them").isLessThan(units);

            // the kill comes as soon as the 202 is read: nothing after it may be needed for the case to survive
            last = hub.submitAccepted(UUID.randomUUID().toString(), enrolment("张三", ZHANG_SAN));
            first.kill();
        }
        accepted.add(last);

        try (HubProcess second = new HubProcess(dataDir, log, List.of()).start()) {
            HubClient hub = new HubClient(second.port());
            for (String caseId : accepted) {
                assertThat(hub.get("/api/v1/cases/" + caseId).status()).as("case %s after the kill", caseId).isEqualTo(200);
            }
            assertThat(awaitStatus(hub, last, "COMPLETED", Duration.ofSeconds(60)).get("timeline").findValuesAsText("type"))
                    .containsOnlyOnce("CASE_ACCEPTED", "CASE_COMPLETED");
        }
    }

    /** A counter of the case-intake units from the Prometheus text format. */
    private static double meter(String metrics, String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*unit=\"case-intake\"[^}]*} ([0-9.E+-]+)$").matcher(metrics);
        assertThat(value.find()).as(name + " in /actuator/prometheus").isTrue();
        return Double.parseDouble(value.group(1));
    }
}
