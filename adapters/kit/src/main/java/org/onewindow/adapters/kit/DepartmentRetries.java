package org.onewindow.adapters.kit;

import org.apache.camel.Exchange;

import java.util.function.ToIntFunction;

/**
 * How many times a department that answered badly is asked again before its task is dead-lettered:
 * {@code onewindow.departments.<department>.retry.maximum-redeliveries}, or the hub's default. The
 * department routes put the department's code in the exchange property {@code Department}.
 */
public final class DepartmentRetries {

    private final ToIntFunction<String> maximumRedeliveries;

    public DepartmentRetries(ToIntFunction<String> maximumRedeliveries) {
        this.maximumRedeliveries = maximumRedeliveries;
    }

    /** The retry predicate of the department routes' error handler. */
    public boolean retryAgain(Exchange exchange) {
        int attempt = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        String department = exchange.getProperty("Department", String.class);
        // Camel counts the coming redelivery before it asks, so the first question comes with 1
        return attempt <= maximumRedeliveries.applyAsInt(department);
    }
}
