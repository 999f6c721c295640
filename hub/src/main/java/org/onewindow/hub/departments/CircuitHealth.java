package org.onewindow.hub.departments;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.util.Map;

/** What operators see of a circuit breaker in /actuator/health. */
public final class CircuitHealth {

    private CircuitHealth() {
    }

    public static Map<String, Object> details(CircuitBreaker breaker) {
        return Map.of(
                "circuit", breaker.getState().name(),
                "failureRate", breaker.getMetrics().getFailureRate(),
                "notPermittedCalls", breaker.getMetrics().getNumberOfNotPermittedCalls(),
                "opensAfterCalls", breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls());
    }
}
