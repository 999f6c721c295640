package org.onewindow.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The two-hub report's summary of what the hubs logged: grouped by kind, only while they served, causes kept. */
class HubLogSummaryTest {

    private static final String DEADLOCK = "2026-12-07T03:12:32.863Z  WARN 19331 --- [onewindow-hub] [w.tasks.police]] "
            + "o.a.c.p.errorhandler.DeadLetterChannel   : Failed delivery for (MessageId: 4EF41ACE525C100-0000000000001B81 on "
            + "ExchangeId: 4EF41ACE525C100-0000000000001B81). On delivery attempt: 0 caught: "
            + "org.springframework.dao.PessimisticLockingFailureException: PreparedStatementCallback; SQL [SELECT * FROM cases "
            + "WHERE case_id = ? FOR UPDATE]; ERROR: deadlock detected\n";

    @Test
    void groupsLinesOfOneKindAndKeepsTheCauseOfARedelivery(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("hub-1.log");
        String starting = "2026-12-07T03:05:41.124Z  WARN 19331 --- [onewindow-hub] [io-33307-exec-6] "
                + "a.h.r.CamelReadinessStateHealthIndicator : Probe in group 'camel' failed\n";
        String failedBatch = "2026-12-07T03:08:39.106Z ERROR 22522 --- [onewindow-hub] [sage-log-writer] "
                + "o.o.hub.messagelog.MessageLogWriter      : Message log: cannot write 40 record(s), trying again in 1 s: Batch entry 0 INSERT\n"
                + "  Detail: Key (seq)=(8869) already exists.  Call getNextException to see other errors in the batch.\n"
                + "\tat org.postgresql.jdbc.BatchResultHandler.handleError(BatchResultHandler.java:165)\n";
        String info = "2026-12-07T03:09:00.000Z  INFO 19331 --- [onewindow-hub] [           main] o.o.hub.Something : fine\n";
        Files.writeString(log, starting);
        long served = Files.size(log);
        Files.writeString(log, Files.readString(log) + DEADLOCK + failedBatch + info + DEADLOCK.replace("1B81", "1C47")
                + failedBatch.replace("8869", "8870"));

        List<HubLogSummary.Logged> logged = HubLogSummary.of("hub-1", log, List.of(new long[]{served, Files.size(log)}), 8);

        assertThat(logged).extracting(HubLogSummary.Logged::count).containsExactly(2, 2);
        assertThat(logged.get(0).level()).isEqualTo("WARN");
        assertThat(logged.get(0).logger()).isEqualTo("o.a.c.p.errorhandler.DeadLetterChannel");
        assertThat(logged.get(0).message()).startsWith("Failed … caught: org.springframework.dao.PessimisticLockingFailureException")
                .contains("deadlock detected");
        assertThat(logged.get(1).level()).isEqualTo("ERROR");
        assertThat(logged.get(1).message()).startsWith("Detail: Key (seq)=(#) already exists.")
                .contains("Message log: cannot write # record(s)");
        // the start's readiness warnings lie before the range the hub served in
        assertThat(logged).noneMatch(l -> l.logger().contains("CamelReadiness"));
    }

    @Test
    void blanksCaseIdsAndNumbersSoThatOneKindGroups() {
        assertThat(HubLogSummary.blank("Callback from real-estate for OW20261207-FXYJNZW06M-02 could not be recorded"))
                .isEqualTo("Callback from real-estate for <case> could not be recorded");
    }
}
