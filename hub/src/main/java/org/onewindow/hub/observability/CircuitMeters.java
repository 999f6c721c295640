package org.onewindow.hub.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/**
 * A circuit breaker's state as gauges, the model of resilience4j-micrometer's own
 * {@code resilience4j_circuitbreaker_state{name,state}} without its registry (the hub's breakers are made one by one,
 * {@code DepartmentOutage.circuitBreaker}, not in a {@code CircuitBreakerRegistry}):
 * <ul>
 *   <li>{@code onewindow.circuit.state{circuit, state}}: 1 for the breaker's current state, 0 for the others (states
 *   closed, open, half_open, forced_open, disabled, metrics_only);</li>
 *   <li>{@code onewindow.circuit.failure.rate{circuit}}: percent of the recorded calls that failed, -1 until the
 *   breaker has its minimum number of calls.</li>
 * </ul>
 * {@code circuit} is the breaker's name: {@code department-<code>}, {@code e-licence-library}, {@code data-exchange},
 * {@code province-case-reports}. Reading a gauge reads the breaker's state: no query, no lock.
 */
public final class CircuitMeters {

    private CircuitMeters() {
    }

    public static void bind(MeterRegistry registry, CircuitBreaker breaker) {
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder("onewindow.circuit.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .tag("circuit", breaker.getName())
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("1 for the circuit breaker's current state, 0 for the others")
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder("onewindow.circuit.failure.rate", breaker, b -> b.getMetrics().getFailureRate())
                .tag("circuit", breaker.getName())
                .description("percent of the breaker's recorded calls that failed (-1: too few calls yet)")
                .baseUnit("percent")
                .strongReference(true)
                .register(registry);
    }
}
