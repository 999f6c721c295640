package org.onewindow.hub.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The facts the statistics are computed from, read from the stored rows of one range [from, to) (instants): nothing
 * is counted in memory between requests, so a restart loses nothing. Read-only: every query of the statistics is here.
 * The grouping that needs no calendar (counting materials per case and item) is done in SQL; the rest is one narrow
 * row per task, card or evaluation of the range, put into periods on the calendar by {@link Figures}.
 */
@Component
class StatisticsStore {

    /** A task accepted (its created_at) in the range. */
    record Accepted(String department, String itemCode, Instant acceptedAt) {
    }

    /** A task COMPLETED (its updated_at) in the range, with what its handling time and deadline need. */
    record Completed(String taskId, String caseId, String department, String itemCode, Instant acceptedAt, Instant finishedAt,
                     long stoppedMinutes, Instant deadlineAt, Integer promisedWorkingDays, boolean activelyRated) {
    }

    /** A supervision card issued in the range. */
    record Card(String department, String itemCode, String colour, Instant issuedAt) {
    }

    /** The materials of one item of the cases accepted at one moment: exempted and all. */
    record Materials(String itemCode, Instant acceptedAt, long exempt, long all) {
    }

    /** An evaluation given in the range, once per department and item of the evaluated case's tasks. */
    record Rated(long evaluationId, String caseId, String department, String itemCode, int level, boolean defaultRating,
                 Instant evaluatedAt) {
    }

    /** A rectification ticket of a bad evaluation given in the range. */
    record Ticket(long evaluationId, String department, String status, Instant dueAt, Instant answeredAt) {
        boolean answeredInTime() {
            return "ANSWERED".equals(status) && answeredAt != null && !answeredAt.isAfter(dueAt);
        }
    }

    private final JdbcClient jdbc;

    StatisticsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Accepted> accepted(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT department, item_code, created_at FROM case_tasks
                        WHERE created_at >= ? AND created_at < ?""")
                .params(at(from), at(to))
                .query((rs, n) -> new Accepted(rs.getString(1), rs.getString(2), instant(rs, 3))).list();
    }

    List<Completed> completed(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT t.task_id, t.case_id, t.department, t.item_code, t.created_at, t.updated_at, t.stopped_minutes,
                               t.deadline_at, t.promised_working_days,
                               CASE WHEN EXISTS (SELECT 1 FROM evaluations e WHERE e.case_id = t.case_id AND e.default_rating = FALSE)
                                    THEN 1 ELSE 0 END
                        FROM case_tasks t
                        WHERE t.status = 'COMPLETED' AND t.updated_at >= ? AND t.updated_at < ?""")
                .params(at(from), at(to))
                .query((rs, n) -> new Completed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5), instant(rs, 6), rs.getLong(7), instant(rs, 8),
                        (Integer) rs.getObject(9, Integer.class), rs.getInt(10) == 1)).list();
    }

    List<Card> cards(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT department, item_code, colour, issued_at FROM supervision_cards
                        WHERE issued_at >= ? AND issued_at < ?""")
                .params(at(from), at(to))
                .query((rs, n) -> new Card(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4))).list();
    }

    /** Materials of the cases accepted (their CASE_ACCEPTED event) in the range, counted per item and acceptance. */
    List<Materials> materials(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT m.item_code, a.accepted_at, COUNT(CASE WHEN m.status = 'EXEMPT' THEN 1 END), COUNT(*)
                        FROM case_materials m
                        JOIN (SELECT case_id, MIN(occurred_at) AS accepted_at FROM case_events
                              WHERE event_type = 'CASE_ACCEPTED' GROUP BY case_id) a ON a.case_id = m.case_id
                        WHERE a.accepted_at >= ? AND a.accepted_at < ?
                        GROUP BY m.item_code, a.accepted_at""")
                .params(at(from), at(to))
                .query((rs, n) -> new Materials(rs.getString(1), instant(rs, 2), rs.getLong(3), rs.getLong(4))).list();
    }

    List<Rated> evaluations(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT e.evaluation_id, e.case_id, t.department, t.item_code, e.level, e.default_rating, e.evaluated_at
                        FROM evaluations e
                        JOIN (SELECT DISTINCT case_id, department, item_code FROM case_tasks) t ON t.case_id = e.case_id
                        WHERE e.evaluated_at >= ? AND e.evaluated_at < ?""")
                .params(at(from), at(to))
                .query((rs, n) -> new Rated(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getBoolean(6), instant(rs, 7))).list();
    }

    List<Ticket> tickets(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT k.evaluation_id, k.department, k.status, k.due_at, k.answered_at
                        FROM rectification_tickets k JOIN evaluations e ON e.evaluation_id = k.evaluation_id
                        WHERE e.level <= 2 AND e.evaluated_at >= ? AND e.evaluated_at < ?""")
                .params(at(from), at(to))
                .query((rs, n) -> new Ticket(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5))).list();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        if (value != null) {
            return value.toInstant();
        }
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
