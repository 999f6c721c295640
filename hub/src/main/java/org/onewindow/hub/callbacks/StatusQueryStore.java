package org.onewindow.hub.callbacks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Rows of task_status_queries (Flyway V15): when the hub last asked a department about a task awaiting its callback and
 * what it answered; and the tasks due to be asked, read from case_tasks over its index (status, department, updated_at).
 */
@Repository
class StatusQueryStore {

    /** What a department answered the last time it was asked about a task. */
    enum Answer { DECIDED, STILL_WORKING, UNKNOWN_TASK, CONTRACT_FAULT }

    /** A task awaiting its department's callback since {@code acceptedAt}. */
    record AwaitingTask(String taskId, String caseId, String department, String itemCode, Instant acceptedAt) {
    }

    /** The last query about a task. */
    record LastQuery(String taskId, String department, Instant askedAt, Answer answer, int queries) {
    }

    private final JdbcClient jdbc;

    StatusQueryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Tasks of these departments awaiting their callback since before {@code acceptedBefore}, not asked about since
     * {@code askedBefore}, longest waiting first.
     */
    List<AwaitingTask> due(Collection<String> departments, Instant acceptedBefore, Instant askedBefore, int limit) {
        if (departments.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(departments);
        params.add(utc(acceptedBefore));
        params.add(utc(askedBefore));
        params.add(limit);
        return jdbc.sql("SELECT t.task_id, t.case_id, t.department, t.item_code, t.updated_at FROM case_tasks t"
                        + " WHERE t.status = 'AWAITING_CALLBACK' AND t.department IN (" + marks(departments.size()) + ") AND t.updated_at < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM task_status_queries q WHERE q.task_id = t.task_id AND q.asked_at >= ?)"
                        + " ORDER BY t.updated_at LIMIT ?")
                .params(params).query(StatusQueryStore::awaiting).list();
    }

    /** Records a query about the task and its answer. */
    void asked(String taskId, String department, Instant at, Answer answer) {
        int updated = jdbc.sql("UPDATE task_status_queries SET asked_at = ?, answer = ?, queries = queries + 1 WHERE task_id = ?")
                .params(utc(at), answer.name(), taskId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO task_status_queries (task_id, department, asked_at, answer, queries) VALUES (?, ?, ?, ?, 1)")
                    .params(taskId, department, utc(at), answer.name()).update();
        }
    }

    Optional<LastQuery> last(String taskId) {
        return jdbc.sql("SELECT * FROM task_status_queries WHERE task_id = ?").param(taskId)
                .query((rs, n) -> new LastQuery(rs.getString("task_id"), rs.getString("department"), instant(rs, "asked_at"),
                        Answer.valueOf(rs.getString("answer")), rs.getInt("queries"))).optional();
    }

    private static AwaitingTask awaiting(ResultSet rs, int row) throws SQLException {
        return new AwaitingTask(rs.getString("task_id"), rs.getString("case_id"), rs.getString("department"), rs.getString("item_code"),
                instant(rs, "updated_at"));
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
