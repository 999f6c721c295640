package org.onewindow.adapters.kit;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Tells a department that cannot be reached from one that answered badly, and decides what a task does
 * about it.
 * <ul>
 *   <li>Unreachable (connection refused, connect timeout, unknown host, or its circuit breaker open):
 *       the department is down, not the task. The task waits, retried with backoff, until the department
 *       is back or its {@link WaitLimit} has run out (the hub counts it in working time on its calendar); its
 *       department's breaker opens after a few such failures,
 *       so waiting tasks stop knocking until it half-opens and one probe finds the department back.</li>
 *   <li>Answered badly (5xx, 408/429, read timeout): retried a few times, then dead-lettered.</li>
 * </ul>
 * One breaker per department keeps one department's outage from touching any other.
 */
public final class DepartmentOutage {

    /** Exchange property: when the task first found its department unreachable. */
    public static final String UNREACHABLE_SINCE = "UnreachableSince";

    private static final Logger log = LoggerFactory.getLogger(DepartmentOutage.class);

    private final WaitLimit maxWait;
    private final Clock clock;

    /** How long a task waits for its department: the moment a wait that began at {@code since} runs out. */
    @FunctionalInterface
    public interface WaitLimit {
        Instant end(Instant since);
    }

    public DepartmentOutage(WaitLimit maxWait, Clock clock) {
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** Whether a failure means the department could not be reached at all. */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof CallNotPermittedException
                    || t.getClass().getName().equals("org.apache.hc.client5.http.ConnectTimeoutException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The retry predicate for unreachable departments: keep waiting until the wait limit has run out. */
    public boolean keepWaiting(Exchange exchange) {
        Instant now = clock.instant();
        Instant since = exchange.getProperty(UNREACHABLE_SINCE, Instant.class);
        if (since == null) {
            exchange.setProperty(UNREACHABLE_SINCE, now);
            return true;
        }
        return now.isBefore(maxWait.end(since));
    }

    /** A department's breaker: it counts only failures to reach the department, never its answers. */
    public static CircuitBreaker circuitBreaker(String department, CircuitBreakerSettings settings) {
        return circuitBreaker("department-" + department, department, settings, DepartmentOutage::isUnreachable,
                "unreachable; its tasks wait", "reachable again; its waiting tasks go on");
    }

    /**
     * A breaker for any system the hub calls.
     *
     * @param failure    which errors count against the system
     * @param whenOpen   what the log says happens while it is open
     * @param whenClosed what the log says happens once it closes again
     */
    public static CircuitBreaker circuitBreaker(String name, String system, CircuitBreakerSettings settings,
                                                Predicate<Throwable> failure, String whenOpen, String whenClosed) {
        CircuitBreaker breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.callsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(failure)
                .writableStackTraceEnabled(false)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> log.warn("{}: circuit {} ({})", system,
                event.getStateTransition().getToState(), switch (event.getStateTransition().getToState()) {
                    case OPEN -> whenOpen;
                    case HALF_OPEN -> "probing whether it is back";
                    case CLOSED -> whenClosed;
                    default -> "";
                }));
        return breaker;
    }

    /** How quickly a department is judged down, and how often it is probed. */
    public record CircuitBreakerSettings(int slidingWindowSize, int minimumNumberOfCalls, float failureRateThreshold,
                                         Duration waitInOpenState, int callsInHalfOpenState) {
    }
}
