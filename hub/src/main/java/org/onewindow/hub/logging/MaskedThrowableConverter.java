package org.onewindow.hub.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's %wEx (a stack trace set apart by blank lines, with packaging data) with every ID number
 * and credit code in exception messages masked. Registered in logback-spring.xml.
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return IdentifierScrubber.scrub(super.throwableProxyToString(tp));
    }
}
