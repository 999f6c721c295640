package org.onewindow.hub.operatoractions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The audit table of operator actions (operator_actions, Flyway V12). Rows are only added. A caller that changes
 * something adds its row in the same transaction as the change, so the audit and the change commit together.
 */
@Repository
public class OperatorActionStore {

    private static final int REASON_COLUMN = 500;
    private static final int DETAIL_COLUMN = 2000;

    private final JdbcClient jdbc;

    public OperatorActionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the action (its actionId is ignored: the database numbers it). */
    public void add(OperatorAction a) {
        jdbc.sql("""
                        INSERT INTO operator_actions (acted_at, operator, action, department, task_id, case_id, reason, outcome, detail)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.actedAt().atOffset(ZoneOffset.UTC), fit(a.operator(), 100), a.action().name(), a.department(), a.taskId(),
                        a.caseId(), fit(a.reason(), REASON_COLUMN), a.outcome().name(), fit(a.detail(), DETAIL_COLUMN))
                .update();
    }

    /** The latest actions, newest first. */
    public List<OperatorAction> recent(int limit) {
        return jdbc.sql("SELECT * FROM operator_actions ORDER BY action_id DESC LIMIT ?").param(limit).query(this::row).list();
    }

    /** Every action on one task, oldest first. */
    public List<OperatorAction> ofTask(String taskId) {
        return jdbc.sql("SELECT * FROM operator_actions WHERE task_id = ? ORDER BY action_id").param(taskId).query(this::row).list();
    }

    /** The latest actions on one department (its pauses and resumes, and its tasks' replays and discards), newest first. */
    public List<OperatorAction> ofDepartment(String department, int limit) {
        return jdbc.sql("SELECT * FROM operator_actions WHERE department = ? ORDER BY action_id DESC LIMIT ?")
                .params(department, limit).query(this::row).list();
    }

    private OperatorAction row(ResultSet rs, int n) throws SQLException {
        return new OperatorAction(rs.getLong("action_id"), rs.getObject("acted_at", OffsetDateTime.class).toInstant(),
                rs.getString("operator"), OperatorAction.Kind.valueOf(rs.getString("action")), rs.getString("department"),
                rs.getString("task_id"), rs.getString("case_id"), rs.getString("reason"),
                OperatorAction.Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"));
    }

    /** A text cut to its column, so that a long reason never fails the statement that audits it. */
    private static String fit(String text, int width) {
        return text == null || text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
