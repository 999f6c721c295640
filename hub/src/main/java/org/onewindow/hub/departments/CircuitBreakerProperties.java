package org.onewindow.hub.departments;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Each department's circuit breaker: after {@code failureRateThreshold} percent of the last
 * {@code slidingWindowSize} calls (at least {@code minimumNumberOfCalls}) could not reach it, it
 * opens; after {@code waitInOpenStateMs} it lets {@code callsInHalfOpenState} probes through.
 */
@ConfigurationProperties("onewindow.circuit-breaker")
record CircuitBreakerProperties(int slidingWindowSize, int minimumNumberOfCalls, float failureRateThreshold,
                                long waitInOpenStateMs, int callsInHalfOpenState) {
}
