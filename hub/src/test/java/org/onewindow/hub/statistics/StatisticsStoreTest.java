package org.onewindow.hub.statistics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.hub.testkit.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.statistics.StatisticsFixture.bj;

/**
 * The statistics' read-only queries on both databases the hub runs on (H2 in PostgreSQL mode and a real PostgreSQL),
 * over {@link StatisticsFixture}'s weeks 18 and 19 of 2026 (Monday 27 April 00:00 to Monday 11 May 00:00, Beijing).
 */
class StatisticsStoreTest {

    private static final Instant FROM = bj("2026-04-27T00:00").toInstant();
    private static final Instant TO = bj("2026-05-11T00:00").toInstant();

    @ParameterizedTest
    @EnumSource(Databases.class)
    void readsTheFactsOfTheRange(Databases database) {
        JdbcClient jdbc = JdbcClient.create(database.fresh());
        StatisticsFixture.ensure(jdbc);
        StatisticsStore store = new StatisticsStore(jdbc);

        // accepted in the range: C1, C2, C3, C4 (two tasks), C5, C6, C7; not C8 (24 April)
        assertThat(store.accepted(FROM, TO)).extracting(StatisticsStore.Accepted::department)
                .containsExactlyInAnyOrder("real-estate", "real-estate", "real-estate", "tax", "real-estate", "social-insurance",
                        "real-estate", "social-insurance");
        // completed in the range: C1, C2, C3, C4 (two), C5, C8; not C6 (11 May); C2 is rated by default only
        Map<String, Boolean> rated = store.completed(FROM, TO).stream()
                .collect(Collectors.toMap(StatisticsStore.Completed::taskId, StatisticsStore.Completed::activelyRated));
        assertThat(rated).containsOnlyKeys("ST20260429-C1-01", "ST20260429-C2-01", "ST20260429-C3-01", "ST20260429-C4-01",
                "ST20260429-C4-02", "ST20260429-C5-01", "ST20260429-C8-01");
        assertThat(rated).containsEntry("ST20260429-C2-01", false).containsEntry("ST20260429-C3-01", true);
        StatisticsStore.Completed c3 = store.completed(FROM, TO).stream().filter(t -> t.caseId().endsWith("C3")).findFirst().orElseThrow();
        assertThat(c3.stoppedMinutes()).isEqualTo(420);
        assertThat(c3.deadlineAt()).isEqualTo(bj("2026-05-11T17:30").toInstant());
        assertThat(c3.finishedAt()).isEqualTo(bj("2026-05-09T17:00").toInstant());
        assertThat(store.cards(FROM, TO)).hasSize(4);
        // materials per item and acceptance: C1, C2, C3, C4 (two items), C5, C7; 3+2+3+2+2+2+1 = 15 exempt of 26
        assertThat(store.materials(FROM, TO)).hasSize(7);
        assertThat(store.materials(FROM, TO).stream().mapToLong(StatisticsStore.Materials::exempt).sum()).isEqualTo(15);
        assertThat(store.materials(FROM, TO).stream().mapToLong(StatisticsStore.Materials::all).sum()).isEqualTo(26);
        // evaluations E1, E2, E3 (for tax and real-estate), E4, E5; not E6 (11 May)
        assertThat(store.evaluations(FROM, TO)).hasSize(6);
        assertThat(store.tickets(FROM, TO)).extracting(StatisticsStore.Ticket::answeredInTime).containsExactlyInAnyOrder(true, false, false);
    }
}
