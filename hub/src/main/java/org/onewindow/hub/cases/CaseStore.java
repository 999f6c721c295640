package org.onewindow.hub.cases;

import org.onewindow.hub.access.IdentifierMask;
import org.onewindow.schemas.cases.CaseRequest;
import org.onewindow.schemas.catalogue.TimeLimit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of cases, tasks and timeline events. Plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL;
 * the rules of what may change when live in the services that call it.
 */
@Repository
public class CaseStore {

    private static final TypeReference<Map<String, String>> RESULTS = new TypeReference<>() { };
    /** The width of status_reason and detail (V1__cases_tasks_outbox.sql): a longer text is cut, never refused. */
    static final int TEXT_COLUMN = 2000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ObjectMapper objectMapper;
    /**
     * Written with the events, in their transaction: the provincial case report feed (province/CaseReportWriter), the
     * evaluation invitation of a completed case (evaluations/EvaluationInvitations).
     */
    private final List<CaseEventListener> listeners;

    public CaseStore(JdbcClient jdbc, JdbcTemplate batch, ObjectMapper objectMapper) {
        this(jdbc, batch, objectMapper, List.of());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public CaseStore(JdbcClient jdbc, JdbcTemplate batch, ObjectMapper objectMapper, List<CaseEventListener> listeners) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.objectMapper = objectMapper;
        this.listeners = List.copyOf(listeners);
    }

