package org.onewindow.hub.intake;

import org.onewindow.hub.problems.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the hub can take a case now: its readiness (the health group "readiness": its routes run, the database and
 * the broker answer, each check bounded by onewindow.health.check-timeout-ms). A hub that cannot send what it accepts
 * must not answer 202: while the readiness is not UP a submission is refused with 503 problem+json and Retry-After,
 * and nothing is stored. The readiness is asked at most every {@code onewindow.intake.availability-fresh} by one
 * request at a time; the others use the last answer, so a case costs a volatile read.
 */
@Component
class IntakeAvailability {

    private final ObjectProvider<HealthEndpoint> health;
    private final long freshNanos;
    private final Duration retryAfter;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile long checkedAt = System.nanoTime();
    private volatile Status last;

    IntakeAvailability(ObjectProvider<HealthEndpoint> health,
                       @Value("${onewindow.intake.availability-fresh}") Duration fresh,
                       @Value("${onewindow.intake.unavailable-retry-after}") Duration retryAfter) {
        this.health = health;
        this.freshNanos = fresh.toNanos();
        this.retryAfter = retryAfter;
    }

    /** Refuses with 503 while the hub cannot send what it would accept. */
    void requireAvailable() {
        Status status = status();
        if (status != null && !Status.UP.equals(status)) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "hub-unavailable", "The hub cannot take cases now",
                    "The hub's database or message broker does not answer (or the hub is starting or stopping), so it could "
                            + "not send the case on; nothing was stored. Submit it again after Retry-After, with the same "
                            + "Idempotency-Key, to this hub or another", List.of())
                    .retryAfter(retryAfter);
        }
    }

    private Status status() {
        if ((last == null || System.nanoTime() - checkedAt > freshNanos) && checking.compareAndSet(false, true)) {
            try {
                HealthEndpoint endpoint = health.getIfAvailable();
                HealthComponent readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
                last = readiness == null ? Status.UP : readiness.getStatus();
                checkedAt = System.nanoTime();
            } finally {
                checking.set(false);
            }
        }
        return last;
    }
}
