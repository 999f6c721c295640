package org.onewindow.hub.province;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every SQL statement on the case report feed's tables (V8__case_report_feed.sql): the per-case sequence counters,
 * the records, the anomalies and the reconciliations. Plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL.
 */
@Repository
class CaseReportStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CaseReportStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Numbers the records per case and inserts them, in the caller's transaction: per case one UPDATE of its counter
     * (which locks it until the transaction ends, so a case's numbers are gap-free and follow the commit order), for a
     * case's first record a lock of its case row and the counter's INSERT, and one batched INSERT for all records. The records of a case
     * keep the order given.
     */
    void append(List<NewRecord> records) {
        Map<String, Integer> perCase = new LinkedHashMap<>();
        records.forEach(r -> perCase.merge(r.caseId(), 1, Integer::sum));
        perCase.forEach((caseId, count) -> {
            if (!advance(caseId, count)) {
                // the case's first record: its row in cases is locked first, so that two first writers take turns and
                // the second finds the counter the first made (commonly the case row is already this transaction's)
                jdbc.sql("SELECT case_id FROM cases WHERE case_id = ? FOR UPDATE").param(caseId).query(String.class).single();
                if (!advance(caseId, count)) {
                    jdbc.sql("INSERT INTO case_report_sequences (case_id, last_sequence) VALUES (?, ?)").params(caseId, count).update();
                }
            }
        });
        // the i-th of a case's n records is last_sequence - (n - 1 - i), read from the row this transaction just locked
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>(records.size());
        for (NewRecord r : records) {
            int index = seen.merge(r.caseId(), 1, Integer::sum) - 1;
            rows.add(new Object[]{perCase.get(r.caseId()) - 1 - index, r.kind().name(), r.eventType(), r.taskId(), r.body(),
                    utc(r.occurredAt()), r.reportDay(), r.caseId()});
        }
        batch.batchUpdate("""
                INSERT INTO case_reports (case_id, sequence, kind, event_type, task_id, body, occurred_at, report_day, pending, attempts)
                SELECT s.case_id, s.last_sequence - CAST(? AS BIGINT), ?, ?, ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE),
                       CAST(? AS DATE), TRUE, 0
                FROM case_report_sequences s WHERE s.case_id = ?""", rows);
    }

    private boolean advance(String caseId, int count) {
        return jdbc.sql("UPDATE case_report_sequences SET last_sequence = last_sequence + ? WHERE case_id = ?")
                .params(count, caseId).update() == 1;
    }

    /** A record to write: its case, kind, the event it reports, and its JSON body. */
    record NewRecord(String caseId, ReportKind kind, String eventType, String taskId, String body, Instant occurredAt,
                     LocalDate reportDay) {
    }

    /**
     * Up to {@code limit} records that may be sent now, oldest first: per case only its lowest waiting record, and only
     * when no sender holds a live lease on it. With what the province's record needs from the case and its task.
     */
    List<Outgoing> heads(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT r.case_id, r.sequence, r.kind, r.event_type, r.task_id, r.body, r.occurred_at, r.attempts,
                               COALESCE(c.item_code, c.bundle_code) AS service_code, t.item_code AS task_item_code, t.department,
                               c.applicant_kind, c.applicant_name, c.applicant_id
                        FROM case_reports r
                        JOIN cases c ON c.case_id = r.case_id
                        LEFT JOIN case_tasks t ON t.task_id = r.task_id
                        WHERE r.pending = TRUE AND (r.claimed_until IS NULL OR r.claimed_until < ?)
                          AND NOT EXISTS (SELECT 1 FROM case_reports p
                                          WHERE p.case_id = r.case_id AND p.pending = TRUE AND p.sequence < r.sequence)
                        ORDER BY r.occurred_at, r.case_id, r.sequence
                        LIMIT ?""")
                .params(utc(now), limit)
                .query(this::outgoing).list();
    }

    /** Takes a lease on each record that is still waiting and unleased; returns those this sender got. */
    List<Outgoing> claim(List<Outgoing> candidates, String sender, Instant now, Instant until) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        int[] claimed = batch.batchUpdate("""
                UPDATE case_reports SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1
                WHERE case_id = ? AND sequence = ? AND pending = TRUE AND (claimed_until IS NULL OR claimed_until < ?)""",
                candidates.stream().map(r -> new Object[]{sender, utc(until), r.caseId(), r.sequence(), utc(now)}).toList());
        List<Outgoing> mine = new ArrayList<>();
        for (int i = 0; i < claimed.length; i++) {
            if (claimed[i] == 1) {
                mine.add(candidates.get(i));
            }
        }
        return mine;
    }

    /** The province holds these records: they are done, whoever's lease they were under. */
    void acknowledge(List<Key> records, Instant at) {
        if (!records.isEmpty()) {
            batch.batchUpdate("""
                    UPDATE case_reports SET pending = FALSE, acknowledged_at = ?, claimed_by = NULL, claimed_until = NULL, last_error = NULL
                    WHERE case_id = ? AND sequence = ? AND pending = TRUE""",
                    records.stream().map(k -> new Object[]{utc(at), k.caseId(), k.sequence()}).toList());
        }
    }

    /** Gives back this sender's leases on records that did not get through, with the reason. */
    void release(List<Key> records, String sender, String error) {
        if (!records.isEmpty()) {
            String reason = error.length() > 500 ? error.substring(0, 500) : error;
            batch.batchUpdate("""
                    UPDATE case_reports SET claimed_by = NULL, claimed_until = NULL, last_error = ?
                    WHERE case_id = ? AND sequence = ? AND claimed_by = ?""",
                    records.stream().map(k -> new Object[]{reason, k.caseId(), k.sequence(), sender}).toList());
        }
    }

    /** The case's records from {@code fromSequence} on go again (the province lacks them); returns how many were reopened. */
    int reopen(String caseId, long fromSequence, long toSequence, String reason) {
        return jdbc.sql("""
                        UPDATE case_reports SET pending = TRUE, acknowledged_at = NULL, last_error = ?
                        WHERE case_id = ? AND sequence >= ? AND sequence <= ? AND pending = FALSE""")
                .params(reason, caseId, fromSequence, toSequence).update();
    }

    /** The highest sequence of the case the province acknowledged (0 if none). */
    long lastAcknowledged(String caseId) {
        return jdbc.sql("SELECT COALESCE(MAX(sequence), 0) FROM case_reports WHERE case_id = ? AND pending = FALSE")
                .param(caseId).query(Long.class).single();
    }

    /** The case's records, in order (tests, the reconciliation's resend). */
    List<Stored> records(String caseId) {
        return jdbc.sql("SELECT * FROM case_reports WHERE case_id = ? ORDER BY sequence").param(caseId)
                .query(this::stored).list();
    }

    /** Every record of a day (Asia/Shanghai calendar day of its event), per case in order. */
    List<Stored> recordsOfDay(LocalDate day) {
        return jdbc.sql("SELECT * FROM case_reports WHERE report_day = ? ORDER BY case_id, sequence").param(day)
                .query(this::stored).list();
    }

    /** The hub's counts of a day per service (item or bundle) and record kind. */
    Map<String, Long> countsOfDay(LocalDate day) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT COALESCE(c.item_code, c.bundle_code) AS service_code, r.kind, COUNT(*) AS records
                        FROM case_reports r JOIN cases c ON c.case_id = r.case_id
                        WHERE r.report_day = ? GROUP BY COALESCE(c.item_code, c.bundle_code), r.kind""")
                .param(day)
                .query(rs -> {
                    counts.put(rs.getString("service_code") + "/" + rs.getString("kind"), rs.getLong("records"));
                });
        return counts;
    }

    /** The backlog: waiting records, those under a lease, the oldest waiting, the latest error. */
    Backlog backlog() {
        return jdbc.sql("""
                        SELECT COUNT(*) AS waiting,
                               SUM(CASE WHEN claimed_until IS NOT NULL THEN 1 ELSE 0 END) AS in_flight,
                               MIN(occurred_at) AS oldest,
                               COUNT(DISTINCT case_id) AS cases
                        FROM case_reports WHERE pending = TRUE""")
                .query((rs, n) -> new Backlog(rs.getLong("waiting"), rs.getLong("in_flight"), rs.getLong("cases"),
                        instant(rs, "oldest"),
                        jdbc.sql("SELECT last_error FROM case_reports WHERE pending = TRUE AND last_error IS NOT NULL ORDER BY occurred_at LIMIT 1")
                                .query(String.class).optional().orElse(null),
                        jdbc.sql("SELECT COUNT(*) FROM case_reports WHERE pending = FALSE").query(Long.class).single()))
                .single();
    }

    /** Records waiting for the province and the oldest one's time, in one query on case_reports_pending (for the gauges). */
    Waiting waiting() {
        return jdbc.sql("SELECT COUNT(*) AS waiting, MIN(occurred_at) AS oldest FROM case_reports WHERE pending = TRUE")
                .query((rs, n) -> new Waiting(rs.getLong("waiting"), instant(rs, "oldest")))
                .single();
    }

    /** @param oldest null when none waits */
    record Waiting(long records, Instant oldest) {
    }

    void addAnomaly(Anomaly anomaly) {
        jdbc.sql("""
                        INSERT INTO case_report_anomalies (case_id, kind, hub_sequence, province_sequence, source, detail, detected_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(anomaly.caseId(), anomaly.kind().name(), anomaly.hubSequence(), anomaly.provinceSequence(),
                        anomaly.source(), anomaly.detail().length() > 500 ? anomaly.detail().substring(0, 500) : anomaly.detail(),
                        utc(anomaly.detectedAt()))
                .update();
    }

    List<Anomaly> latestAnomalies(int limit) {
        return jdbc.sql("SELECT * FROM case_report_anomalies ORDER BY anomaly_id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new Anomaly(rs.getString("case_id"), Anomaly.Kind.valueOf(rs.getString("kind")),
                        rs.getLong("hub_sequence"), rs.getLong("province_sequence"), rs.getString("source"),
                        rs.getString("detail"), instant(rs, "detected_at")))
                .list();
    }

    void addReconciliation(Reconciliation reconciliation, String differencesJson) {
        jdbc.sql("""
                        INSERT INTO case_report_reconciliations (report_day, run_at, outcome, hub_records, province_records, resent, differences)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(reconciliation.day(), utc(reconciliation.runAt()), reconciliation.outcome().name(),
                        reconciliation.hubRecords(), reconciliation.provinceRecords(), reconciliation.resent(), differencesJson)
                .update();
    }

    /** The last day a reconciliation reached the province for (whatever it found); empty before the first. */
    java.util.Optional<LocalDate> lastReconciledDay() {
        return jdbc.sql("SELECT MAX(report_day) FROM case_report_reconciliations WHERE outcome <> 'FAILED'")
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
    }

    /** The latest reconciliations, newest first, each with its differences as stored (JSON). */
    List<Map.Entry<Reconciliation, String>> latestReconciliations(int limit) {
        return jdbc.sql("SELECT * FROM case_report_reconciliations ORDER BY reconciliation_id DESC LIMIT ?").param(limit)
                .query((rs, n) -> Map.entry(new Reconciliation(rs.getObject("report_day", LocalDate.class), instant(rs, "run_at"),
                        Reconciliation.Outcome.valueOf(rs.getString("outcome")), rs.getLong("hub_records"),
                        rs.getLong("province_records"), rs.getLong("resent"), List.of()), rs.getString("differences")))
                .list();
    }

    /** A record's identity. */
    record Key(String caseId, long sequence) {
    }

    /** A record as stored. */
    record Stored(String caseId, long sequence, ReportKind kind, String eventType, String body, Instant occurredAt,
                  LocalDate reportDay, boolean pending, int attempts, Instant acknowledgedAt) {
        Key key() {
            return new Key(caseId, sequence);
        }
    }

    /** A record to send, with what the province's record needs from its case (applicant included) and task. */
    record Outgoing(String caseId, long sequence, ReportKind kind, String eventType, String taskId, String body,
                    Instant occurredAt, int attempts, String serviceCode, String itemCode, String department,
                    String applicantKind, String applicantName, String applicantId) {
        Key key() {
            return new Key(caseId, sequence);
        }
    }

    /** The feed's backlog, for operators. */
    record Backlog(long waiting, long inFlight, long cases, Instant oldestWaiting, String lastError, long acknowledged) {
    }

    private Outgoing outgoing(ResultSet rs, int row) throws SQLException {
        return new Outgoing(rs.getString("case_id"), rs.getLong("sequence"), ReportKind.valueOf(rs.getString("kind")),
                rs.getString("event_type"), rs.getString("task_id"), rs.getString("body"), instant(rs, "occurred_at"),
                rs.getInt("attempts"), rs.getString("service_code"), rs.getString("task_item_code"), rs.getString("department"),
                rs.getString("applicant_kind"), rs.getString("applicant_name"), rs.getString("applicant_id"));
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getString("case_id"), rs.getLong("sequence"), ReportKind.valueOf(rs.getString("kind")),
                rs.getString("event_type"), rs.getString("body"), instant(rs, "occurred_at"),
                rs.getObject("report_day", LocalDate.class), rs.getBoolean("pending"), rs.getInt("attempts"),
                instant(rs, "acknowledged_at"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