    public void insertCase(CaseRecord c) {
        jdbc.sql("""
                INSERT INTO cases (case_id, item_code, bundle_code, status, status_reason, applicant_kind, applicant_name,
                                   applicant_id, request_json, promised_by, created_at, updated_at, submitted_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.caseId(), c.itemCode(), c.bundleCode(), c.status().name(), c.statusReason(), c.applicantKind(),
                        c.applicantName(), c.applicantId(), c.requestJson(), c.promisedBy(), utc(c.createdAt()), utc(c.updatedAt()),
                        c.submittedBy())
                .update();
    }

    public Optional<CaseRecord> findCase(String caseId) {
        return jdbc.sql("SELECT * FROM cases WHERE case_id = ?").param(caseId).query(this::caseRow).optional();
    }

    /** One page of an applicant's cases, newest first (GET /api/v1/my-cases). */
    public List<CaseRecord> casesOfApplicant(String applicantId, int page, int size) {
        return jdbc.sql("SELECT * FROM cases WHERE applicant_id = ? ORDER BY created_at DESC, case_id LIMIT ? OFFSET ?")
                .params(applicantId, size, (long) page * size).query(this::caseRow).list();
    }

    public long countCasesOfApplicant(String applicantId) {
        return jdbc.sql("SELECT COUNT(*) FROM cases WHERE applicant_id = ?").param(applicantId).query(Long.class).single();
    }

    /** The full ID numbers and credit codes of everyone whose material the case holds (the applicant's among them). */
    public java.util.Set<String> materialHolders(String caseId) {
        return new java.util.TreeSet<>(jdbc.sql("SELECT DISTINCT holder_id FROM case_materials WHERE case_id = ? AND holder_id IS NOT NULL")
                .param(caseId).query(String.class).list());
    }

    /** How many cases have this status now (an index search, cheap enough for a health check). */
    public long countCases(CaseStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM cases WHERE status = ?").param(status.name()).query(Long.class).single();
    }

    /** Up to {@code limit} cases with this status, the one untouched longest first. */
    public List<String> caseIdsLeastRecentlyUpdated(CaseStatus status, int limit) {
        return jdbc.sql("SELECT case_id FROM cases WHERE status = ? ORDER BY updated_at LIMIT ?")
                .params(status.name(), limit).query(String.class).list();
    }

    /** Reads the case and holds its row lock until the transaction ends, so task outcomes of one case apply one at a time. */
    public CaseRecord lockCase(String caseId) {
        return jdbc.sql("SELECT * FROM cases WHERE case_id = ? FOR UPDATE").param(caseId).query(this::caseRow).single();
    }

    public boolean updateCaseStatus(String caseId, Collection<CaseStatus> from, CaseStatus to, String reason, Instant at) {
        return jdbc.sql("UPDATE cases SET status = ?, status_reason = ?, updated_at = ? WHERE case_id = ? AND status IN (" + marks(from) + ")")
                .params(concat(List.of(to.name(), reason == null ? "" : fit(reason), utc(at), caseId), names(from)))
                .update() == 1;
    }

    /** A case's tasks in one JDBC batch. */
    public void insertTasks(List<TaskRecord> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO case_tasks (task_id, case_id, step_id, item_code, department, depends_on, status, status_reason,
                                        department_ref, results_json, created_at, updated_at, promised_working_days,
                                        promised_working_hours, deadline_at, warn_at, clock_stopped_at, stopped_minutes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tasks.stream().map(t -> new Object[]{
                t.taskId(), t.caseId(), t.stepId(), t.itemCode(), t.department(), String.join(",", t.dependsOn()),
                t.status().name(), t.statusReason(), t.departmentRef(), json(t.results()), utc(t.createdAt()), utc(t.updatedAt()),
                promised(t, TimeLimit.Unit.WORKING_DAYS), promised(t, TimeLimit.Unit.WORKING_HOURS),
                t.clock() == null ? null : utc(t.clock().deadline()),
                t.clock() == null ? null : utc(t.clock().warnAt()),
                t.clock() == null || t.clock().stoppedSince() == null ? null : utc(t.clock().stoppedSince()),
                t.clock() == null ? 0L : t.clock().stoppedMinutes()})
                .toList());
    }

    /** The task's promise in this unit (working days or hours: one of the two columns holds it), or null. */
    private static Integer promised(TaskRecord task, TimeLimit.Unit unit) {
        return task.clock() == null || task.clock().promised().unit() != unit ? null : task.clock().promised().count();
    }

    public Optional<TaskRecord> findTask(String taskId) {
        return jdbc.sql("SELECT * FROM case_tasks WHERE task_id = ?").param(taskId).query(this::taskRow).optional();
    }

    /** Where a task stands for whoever is about to send it: its status and the hub sending it (if SENT). */
    public Optional<TaskHold> hold(String taskId) {
        return jdbc.sql("SELECT status, held_by, updated_at FROM case_tasks WHERE task_id = ?").param(taskId)
                .query((rs, n) -> new TaskHold(taskId, TaskStatus.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * The task moves to SENT, held by {@code holder}, if it still stands as read ({@code as}: the same status and
     * holder); false when someone else moved it first.
     */
    public boolean holdTask(TaskHold as, String holder, Instant at) {
        return jdbc.sql("""
                        UPDATE case_tasks SET status = 'SENT', held_by = ?, updated_at = ?
                        WHERE task_id = ? AND status = ? AND COALESCE(held_by, '') = ?""")
                .params(holder, utc(at), as.taskId(), as.status().name(), as.heldBy() == null ? "" : as.heldBy())
                .update() == 1;
    }

    /**
     * Tasks QUEUED or SENT, unchanged since before {@code before}, oldest first: those whose message may have been lost
     * (tasks/TaskRedispatch); after {@code after} in that order when it is given (the next page), from the start when
     * it is null. Reads the status index.
     */
    public List<TaskHold> openSince(Instant before, TaskHold after, int limit) {
        if (after == null) {
            return jdbc.sql("""
                            SELECT task_id, status, held_by, updated_at FROM case_tasks
                            WHERE status IN ('QUEUED', 'SENT') AND updated_at < ? ORDER BY updated_at, task_id LIMIT ?""")
                    .params(utc(before), limit)
                    .query(CaseStore::taskHold)
                    .list();
        }
        return jdbc.sql("""
                        SELECT task_id, status, held_by, updated_at FROM case_tasks
                        WHERE status IN ('QUEUED', 'SENT') AND updated_at < ?
                          AND (updated_at > ? OR (updated_at = ? AND task_id > ?))
                        ORDER BY updated_at, task_id LIMIT ?""")
                .params(utc(before), utc(after.updatedAt()), utc(after.updatedAt()), after.taskId(), limit)
                .query(CaseStore::taskHold)
                .list();
    }

    private static TaskHold taskHold(ResultSet rs, int row) throws SQLException {
        return new TaskHold(rs.getString(1), TaskStatus.valueOf(rs.getString(2)), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant());
    }

    /**
     * The task's message is sent again: no one holds it, its clock for the next look restarts, and the times it was
     * sent again count one more. False when it no longer stands as read.
     */
    public boolean redispatched(TaskHold as, Instant at) {
        return jdbc.sql("""
                        UPDATE case_tasks SET held_by = NULL, updated_at = ?, redispatches = redispatches + 1
                        WHERE task_id = ? AND status = ? AND COALESCE(held_by, '') = ? AND updated_at = ?""")
                .params(utc(at), as.taskId(), as.status().name(), as.heldBy() == null ? "" : as.heldBy(), utc(as.updatedAt()))
                .update() == 1;
    }

    /** How often the task's message was found lost and sent again. */
    public int redispatches(String taskId) {
        return jdbc.sql("SELECT redispatches FROM case_tasks WHERE task_id = ?").param(taskId).query(Integer.class).single();
    }

    /** Tasks in a status since before the given time, oldest first. */
    public List<TaskRecord> tasksInStatusSince(TaskStatus status, Instant before, int limit) {
        return jdbc.sql("SELECT * FROM case_tasks WHERE status = ? AND updated_at < ? ORDER BY updated_at LIMIT ?")
                .params(status.name(), utc(before), limit).query(this::taskRow).list();
    }

    /**
     * How many tasks stand in each of these statuses, per department (the operator console's and the metrics' backlog).
     * Reads the status index only: finished tasks are not scanned.
     */
    public Map<String, Map<TaskStatus, Long>> countTasksByDepartment(Collection<TaskStatus> statuses) {
        Map<String, Map<TaskStatus, Long>> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT department, status, COUNT(*) AS n FROM case_tasks WHERE status IN (" + marks(statuses) + ") GROUP BY department, status")
                .params(names(statuses))
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("department"), d -> new java.util.EnumMap<>(TaskStatus.class))
                            .put(TaskStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * Cases for the operator console's search, newest first: each criterion given narrows it (case number or its
     * beginning, the applicant's whole ID number or credit code, an item or bundle code, a status, created from/before).
     */
    public List<CaseRecord> searchCases(String caseIdPrefix, String applicantId, String itemOrBundle, CaseStatus status,
                                        Instant createdFrom, Instant createdBefore, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM cases WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (caseIdPrefix != null) {
            sql.append(" AND case_id LIKE ? ESCAPE '\\'");
            params.add(caseIdPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (applicantId != null) {
            sql.append(" AND applicant_id = ?");
            params.add(applicantId);
        }
        if (itemOrBundle != null) {
            sql.append(" AND (item_code = ? OR bundle_code = ?)");
            params.add(itemOrBundle);
            params.add(itemOrBundle);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (createdFrom != null) {
            sql.append(" AND created_at >= ?");
            params.add(utc(createdFrom));
        }
        if (createdBefore != null) {
            sql.append(" AND created_at < ?");
            params.add(utc(createdBefore));
        }
        sql.append(" ORDER BY created_at DESC, case_id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::caseRow).list();
    }

    /** Up to {@code limit} tasks in this status, the one untouched longest first (the operator console's dead letters). */
    public List<TaskRecord> tasksInStatus(TaskStatus status, int limit) {
        return jdbc.sql("SELECT * FROM case_tasks WHERE status = ? ORDER BY updated_at, task_id LIMIT ?")
                .params(status.name(), limit).query(this::taskRow).list();
    }

    /** How many tasks have this status now, per department (the task's own department, not its carrier). */
    public Map<String, Long> countTasksByDepartment(TaskStatus status) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        countTasksByDepartment(java.util.Set.of(status)).forEach((department, byStatus) -> counts.put(department, byStatus.get(status)));
        return counts;
    }

    public List<TaskRecord> tasks(String caseId) {
        return jdbc.sql("SELECT * FROM case_tasks WHERE case_id = ? ORDER BY task_id").param(caseId).query(this::taskRow).list();
    }

    /** Moves a task on only if it is still in one of {@code from}: a repeated or late message changes nothing. */
    public boolean updateTask(String taskId, Collection<TaskStatus> from, TaskStatus to, String reason, String departmentRef,
                              Map<String, String> results, Instant at) {
        return jdbc.sql("""
                        UPDATE case_tasks SET status = ?, status_reason = ?, department_ref = COALESCE(?, department_ref),
                               results_json = COALESCE(?, results_json), updated_at = ?
                        WHERE task_id = ? AND status IN (""" + marks(from) + ")")
                .params(concat(Arrays.asList(to.name(), fit(reason), departmentRef, results == null ? null : json(results), utc(at), taskId),
                        names(from)))
                .update() == 1;
    }

    public void addEvent(String caseId, String taskId, CaseEventType type, String detail, Instant at) {
        addEvents(List.of(new NewEvent(caseId, taskId, type, detail, at)));
    }

    /** Timeline events in one JDBC batch, in the order given (their ids follow it). */
    public void addEvents(List<NewEvent> events) {
        if (events.size() == 1) {
            NewEvent e = events.get(0);
            jdbc.sql("INSERT INTO case_events (case_id, task_id, event_type, detail, occurred_at) VALUES (?, ?, ?, ?, ?)")
                    .params(e.caseId(), e.taskId(), e.type().name(), fit(e.detail()), utc(e.at()))
                    .update();
        } else if (!events.isEmpty()) {
            batch.batchUpdate("INSERT INTO case_events (case_id, task_id, event_type, detail, occurred_at) VALUES (?, ?, ?, ?, ?)",
                    events.stream().map(e -> new Object[]{e.caseId(), e.taskId(), e.type().name(), fit(e.detail()), utc(e.at())}).toList());
        }
        if (!events.isEmpty()) {
            listeners.forEach(listener -> listener.recorded(events));
        }
    }

    /** A timeline event to be written; taskId null for an event of the whole case. */
    public record NewEvent(String caseId, String taskId, CaseEventType type, String detail, Instant at) {
    }

    /**
     * A reason or detail as it fits its column. Adapters keep what departments send within their contracts'
     * limits; this is the safety net, so that a long text never fails the statement that records it.
     */
    static String fit(String text) {
        return fit(text, TEXT_COLUMN);
    }

    /** A text cut to a column of {@code width} characters, with an ellipsis, never splitting a surrogate pair. */
    static String fit(String text, int width) {
        if (text == null || text.length() <= width) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(width - 2)) ? width - 2 : width - 1;
        return text.substring(0, end) + "…";
    }

    public List<CaseEvent> events(String caseId) {
        return jdbc.sql("SELECT * FROM case_events WHERE case_id = ? ORDER BY event_id").param(caseId)
                .query((rs, n) -> new CaseEvent(rs.getLong("event_id"), rs.getString("case_id"), rs.getString("task_id"),
                        CaseEventType.valueOf(rs.getString("event_type")), rs.getString("detail"), instant(rs, "occurred_at")))
                .list();
    }

    /** The request as the case was submitted (kept whole in request_json). */
    public CaseRequest request(CaseRecord caseRecord) {
        try {
            return objectMapper.readValue(caseRecord.requestJson(), CaseRequest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored request of case " + caseRecord.caseId() + " is unreadable", e);
        }
    }

    /** How the case's materials were resolved (written by the material resolution at intake), masked for display. */
    public List<CaseView.MaterialView> materials(String caseId) {
        return jdbc.sql("SELECT * FROM case_materials WHERE case_id = ? ORDER BY position").param(caseId)
                .query((rs, n) -> new CaseView.MaterialView(rs.getString("step_id"), rs.getString("item_code"),
                        rs.getString("material_code"), rs.getString("source"),
                        rs.getString("holder_id") == null ? null : IdentifierMask.mask(rs.getString("holder_id")),
                        rs.getString("status"), rs.getString("evidence"), rs.getString("reference"),
                        rs.getTimestamp("verified_at") == null ? null : instant(rs, "verified_at"),
                        rs.getObject("deferred_until", java.time.LocalDate.class), rs.getString("reason"),
                        rs.getString("document_ref")))
                .list();
    }

    private CaseRecord caseRow(ResultSet rs, int row) throws SQLException {
        return new CaseRecord(rs.getString("case_id"), rs.getString("item_code"), rs.getString("bundle_code"),
                CaseStatus.valueOf(rs.getString("status")), emptyToNull(rs.getString("status_reason")),
                rs.getString("applicant_kind"), rs.getString("applicant_name"), rs.getString("applicant_id"),
                rs.getString("request_json"), rs.getObject("promised_by", java.time.LocalDate.class),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("submitted_by"));
    }

    private TaskRecord taskRow(ResultSet rs, int row) throws SQLException {
        String dependsOn = rs.getString("depends_on");
        return new TaskRecord(rs.getString("task_id"), rs.getString("case_id"), rs.getString("step_id"),
                rs.getString("item_code"), rs.getString("department"),
                dependsOn == null || dependsOn.isEmpty() ? List.of() : List.of(dependsOn.split(",")),
                TaskStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), rs.getString("department_ref"),
                results(rs.getString("results_json")), instant(rs, "created_at"), instant(rs, "updated_at"), clock(rs));
    }

    private static TaskRecord.TaskClock clock(ResultSet rs) throws SQLException {
        Instant deadline = instant(rs, "deadline_at");
        int hours = rs.getInt("promised_working_hours");
        TimeLimit promised = rs.wasNull() ? TimeLimit.workingDays(rs.getInt("promised_working_days")) : TimeLimit.workingHours(hours);
        return deadline == null ? null : new TaskRecord.TaskClock(promised, deadline,
                instant(rs, "warn_at"), instant(rs, "clock_stopped_at"), rs.getLong("stopped_minutes"));
    }

    /** Stops a task's clock (the case waits for the applicant) unless it stands still already. */
    public boolean stopClock(String taskId, Instant at) {
        return jdbc.sql("UPDATE case_tasks SET clock_stopped_at = ? WHERE task_id = ? AND clock_stopped_at IS NULL AND deadline_at IS NOT NULL")
                .params(utc(at), taskId).update() == 1;
    }

    /** Starts a stopped clock again: the deadline (and the yellow card's moment) moves on by the working minutes it stood still. */
    public boolean restartClock(String taskId, Instant deadline, Instant warnAt, long stoppedMinutes) {
        return jdbc.sql("""
                        UPDATE case_tasks SET clock_stopped_at = NULL, deadline_at = ?, warn_at = ?, stopped_minutes = stopped_minutes + ?
                        WHERE task_id = ? AND clock_stopped_at IS NOT NULL""")
                .params(utc(deadline), warnAt == null ? null : utc(warnAt), stoppedMinutes, taskId).update() == 1;
    }

    private String json(Map<String, String> results) {
        try {
            return objectMapper.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> results(String json) {
        try {
            return json == null ? Map.of() : objectMapper.readValue(json, RESULTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable task results " + json, e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String marks(Collection<?> values) {
        return String.join(", ", values.stream().map(v -> "?").toList());
    }

    private static List<Object> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(v -> (Object) v.name()).toList();
    }

    private static List<Object> concat(List<Object> first, List<Object> second) {
        List<Object> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
