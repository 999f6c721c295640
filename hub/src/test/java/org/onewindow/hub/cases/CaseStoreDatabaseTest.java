package org.onewindow.hub.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.hub.testkit.Databases;
import org.onewindow.schemas.catalogue.TimeLimit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The case store's SQL on both databases the hub supports: H2 (embedded default) and PostgreSQL (production). */
class CaseStoreDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00.123456Z");

    @ParameterizedTest
    @EnumSource(Databases.class)
    void storesAndReadsBackCasesTasksAndEvents(Databases database) {
        DataSource dataSource = database.fresh();
        CaseStore store = new CaseStore(JdbcClient.create(dataSource), new org.springframework.jdbc.core.JdbcTemplate(dataSource), new ObjectMapper());
        store.insertCase(caseRecord("OW20261123-AAAAAAAAAA"));
        store.insertTasks(List.of(task("OW20261123-AAAAAAAAAA-01", "step-a", List.of(), TaskStatus.QUEUED)));
        store.insertTasks(List.of(task("OW20261123-AAAAAAAAAA-02", "step-b", List.of("step-a"), TaskStatus.WAITING,
                TimeLimit.workingHours(2))));
        store.addEvent("OW20261123-AAAAAAAAAA", null, CaseEventType.CASE_ACCEPTED, "accepted", NOW);
        store.addEvent("OW20261123-AAAAAAAAAA", "OW20261123-AAAAAAAAAA-01", CaseEventType.TASK_QUEUED, "queued 排队", NOW.plusMillis(1));

        CaseRecord read = store.findCase("OW20261123-AAAAAAAAAA").orElseThrow();
        assertThat(read.applicantName()).isEqualTo("张三");
        assertThat(read.promisedBy()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(read.createdAt()).isEqualTo(NOW.truncatedTo(ChronoUnit.MICROS));
        assertThat(read.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(store.tasks("OW20261123-AAAAAAAAAA")).extracting(TaskRecord::stepId).containsExactly("step-a", "step-b");
        assertThat(store.tasks("OW20261123-AAAAAAAAAA").get(1).dependsOn()).containsExactly("step-a");
        // a promise in working days or in working hours (V16) reads back as it was written
        assertThat(store.tasks("OW20261123-AAAAAAAAAA")).extracting(t -> t.clock().promised())
                .containsExactly(TimeLimit.workingDays(3), TimeLimit.workingHours(2));
        assertThat(store.events("OW20261123-AAAAAAAAAA")).extracting(CaseEvent::type)
                .containsExactly(CaseEventType.CASE_ACCEPTED, CaseEventType.TASK_QUEUED);
        assertThat(store.events("OW20261123-AAAAAAAAAA").get(1).detail()).isEqualTo("queued 排队");
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aTaskMovesOnlyFromTheStatusesGivenSoARepeatChangesNothing(Databases database) {
        DataSource dataSource = database.fresh();
        CaseStore store = new CaseStore(JdbcClient.create(dataSource), new org.springframework.jdbc.core.JdbcTemplate(dataSource), new ObjectMapper());
        store.insertCase(caseRecord("OW20261123-BBBBBBBBBB"));
        store.insertTasks(List.of(task("OW20261123-BBBBBBBBBB-01", "step-a", List.of(), TaskStatus.SENT)));

        boolean first = store.updateTask("OW20261123-BBBBBBBBBB-01", TaskStatus.OPEN, TaskStatus.COMPLETED, null, "SI-1",
                Map.of("licenceNumber", "L-1"), NOW);
        boolean repeat = store.updateTask("OW20261123-BBBBBBBBBB-01", TaskStatus.OPEN, TaskStatus.REJECTED, "late", "SI-2",
                Map.of(), NOW);
        assertThat(first).isTrue();
        assertThat(repeat).isFalse();
        TaskRecord task = store.findTask("OW20261123-BBBBBBBBBB-01").orElseThrow();
        assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.departmentRef()).isEqualTo("SI-1");
        assertThat(task.results()).containsEntry("licenceNumber", "L-1");

        assertThat(store.updateCaseStatus("OW20261123-BBBBBBBBBB", Set.of(CaseStatus.ACCEPTED), CaseStatus.COMPLETED, null, NOW)).isTrue();
        assertThat(store.updateCaseStatus("OW20261123-BBBBBBBBBB", Set.of(CaseStatus.ACCEPTED), CaseStatus.STUCK, "x", NOW)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void lockingACaseWorksInsideATransaction(Databases database) {
        DataSource dataSource = database.fresh();
        CaseStore store = new CaseStore(JdbcClient.create(dataSource), new org.springframework.jdbc.core.JdbcTemplate(dataSource), new ObjectMapper());
        store.insertCase(caseRecord("OW20261123-CCCCCCCCCC"));
        CaseRecord locked = new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                .execute(tx -> store.lockCase("OW20261123-CCCCCCCCCC"));
        assertThat(locked.caseId()).isEqualTo("OW20261123-CCCCCCCCCC");
        assertThat(store.updateCaseStatus("OW20261123-CCCCCCCCCC", EnumSet.allOf(CaseStatus.class), CaseStatus.STUCK, "why", NOW)).isTrue();
        assertThat(store.findCase("OW20261123-CCCCCCCCCC").orElseThrow().statusReason()).isEqualTo("why");
    }

    private static CaseRecord caseRecord(String caseId) {
        return new CaseRecord(caseId, "SI-PERSON-ENROLMENT", null, CaseStatus.ACCEPTED, null, "PERSON", "张三",
                "11010519491231002X", "{}", LocalDate.of(2026, 11, 25), NOW, NOW, "hall-xuanwu");
    }

    private static TaskRecord task(String taskId, String step, List<String> dependsOn, TaskStatus status) {
        return task(taskId, step, dependsOn, status, TimeLimit.workingDays(3));
    }

    private static TaskRecord task(String taskId, String step, List<String> dependsOn, TaskStatus status, TimeLimit promised) {
        return new TaskRecord(taskId, taskId.substring(0, 21), step, "SI-PERSON-ENROLMENT", "social-insurance", dependsOn,
                status, null, null, Map.of(), NOW, NOW, new TaskRecord.TaskClock(promised, NOW.plus(java.time.Duration.ofDays(5)),
                NOW.plus(java.time.Duration.ofDays(4)), null, 0));
    }
}
