package org.onewindow.hub.problems;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that fails because the database went away while it was answered (a restarted or failed-over PostgreSQL)
 * is 503 with Retry-After, like the intake's refusal while the hub is not ready; a fault of the hub's own stays 500.
 */
class DatabaseUnreachableAnswerTest {

    private final ProblemResponses responses = new ProblemResponses(null, Duration.ofSeconds(10));

    @Test
    void aConnectionLostOnTheWayIs503WithRetryAfter() {
        for (Exception lost : new Exception[]{
                new IllegalStateException("commit failed", new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE)),
                new IllegalStateException(new java.sql.SQLException("terminating connection due to administrator command", "57P01")),
                new DataAccessResourceFailureException("Unable to acquire JDBC Connection"),
                new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                        new java.sql.SQLException("Connection is closed"))}) {
            ResponseEntity<ProblemDetail> answer = responses.unexpected(lost);
            assertThat(answer.getStatusCode().value()).as(lost.toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
            assertThat(answer.getBody().getType().toString()).endsWith("hub-unavailable");
            assertThat(answer.getBody().getDetail()).contains("same Idempotency-Key").doesNotContain("PSQL").doesNotContain("I/O");
        }
    }

    @Test
    void anythingElseStays500() {
        ResponseEntity<ProblemDetail> answer = responses.unexpected(new IllegalStateException("a bug"));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
