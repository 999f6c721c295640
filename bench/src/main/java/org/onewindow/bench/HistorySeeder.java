package org.onewindow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes stored history into the hub's database while the hub is stopped: finished cases as the hub leaves
 * them (the case, two tasks, six timeline events and the submission's idempotency key), spread over the two years before now, so the tables and their indexes have the size
 * a county reaches. Rows are written in batches through plain JDBC; the hub's Flyway has already made the tables.
 */
final class HistorySeeder {

    private static final int BATCH = 2_000;
    private static final Duration SPAN = Duration.ofDays(730);
    private static final String[] EVENTS = {"CASE_ACCEPTED", "TASK_SENT", "TASK_COMPLETED", "TASK_SENT", "TASK_COMPLETED", "CASE_COMPLETED"};

    private final HubDatabase database;
    private final String requestJson = CaseKind.MIX.get(0).body();

    HistorySeeder(HubDatabase database) {
        this.database = database;
    }

    /** Adds finished cases until the database holds {@code target} of them; returns how many were added. */
    long fillTo(long target) throws SQLException {
        long present = database.storedCases();
        long added = 0;
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement cases = c.prepareStatement("INSERT INTO cases (case_id, item_code, bundle_code, status, "
                    + "applicant_kind, applicant_name, applicant_id, request_json, promised_by, created_at, updated_at, submitted_by) "
                    + "VALUES (?, NULL, 'OPEN-RESTAURANT', 'COMPLETED', 'PERSON', '张三', ?, ?, NULL, ?, ?, 'hall-xuanwu')");
                 PreparedStatement tasks = c.prepareStatement("INSERT INTO case_tasks (task_id, case_id, step_id, item_code, "
                         + "department, depends_on, status, results_json, created_at, updated_at) "
                         + "VALUES (?, ?, ?, ?, ?, '', 'COMPLETED', '{\"registrationNo\":\"R-1\"}', ?, ?)");
                 PreparedStatement events = c.prepareStatement("INSERT INTO case_events (case_id, task_id, event_type, detail, occurred_at) "
                         + "VALUES (?, ?, ?, NULL, ?)");
                 PreparedStatement keys = c.prepareStatement("INSERT INTO intake_requests (caller, idempotency_key, request_hash, case_id, created_at) "
                         + "VALUES ('hall-xuanwu', ?, 'history', ?, ?)")) {
                Instant now = Instant.now();
                for (long n = present; n < target; n++) {
                    String caseId = String.format("HIST-%010d", n);
                    Instant at = now.minus(SPAN).plusMillis(Math.floorMod(n * 7_777_777L, SPAN.toMillis()));
                    Timestamp created = Timestamp.from(at);
                    Timestamp done = Timestamp.from(at.plusSeconds(90));
                    cases.setString(1, caseId);
                    cases.setString(2, String.format("3201021980%08d", n % 100_000_000));
                    cases.setString(3, requestJson);
                    cases.setTimestamp(4, created);
                    cases.setTimestamp(5, done);
                    cases.addBatch();
                    for (int t = 1; t <= 2; t++) {
                        String taskId = caseId + "-0" + t;
                        tasks.setString(1, taskId);
                        tasks.setString(2, caseId);
                        tasks.setString(3, t == 1 ? "company-establishment" : "tax-registration");
                        tasks.setString(4, t == 1 ? "MR-COMPANY-ESTABLISHMENT" : "TAX-REGISTRATION");
                        tasks.setString(5, t == 1 ? "market-regulation" : "tax");
                        tasks.setTimestamp(6, created);
                        tasks.setTimestamp(7, done);
                        tasks.addBatch();
                    }
                    for (int e = 0; e < EVENTS.length; e++) {
                        events.setString(1, caseId);
                        events.setString(2, EVENTS[e].startsWith("TASK") ? caseId + "-0" + (e <= 2 ? 1 : 2) : null);
                        events.setString(3, EVENTS[e]);
                        events.setTimestamp(4, Timestamp.from(at.plusSeconds(e * 15L)));
                        events.addBatch();
                    }
                    keys.setString(1, "history-" + caseId);
                    keys.setString(2, caseId);
                    keys.setTimestamp(3, created);
                    keys.addBatch();
                    added++;
                    if (added % BATCH == 0 || n == target - 1) {
                        // parents before children: the tasks, events and keys reference the case
                        cases.executeBatch();
                        tasks.executeBatch();
                        events.executeBatch();
                        keys.executeBatch();
                        c.commit();
                    }
                }
            }
        }
        return added;
    }
}
