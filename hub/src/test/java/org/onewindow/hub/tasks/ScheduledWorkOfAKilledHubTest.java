package org.onewindow.hub.tasks;

import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Work that runs once cluster-wide (db-scheduler) is marked with the hub running it and kept alive by heartbeats. A hub
 * killed in the middle of a round leaves the job picked: with db-scheduler's defaults (dead after 6 missed heartbeats
 * of 5 minutes) the search for lost messages then stood still for half an hour on every hub, and the fault suite's 30
 * kills left 22 cases open. With application.yaml's heartbeats (every 10 s, dead after 4 missed) another hub runs it
 * again within about a minute. Here the job's row is made to look picked by a hub killed a while ago.
 */
class ScheduledWorkOfAKilledHubTest extends HubTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRoundPickedByAHubThatWasKilledRunsAgainAtAnotherHub() {
        OffsetDateTime killedAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        int picked = jdbc.sql("""
                        UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'hub-killed', last_heartbeat = ?,
                          execution_time = ?, version = version + 1
                        WHERE task_name = ?""")
                .params(killedAt, killedAt, TaskRedispatchSchedule.TASK).update();
        assertThat(picked).as("the job's row").isEqualTo(1);

        // detected dead at the next check (every 2 heartbeats, 20 s), revived, run here and scheduled again
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Object> row = jdbc.sql("SELECT picked_by, execution_time FROM scheduled_tasks WHERE task_name = ?")
                    .param(TaskRedispatchSchedule.TASK).query().singleRow();
            assertThat(row.get("picked_by")).isNotEqualTo("hub-killed");
            // run and scheduled anew: its next time is after the kill's, no longer the stale one
            assertThat(jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = ?")
                    .param(TaskRedispatchSchedule.TASK).query(OffsetDateTime.class).single()).isAfter(killedAt.plusMinutes(1));
        });
    }
}
