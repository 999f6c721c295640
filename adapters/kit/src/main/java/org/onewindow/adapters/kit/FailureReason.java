package org.onewindow.adapters.kit;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Predicate;

/**
 * The reason a dead-lettered task or share gives: the failure's own message, not the wrapper's
 * (the circuit breaker rethrows a department's exception wrapped, with the cause's toString() as its
 * message), and how many times the call was retried.
 *
 * <p>The reason is shown to the intake system (a case's statusReason, its timeline), so a failure inside the
 * hub itself (a database refusing a statement, a programming error) is given as a generic reason: its message
 * would show SQL, Java class names or data; it is logged in full instead, under the task or share id.
 */
public final class FailureReason {

    private static final Logger log = LoggerFactory.getLogger(FailureReason.class);
    /** A reason longer than this is cut: it is stored, and shown, with the case. */
    static final int MAX_LENGTH = 1000;

    private final Predicate<Throwable> internal;

    public FailureReason() {
        this(failure -> false);
    }

    /** @param internal which failures are the hub's own (e.g. its database's), besides programming errors */
    public FailureReason(Predicate<Throwable> internal) {
        this.internal = internal;
    }

    public String describe(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String retried = " (retried " + exchange.getProperty("Retries", 0, Integer.class) + " times)";
        if (failure == null) {
            return "unknown failure" + retried;
        }
        if (isInternal(failure)) {
            String id = exchange.getProperty("ShareId") != null ? "share " + exchange.getProperty("ShareId")
                    : "task " + exchange.getProperty("TaskId");
            log.error("The hub failed inside itself handling {} of {}; it is dead-lettered", id, exchange.getProperty("Department"), failure);
            return "the hub could not record the department's answer (an internal error, not the department's;"
                    + " the hub's log has the details under " + id + ")" + retried;
        }
        String message = innermostMeaningful(failure).getMessage();
        if (message == null || message.isBlank()) {
            message = "the call failed without a message";
        }
        message = message.strip();
        return (message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH) + "...") + retried;
    }

    private boolean isInternal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DepartmentContractException || t instanceof DepartmentFaultException) {
                return false; // the department's doing, described by the adapter
            }
            if (internal.test(t) || t instanceof java.sql.SQLException || t instanceof NullPointerException
                    || t instanceof ClassCastException || t instanceof IllegalStateException
                    || t instanceof IllegalArgumentException || t instanceof IndexOutOfBoundsException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Throwable innermostMeaningful(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t
                && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        return t;
    }
}
