package org.onewindow.hub.cases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Rows of case_applicant_waits: when a case waited for its applicant, and what for. */
@Repository
public class ApplicantWaitStore {

    private final JdbcClient jdbc;

    ApplicantWaitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long open(String caseId, String taskId, ApplicantWait.Kind kind, String subject, String requestedBy, LocalDate dueBy,
                     Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO case_applicant_waits (case_id, task_id, kind, subject, requested_by, due_by, started_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, taskId, kind.name(), CaseStore.fit(subject, 500), requestedBy, dueBy, CaseStore.utc(at))
                .update(key, "wait_id");
        return key.getKey().longValue();
    }

    /** Ends an open wait; false when it was over already. */
    public boolean close(long waitId, Instant at, long stoppedMinutes, String answer, String answeredBy) {
        return jdbc.sql("""
                        UPDATE case_applicant_waits SET ended_at = ?, stopped_minutes = ?, answer = ?, answered_by = ?
                        WHERE wait_id = ? AND ended_at IS NULL""")
                .params(CaseStore.utc(at), stoppedMinutes, CaseStore.fit(answer, 500), answeredBy, waitId).update() == 1;
    }

    public Optional<ApplicantWait> find(long waitId) {
        return jdbc.sql("SELECT * FROM case_applicant_waits WHERE wait_id = ?").param(waitId).query(this::row).optional();
    }

    public List<ApplicantWait> ofCase(String caseId) {
        return jdbc.sql("SELECT * FROM case_applicant_waits WHERE case_id = ? ORDER BY wait_id").param(caseId).query(this::row).list();
    }

    /** Whether another wait still holds this task's clock. */
    public boolean anyOpen(String taskId) {
        return jdbc.sql("SELECT COUNT(*) FROM case_applicant_waits WHERE task_id = ? AND ended_at IS NULL")
                .param(taskId).query(Long.class).single() > 0;
    }

    private ApplicantWait row(ResultSet rs, int n) throws SQLException {
        long stoppedValue = rs.getLong("stopped_minutes");
        Long stopped = rs.wasNull() ? null : stoppedValue;
        return new ApplicantWait(rs.getLong("wait_id"), rs.getString("case_id"), rs.getString("task_id"),
                ApplicantWait.Kind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("requested_by"),
                rs.getObject("due_by", LocalDate.class), CaseStore.instant(rs, "started_at"), CaseStore.instant(rs, "ended_at"),
                stopped, rs.getString("answer"), rs.getString("answered_by"));
    }
}
