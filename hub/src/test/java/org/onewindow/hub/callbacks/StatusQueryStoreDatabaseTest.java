package org.onewindow.hub.callbacks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStatus;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.testkit.Databases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The status queries' table (Flyway V15) and the round's query over case_tasks, on H2 and PostgreSQL. */
class StatusQueryStoreDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00.123456Z");

    @ParameterizedTest
    @EnumSource(Databases.class)
    void dueAreTheTasksOfTheGivenDepartmentsAwaitingLongEnoughAndNotAskedSinceLongestWaitingFirst(Databases database) {
        DataSource dataSource = database.fresh();
        CaseStore cases = new CaseStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource), new ObjectMapper());
        StatusQueryStore store = new StatusQueryStore(JdbcClient.create(dataSource));
        cases.insertCase(new CaseRecord("OW20261207-AAAAAAAAAA", "RE-TRANSFER-REGISTRATION", null, CaseStatus.IN_PROGRESS, null, "PERSON",
                "张三", "11010519491231002X", "{}", LocalDate.of(2026, 12, 10), NOW, NOW, "hall-xuanwu"));
        cases.insertTasks(List.of(
                task("OW20261207-AAAAAAAAAA-01", "real-estate", TaskStatus.AWAITING_CALLBACK, NOW.minus(Duration.ofMinutes(50))),
                task("OW20261207-AAAAAAAAAA-02", "real-estate", TaskStatus.AWAITING_CALLBACK, NOW.minus(Duration.ofMinutes(90))),
                // accepted too recently
                task("OW20261207-AAAAAAAAAA-03", "real-estate", TaskStatus.AWAITING_CALLBACK, NOW.minus(Duration.ofMinutes(10))),
                // decided, or of a department not asked
                task("OW20261207-AAAAAAAAAA-04", "real-estate", TaskStatus.COMPLETED, NOW.minus(Duration.ofMinutes(90))),
                task("OW20261207-AAAAAAAAAA-05", "social-insurance", TaskStatus.AWAITING_CALLBACK, NOW.minus(Duration.ofMinutes(90)))));
        Instant cutoff = NOW.minus(Duration.ofMinutes(30));

        assertThat(store.due(Set.of("real-estate"), cutoff, cutoff, 10)).extracting(StatusQueryStore.AwaitingTask::taskId)
                .containsExactly("OW20261207-AAAAAAAAAA-02", "OW20261207-AAAAAAAAAA-01");
        assertThat(store.due(Set.of("real-estate"), cutoff, cutoff, 1)).hasSize(1);
        assertThat(store.due(Set.of(), cutoff, cutoff, 10)).isEmpty();
        StatusQueryStore.AwaitingTask first = store.due(Set.of("real-estate"), cutoff, cutoff, 1).get(0);
        assertThat(first.caseId()).isEqualTo("OW20261207-AAAAAAAAAA");
        assertThat(first.acceptedAt()).isEqualTo(NOW.minus(Duration.ofMinutes(90)).truncatedTo(ChronoUnit.MICROS));

        // asked 20 minutes ago: not again until 30 minutes have passed
        store.asked("OW20261207-AAAAAAAAAA-02", "real-estate", NOW.minus(Duration.ofMinutes(20)), StatusQueryStore.Answer.STILL_WORKING);
        assertThat(store.due(Set.of("real-estate"), cutoff, cutoff, 10)).extracting(StatusQueryStore.AwaitingTask::taskId)
                .containsExactly("OW20261207-AAAAAAAAAA-01");
        store.asked("OW20261207-AAAAAAAAAA-02", "real-estate", NOW.minus(Duration.ofMinutes(40)), StatusQueryStore.Answer.UNKNOWN_TASK);
        assertThat(store.due(Set.of("real-estate"), cutoff, cutoff, 10)).extracting(StatusQueryStore.AwaitingTask::taskId)
                .containsExactly("OW20261207-AAAAAAAAAA-02", "OW20261207-AAAAAAAAAA-01");
        assertThat(store.last("OW20261207-AAAAAAAAAA-02")).hasValue(new StatusQueryStore.LastQuery("OW20261207-AAAAAAAAAA-02",
                "real-estate", NOW.minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.MICROS), StatusQueryStore.Answer.UNKNOWN_TASK, 2));
        assertThat(store.last("OW20261207-AAAAAAAAAA-01")).isEmpty();
    }

    private static TaskRecord task(String taskId, String department, TaskStatus status, Instant updatedAt) {
        return new TaskRecord(taskId, "OW20261207-AAAAAAAAAA", "step-" + taskId.substring(taskId.length() - 2), "RE-TRANSFER-REGISTRATION",
                department, List.of(), status, null, null, Map.of(), updatedAt, updatedAt, null);
    }
}
