package org.onewindow.hub.evaluations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.onewindow.hub.evaluations.EvaluationStore.utc;

/** Rows of rectification_tickets. */
@Repository
class RectificationStore {

    private final JdbcClient jdbc;

    RectificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long open(long evaluationId, String caseId, String department, Instant at, Instant dueAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO rectification_tickets (evaluation_id, case_id, department, status, opened_at, due_at)
                        VALUES (?, ?, ?, 'OPEN', ?, ?)""")
                .params(evaluationId, caseId, department, utc(at), utc(dueAt)).update(key, "ticket_id");
        return key.getKey().longValue();
    }

    Optional<RectificationTicket> find(long ticketId) {
        return jdbc.sql("SELECT * FROM rectification_tickets WHERE ticket_id = ?").param(ticketId).query(this::row).optional();
    }

    List<RectificationTicket> ofEvaluation(long evaluationId) {
        return jdbc.sql("SELECT * FROM rectification_tickets WHERE evaluation_id = ? ORDER BY ticket_id").param(evaluationId)
                .query(this::row).list();
    }

    List<RectificationTicket> ofDepartment(String department, Boolean open, int limit) {
        String filter = open == null ? "" : open ? " AND status = 'OPEN'" : " AND status <> 'OPEN'";
        return jdbc.sql("SELECT * FROM rectification_tickets WHERE department = ?" + filter + " ORDER BY ticket_id DESC LIMIT ?")
                .params(department, limit).query(this::row).list();
    }

    boolean answer(long ticketId, String outcome, String answer, Instant at) {
        return jdbc.sql("UPDATE rectification_tickets SET status = 'ANSWERED', outcome = ?, answer = ?, answered_at = ? WHERE ticket_id = ? AND status = 'OPEN'")
                .params(outcome, answer, utc(at), ticketId).update() == 1;
    }

    /** Open tickets past their due time and not escalated yet. */
    List<RectificationTicket> overdue(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM rectification_tickets WHERE status = 'OPEN' AND escalated_at IS NULL AND due_at <= ? ORDER BY due_at LIMIT ?")
                .params(utc(now), limit).query(this::row).list();
    }

    boolean escalate(long ticketId, Instant at) {
        return jdbc.sql("UPDATE rectification_tickets SET escalated_at = ? WHERE ticket_id = ? AND escalated_at IS NULL")
                .params(utc(at), ticketId).update() == 1;
    }

    private RectificationTicket row(ResultSet rs, int n) throws SQLException {
        return new RectificationTicket(rs.getLong("ticket_id"), rs.getLong("evaluation_id"), rs.getString("case_id"),
                rs.getString("department"), rs.getString("status"), instant(rs, "opened_at"), instant(rs, "due_at"),
                instant(rs, "answered_at"), rs.getString("outcome"), rs.getString("answer"), instant(rs, "escalated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
