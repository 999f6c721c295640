package org.onewindow.hub.outbound;

import java.time.Duration;

/**
 * A call to a service of the provincial gateway that got no answer to go by: its circuit breaker is open, the gateway
 * cannot be reached, did not answer in time, or answered 5xx. Each caller words it for its own readers (a 503 problem,
 * a waiting case's reason). Checked, and without a stack trace: it is an expected outcome, not a bug.
 */
public final class GatewayFailure extends Exception {

    /** What went wrong, for the caller's wording. */
    public enum Kind {
        /** The service's circuit breaker is open: not asked at all. */
        NOT_PERMITTED,
        /** No connection in time, or no answer within the service's response timeout. */
        NO_ANSWER_IN_TIME,
        /** The connection was refused. */
        CONNECTION_REFUSED,
        /** The connection failed otherwise (reset, closed half-way, unknown host). */
        CONNECTION_FAILED,
        /** The calling thread was interrupted while waiting. */
        INTERRUPTED,
        /** The gateway answered 5xx. */
        SERVER_ERROR
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    GatewayFailure(Kind kind, int status, Duration retryAfter, Throwable cause) {
        super(kind + (status > 0 ? " " + status : ""), cause, false, false);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of a {@link Kind#SERVER_ERROR}, else 0. */
    public int status() {
        return status;
    }

    /** When to try again: the service's circuit breaker wait in its open state. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
