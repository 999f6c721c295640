package org.onewindow.hub.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's %m / %msg / %message with every ID number and credit code masked (110105********002X).
 * Registered in logback-spring.xml, so it covers every logger: the hub's, Camel's, Spring's.
 */
public class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return IdentifierScrubber.scrub(super.convert(event));
    }
}
