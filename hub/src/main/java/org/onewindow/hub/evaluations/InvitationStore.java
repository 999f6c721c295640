package org.onewindow.hub.evaluations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

import static org.onewindow.hub.evaluations.EvaluationStore.utc;

/** Rows of evaluation_invitations: one per completed case, sent by SMS, and the day its default rating falls due. */
@Repository
class InvitationStore {

    private final JdbcClient jdbc;

    InvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String caseId, Instant completedAt, Instant defaultDueAt) {
        jdbc.sql("INSERT INTO evaluation_invitations (case_id, completed_at, default_due_at) VALUES (?, ?, ?)")
                .params(caseId, utc(completedAt), utc(defaultDueAt)).update();
    }

    /** Invitations not sent yet, tried fewer than {@code maxAttempts} times, oldest first. */
    List<String> unsent(int maxAttempts, int limit) {
        return jdbc.sql("SELECT case_id FROM evaluation_invitations WHERE sent_at IS NULL AND attempts < ? ORDER BY completed_at LIMIT ?")
                .params(maxAttempts, limit).query(String.class).list();
    }

    void sent(String caseId, Instant at, String smsRef) {
        jdbc.sql("UPDATE evaluation_invitations SET sent_at = ?, sms_ref = ?, attempts = attempts + 1, last_error = NULL WHERE case_id = ?")
                .params(utc(at), smsRef, caseId).update();
    }

    void failed(String caseId, String error) {
        jdbc.sql("UPDATE evaluation_invitations SET attempts = attempts + 1, last_error = ? WHERE case_id = ?")
                .params(error.length() > 500 ? error.substring(0, 499) + "…" : error, caseId).update();
    }

    /** Completed cases whose default rating falls due by {@code now} and that nobody rated. */
    List<String> dueForDefault(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT i.case_id FROM evaluation_invitations i WHERE i.default_due_at <= ?
                        AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.case_id = i.case_id) ORDER BY i.default_due_at LIMIT ?""")
                .params(utc(now), limit).query(String.class).list();
    }
}
