package org.onewindow.hub.problems;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.security.Principal;

/**
 * Every 401 and 403 the hub answers is audited here: one WARN line naming who (the principal, or "anonymous"),
 * from where, what they asked for and why it was refused, and the counter onewindow.refusals{status,type}.
 * (The message log records the exchange itself with its answer.)
 */
@Component
public class RefusalLog {

    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

    private final MeterRegistry meters;

    RefusalLog(MeterRegistry meters) {
        this.meters = meters;
    }

    public void refused(HttpServletRequest request, int status, String type, String detail) {
        Principal principal = request.getUserPrincipal();
        log.warn("Refused {} {} {} from {} as {}: {} ({})", status, request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                principal == null ? "anonymous" : principal.getName(), type, detail);
        Counter.builder("onewindow.refusals").description("requests refused with 401 or 403")
                .tag("status", String.valueOf(status)).tag("type", type).register(meters).increment();
    }
}
