package org.onewindow.adapters.kit;

import org.apache.camel.Exchange;

/**
 * The reason a dead-lettered task or share gives: the failure's own message, not the wrapper's
 * (the circuit breaker rethrows a department's exception wrapped, with the cause's toString() as its
 * message), and how many times the call was retried.
 */
public final class FailureReason {

    public String describe(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String message = failure == null ? "unknown failure" : innermostMeaningful(failure).getMessage();
        return message + " (retried " + exchange.getProperty("Retries", 0, Integer.class) + " times)";
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
