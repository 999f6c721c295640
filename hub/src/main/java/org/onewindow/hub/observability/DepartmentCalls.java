package org.onewindow.hub.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.onewindow.hub.access.IdentifierMask;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every call a department adapter makes, timed: a Camel event notifier that sees the kit's call routes send to an HTTP
 * or CXF endpoint (the same sends the message log records), with the exchange property Department the kit sets. Each
 * call goes to the timer {@code onewindow.department.calls{department, outcome}} (Prometheus, with its histogram) and
 * to the department's {@link CallWindow}, which the operator console reads for the last 5 and 60 minutes.
 *
 * <p>A call costs a timer update and a short lock: every other event type is switched off, and {@link #isEnabled}
 * lets only sends to those two endpoint types through.
 */
public final class DepartmentCalls extends EventNotifierSupport {

    public static final String METER = "onewindow.department.calls";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, CallWindow> windows = new ConcurrentHashMap<>();
    private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();

    public DepartmentCalls(MeterRegistry registry, Clock clock, Iterable<String> departments) {
        this.registry = registry;
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
        // every connected department's meters exist from the start: a dashboard and an alert see 0, not nothing
        departments.forEach(this::timersOf);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeSentEvent sent && departmentCall(sent.getEndpoint());
    }

    private static boolean departmentCall(Endpoint endpoint) {
        return endpoint instanceof HttpEndpoint || endpoint instanceof CxfEndpoint;
    }

    @Override
    public void notify(CamelEvent event) {
        CamelEvent.ExchangeSentEvent sent = (CamelEvent.ExchangeSentEvent) event;
        Exchange exchange = sent.getExchange();
        String department = exchange.getProperty("Department", String.class);
        if (department == null) {
            return; // not a department adapter's call
        }
        long millis = sent.getTimeTaken();
        Exception failure = exchange.getException();
        record(department, millis, failure == null ? null : describe(failure));
    }

    /** Records one call (also for tests and other callers that time a department themselves). */
    public void record(String department, long millis, String error) {
        timersOf(department)[error == null ? 0 : 1].record(millis, TimeUnit.MILLISECONDS);
        Instant now = clock.instant();
        windows.computeIfAbsent(department, d -> new CallWindow()).record(now.getEpochSecond() / 60, millis, error, now);
    }

    /** The department's calls over the last {@code minutes} minutes (at most 60). */
    public CallWindow.Window window(String department, int minutes) {
        long minute = clock.instant().getEpochSecond() / 60;
        return windows.computeIfAbsent(department, d -> new CallWindow()).over(minute, Math.min(minutes, CallWindow.MINUTES));
    }

    private Timer[] timersOf(String department) {
        return timers.computeIfAbsent(department, d -> new Timer[]{timer(d, "ok"), timer(d, "failed")});
    }

    private Timer timer(String department, String outcome) {
        return Timer.builder(METER).description("calls the hub made to a department's system")
                .tag("department", department).tag("outcome", outcome)
                .publishPercentileHistogram().register(registry);
    }

    /** What went wrong, for operators: the failure's own words, ID numbers masked, no class names. */
    static String describe(Exception failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause && (cause.getMessage() == null || cause.getMessage().isBlank())) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            message = "the call failed without a message";
        }
        message = IdentifierMask.maskWithin(message.replaceAll("\\b(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)(?:Exception|Error)\\b", "$1"));
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
