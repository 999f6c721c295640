package org.onewindow.hub.departments;

import org.onewindow.adapters.kit.DepartmentOutage;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * The hub's default circuit breaker for a system it calls: after {@code failureRateThreshold} percent of the last
 * {@code slidingWindowSize} calls (at least {@code minimumNumberOfCalls}) failed, it opens; after
 * {@code waitInOpenStateMs} it lets {@code callsInHalfOpenState} probes through.
 */
@ConfigurationProperties("onewindow.circuit-breaker")
public record CircuitBreakerProperties(int slidingWindowSize, int minimumNumberOfCalls, float failureRateThreshold,
                                       long waitInOpenStateMs, int callsInHalfOpenState) {

    /** These defaults, each overridden by {@code <prefix>.sliding-window-size} and so on where set. */
    public DepartmentOutage.CircuitBreakerSettings overriddenBy(Environment environment, String prefix) {
        return new DepartmentOutage.CircuitBreakerSettings(
                environment.getProperty(prefix + ".sliding-window-size", Integer.class, slidingWindowSize),
                environment.getProperty(prefix + ".minimum-number-of-calls", Integer.class, minimumNumberOfCalls),
                environment.getProperty(prefix + ".failure-rate-threshold", Float.class, failureRateThreshold),
                Duration.ofMillis(environment.getProperty(prefix + ".wait-in-open-state-ms", Long.class, waitInOpenStateMs)),
                environment.getProperty(prefix + ".calls-in-half-open-state", Integer.class, callsInHalfOpenState));
    }
}
