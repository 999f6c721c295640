package org.onewindow.adapters.kit;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Keeps the number of retries of a department call in the exchange property {@code Retries}, so that
 * the dead-letter reason can say how hard the hub tried. Runs before each redelivery.
 */
public final class RetryCount implements Processor {
    @Override
    public void process(Exchange exchange) {
        exchange.setProperty("Retries", exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class));
    }
}
