package org.onewindow.hub.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.onewindow.hub.observability.CachedReading;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * The transactional outbox's lag: {@code onewindow.outbox.waiting} rows committed and not yet relayed to the broker,
 * and {@code onewindow.outbox.oldest.waiting} (seconds) since the oldest was written, 0 when none waits. Right after
 * a commit a row is relayed in milliseconds; rows that stay mean the broker is away or the sweep is behind. One query
 * (Outbox#lag) at most once per onewindow.observability.gauge-refresh.
 */
@Component
class OutboxGauges {

    OutboxGauges(Outbox outbox, MeterRegistry meters, Clock clock,
                 @Value("${onewindow.observability.gauge-refresh}") Duration refresh) {
        CachedReading<Outbox.Lag> lag = CachedReading.of(outbox::lag, refresh);
        Gauge.builder("onewindow.outbox.waiting", lag, reading -> {
                    Outbox.Lag l = reading.get();
                    return l == null ? Double.NaN : l.rows();
                })
                .description("outbox rows (messages for the broker) committed and not yet relayed")
                .strongReference(true)
                .register(meters);
        Gauge.builder("onewindow.outbox.oldest.waiting", lag, reading -> {
                    Outbox.Lag l = reading.get();
                    return l == null ? Double.NaN : l.oldest() == null ? 0 : Duration.between(l.oldest(), clock.instant()).toMillis() / 1000.0;
                })
                .baseUnit("seconds")
                .description("age of the oldest outbox row not yet relayed to the broker (0: none waits)")
                .strongReference(true)
                .register(meters);
    }
}
