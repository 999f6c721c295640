package org.onewindow.hub.supervision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Rows of supervision_cards, and the open tasks whose card falls due (read from case_tasks). */
@Repository
public class SupervisionCardStore {

    /** The task states a card watches: the department has not finished (a dead-lettered task is late all the same). */
    private static final String OPEN = "('WAITING', 'QUEUED', 'SENT', 'AWAITING_CALLBACK', 'DEAD_LETTERED')";

    private final JdbcClient jdbc;

    SupervisionCardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A running task whose card falls due: its deadline as it stands. */
    record DueTask(String taskId, String caseId, String department, String itemCode, Instant deadline) {
    }

    /** Running tasks past their yellow moment, not yet overdue, with no card yet. */
    List<DueTask> dueForYellow(Instant now, int limit) {
        return jdbc.sql("SELECT t.task_id, t.case_id, t.department, t.item_code, t.deadline_at FROM case_tasks t WHERE t.status IN " + OPEN
                        + " AND t.clock_stopped_at IS NULL AND t.warn_at <= ? AND t.deadline_at > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM supervision_cards c WHERE c.task_id = t.task_id) ORDER BY t.warn_at LIMIT ?")
                .params(utc(now), utc(now), limit).query(this::dueTask).list();
    }

    /** Running tasks past their deadline with no red card yet. */
    List<DueTask> dueForRed(Instant now, int limit) {
        return jdbc.sql("SELECT t.task_id, t.case_id, t.department, t.item_code, t.deadline_at FROM case_tasks t WHERE t.status IN " + OPEN
                        + " AND t.clock_stopped_at IS NULL AND t.deadline_at <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM supervision_cards c WHERE c.task_id = t.task_id AND c.colour = 'RED')"
                        + " ORDER BY t.deadline_at LIMIT ?")
                .params(utc(now), limit).query(this::dueTask).list();
    }

    void issue(DueTask task, SupervisionCard.Colour colour, long minutesLeft, Instant at) {
        jdbc.sql("""
                        INSERT INTO supervision_cards (task_id, case_id, department, item_code, colour, deadline_at, minutes_left, issued_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(task.taskId(), task.caseId(), task.department(), task.itemCode(), colour.name(), utc(task.deadline()),
                        minutesLeft, utc(at))
                .update();
    }

    /** Open red cards issued before {@code issuedBefore} still at {@code escalation}. */
    List<SupervisionCard> openRedAt(SupervisionCard.Escalation escalation, Instant issuedBefore, int limit) {
        return jdbc.sql("""
                        SELECT * FROM supervision_cards WHERE cleared_at IS NULL AND colour = 'RED' AND escalation = ? AND issued_at <= ?
                        ORDER BY issued_at LIMIT ?""")
                .params(escalation.name(), utc(issuedBefore), limit).query(this::card).list();
    }

    boolean escalate(long cardId, SupervisionCard.Escalation from, SupervisionCard.Escalation to, Instant at) {
        String column = to == SupervisionCard.Escalation.URGED ? "urged_at" : "supervised_at";
        return jdbc.sql("UPDATE supervision_cards SET escalation = ?, " + column + " = ? WHERE card_id = ? AND escalation = ? AND cleared_at IS NULL")
                .params(to.name(), utc(at), cardId, from.name()).update() == 1;
    }

    /** An open card whose task finished, with the task's final status. */
    record FinishedCard(SupervisionCard card, String taskStatus) {
    }

    /** Open cards whose task is finished. */
    List<FinishedCard> openOfFinishedTasks(int limit) {
        return jdbc.sql("""
                        SELECT c.*, t.status AS task_status FROM supervision_cards c JOIN case_tasks t ON t.task_id = c.task_id
                        WHERE c.cleared_at IS NULL AND t.status IN ('COMPLETED', 'REJECTED', 'CANCELLED', 'DISCARDED') ORDER BY c.card_id LIMIT ?""")
                .param(limit).query((rs, n) -> new FinishedCard(card(rs, n), rs.getString("task_status"))).list();
    }

    boolean clear(long cardId, Instant at, String because) {
        return jdbc.sql("UPDATE supervision_cards SET cleared_at = ?, cleared_because = ? WHERE card_id = ? AND cleared_at IS NULL")
                .params(utc(at), because, cardId).update() == 1;
    }

    /** The open yellow card of a task, if any (cleared when the task turns red). */
    List<SupervisionCard> openYellowOf(String taskId) {
        return jdbc.sql("SELECT * FROM supervision_cards WHERE task_id = ? AND colour = 'YELLOW' AND cleared_at IS NULL")
                .param(taskId).query(this::card).list();
    }

    /** Cards, newest first, filtered by whatever is given (null: any). */
    public List<SupervisionCard> find(Boolean open, SupervisionCard.Colour colour, String department, String caseId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM supervision_cards WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (open != null) {
            sql.append(open ? " AND cleared_at IS NULL" : " AND cleared_at IS NOT NULL");
        }
        if (colour != null) {
            sql.append(" AND colour = ?");
            params.add(colour.name());
        }
        if (department != null) {
            sql.append(" AND department = ?");
            params.add(department);
        }
        if (caseId != null) {
            sql.append(" AND case_id = ?");
            params.add(caseId);
        }
        sql.append(" ORDER BY card_id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::card).list();
    }

    private DueTask dueTask(ResultSet rs, int n) throws SQLException {
        return new DueTask(rs.getString("task_id"), rs.getString("case_id"), rs.getString("department"), rs.getString("item_code"),
                instant(rs, "deadline_at"));
    }

    private SupervisionCard card(ResultSet rs, int n) throws SQLException {
        return new SupervisionCard(rs.getLong("card_id"), rs.getString("task_id"), rs.getString("case_id"), rs.getString("department"),
                rs.getString("item_code"), SupervisionCard.Colour.valueOf(rs.getString("colour")), instant(rs, "deadline_at"),
                rs.getLong("minutes_left"), instant(rs, "issued_at"), SupervisionCard.Escalation.valueOf(rs.getString("escalation")),
                instant(rs, "urged_at"), instant(rs, "supervised_at"), instant(rs, "cleared_at"), rs.getString("cleared_because"));
    }

    /** Cards not cleared, per colour (the index supervision_cards_open); a colour with none is absent. For the gauges. */
    Map<SupervisionCard.Colour, Long> openPerColour() {
        Map<SupervisionCard.Colour, Long> open = new EnumMap<>(SupervisionCard.Colour.class);
        jdbc.sql("SELECT colour, COUNT(*) AS cards FROM supervision_cards WHERE cleared_at IS NULL GROUP BY colour")
                .query(rs -> {
                    open.put(SupervisionCard.Colour.valueOf(rs.getString("colour")), rs.getLong("cards"));
                });
        return open;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
