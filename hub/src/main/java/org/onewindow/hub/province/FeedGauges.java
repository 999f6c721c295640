package org.onewindow.hub.province;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.onewindow.hub.observability.CachedReading;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * The case report feed's backlog (办件信息上报): {@code onewindow.province.feed.waiting} records not yet acknowledged by
 * the province, and {@code onewindow.province.feed.oldest.waiting} (seconds) since the oldest of them happened, 0 when
 * none waits. One query (CaseReportStore#waiting) at most once per onewindow.observability.gauge-refresh; the age is
 * counted from the kept reading at each scrape.
 */
@Component
class FeedGauges {

    FeedGauges(CaseReportStore store, MeterRegistry meters, Clock clock,
               @Value("${onewindow.observability.gauge-refresh}") Duration refresh) {
        CachedReading<CaseReportStore.Waiting> waiting = CachedReading.of(store::waiting, refresh);
        Gauge.builder("onewindow.province.feed.waiting", waiting, reading -> {
                    CaseReportStore.Waiting w = reading.get();
                    return w == null ? Double.NaN : w.records();
                })
                .description("case report records (办件信息上报) waiting for the province's acknowledgement")
                .strongReference(true)
                .register(meters);
        Gauge.builder("onewindow.province.feed.oldest.waiting", waiting, reading -> {
                    CaseReportStore.Waiting w = reading.get();
                    return w == null ? Double.NaN : w.oldest() == null ? 0 : Duration.between(w.oldest(), clock.instant()).toMillis() / 1000.0;
                })
                .baseUnit("seconds")
                .description("age of the oldest case report record waiting for the province (0: none waits)")
                .strongReference(true)
                .register(meters);
    }
}
