package org.onewindow.hub.province;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records what the province showed that the hub did not expect, a gap or a repeat in a case's sequence: a row (shown
 * by GET /api/v1/province/feed), a WARN (case number and sequences only, no personal data) and the counter
 * onewindow.province.feed.anomalies{kind}.
 */
@Component
class FeedAnomalies {

    private static final Logger log = LoggerFactory.getLogger(FeedAnomalies.class);

    private final CaseReportStore store;
    private final MeterRegistry meters;

    FeedAnomalies(CaseReportStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    void detected(Anomaly anomaly) {
        store.addAnomaly(anomaly);
        meters.counter("onewindow.province.feed.anomalies", "kind", anomaly.kind().name().toLowerCase()).increment();
        log.warn("Case report feed: {} for case {} seen in a {} (hub {}, province {}): {}", anomaly.kind(), anomaly.caseId(),
                anomaly.source(), anomaly.hubSequence(), anomaly.provinceSequence(), anomaly.detail());
    }
}
