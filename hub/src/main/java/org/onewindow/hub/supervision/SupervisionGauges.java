package org.onewindow.hub.supervision;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.onewindow.hub.observability.CachedReading;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * {@code onewindow.supervision.cards.open{colour=YELLOW|RED}}: supervision cards (红黄牌) not cleared, from one query
 * (SupervisionCardStore#openPerColour) taken at most once per onewindow.observability.gauge-refresh.
 */
@Component
class SupervisionGauges {

    SupervisionGauges(SupervisionCardStore store, MeterRegistry meters,
                      @Value("${onewindow.observability.gauge-refresh}") Duration refresh) {
        CachedReading<Map<SupervisionCard.Colour, Long>> open = CachedReading.of(store::openPerColour, refresh);
        for (SupervisionCard.Colour colour : SupervisionCard.Colour.values()) {
            Gauge.builder("onewindow.supervision.cards.open", open, reading -> {
                        Map<SupervisionCard.Colour, Long> cards = reading.get();
                        return cards == null ? Double.NaN : cards.getOrDefault(colour, 0L);
                    })
                    .tag("colour", colour.name())
                    .description("supervision cards (红黄牌预警) issued and not cleared")
                    .strongReference(true)
                    .register(meters);
        }
    }
}
