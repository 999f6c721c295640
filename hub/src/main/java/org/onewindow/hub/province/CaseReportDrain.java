package org.onewindow.hub.province;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.onewindow.hub.outbound.GatewayFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends the waiting records to the province, called by the route case-report-feed every
 * onewindow.province.feed.poll-interval-ms. Exactly once and in order per case: it takes only each case's lowest
 * waiting record, under a lease, sends up to batch-size of them (distinct cases) in one POST, and marks those the
 * province holds (accepted, or a duplicate it already had) as acknowledged; the case's next record goes in the next
 * round. A record the province refuses as out of order shows a gap: the records it lacks go again first.
 *
 * <p>A province that is down or slow costs only this route's thread: the records wait in the database (a restart
 * resumes from there; a crashed sender's leases run out), the drain backs off exponentially, and the feed's own circuit
 * breaker stops calls while it is open. Intake and departments never wait for it: the records are written with their
 * events and sent later.
 */
class CaseReportDrain {

    private static final Logger log = LoggerFactory.getLogger(CaseReportDrain.class);

    private final CaseReportStore store;
    private final ProvinceFeedClient province;
    private final FeedAnomalies anomalies;
    private final Clock clock;
    private final ProvinceFeedProperties properties;
    /** this hub's name on its leases: a new one at every start, so a restarted hub never mistakes old leases for its own */
    private final String sender = "hub-" + UUID.randomUUID().toString().substring(0, 8);
    private final Counter acknowledged;
    private final Counter failedSends;

    private int failuresInARow;
    private Instant nextAttempt = Instant.EPOCH;
    private volatile String lastFailure;
    /** why the province could not be reached, kept while its circuit breaker refuses calls */
    private String lastCause = "province unreachable";
    private volatile Instant lastFailureAt;

    CaseReportDrain(CaseReportStore store, ProvinceFeedClient province, FeedAnomalies anomalies, Clock clock,
                    ProvinceFeedProperties properties, MeterRegistry meters) {
        this.store = store;
        this.province = province;
        this.anomalies = anomalies;
        this.clock = clock;
        this.properties = properties;
        this.acknowledged = meters.counter("onewindow.province.feed.acknowledged");
        this.failedSends = meters.counter("onewindow.province.feed.failed.sends");
    }

    /** One poll: rounds of sends while the province keeps acknowledging. Returns the records acknowledged. */
    public synchronized int drain() {
        if (!properties.enabled() || clock.instant().isBefore(nextAttempt)) {
            return 0;
        }
        int total = 0;
        for (int round = 0; round < properties.maxRoundsPerPoll(); round++) {
            int done = round();
            if (done <= 0) {
                break;
            }
            total += done;
        }
        return total;
    }

    /** The last failure to send, and when, for operators (null when the last send went through). */
    String lastFailure() {
        return lastFailure == null ? null : lastFailure + " at " + lastFailureAt;
    }

    /** Records acknowledged in this round; 0 when nothing was waiting, -1 when the send failed. */
    private int round() {
        Instant now = clock.instant();
        List<CaseReportStore.Outgoing> mine = store.claim(store.heads(now, properties.batchSize()), sender, now,
                now.plusMillis(properties.leaseMs()));
        if (mine.isEmpty()) {
            return 0;
        }
        List<ProvinceFeedClient.Answer> answers;
        try {
            answers = province.send(mine);
        } catch (GatewayFailure failure) {
            boolean refusedByBreaker = failure.kind() == GatewayFailure.Kind.NOT_PERMITTED;
            if (!refusedByBreaker) {
                lastCause = "province unreachable: " + failure.kind();
            }
            failed(mine, refusedByBreaker ? lastCause + "; the feed's circuit breaker is open" : lastCause,
                    refusedByBreaker ? failure.retryAfter() : Duration.ZERO);
            return -1;
        } catch (ProvinceFeedClient.Refused refused) {
            failed(mine, refused.getMessage(), Duration.ZERO);
            return -1;
        }
        failuresInARow = 0;
        nextAttempt = Instant.EPOCH;
        lastFailure = null;
        return answered(mine, answers);
    }

    private int answered(List<CaseReportStore.Outgoing> sent, List<ProvinceFeedClient.Answer> answers) {
        Map<CaseReportStore.Key, ProvinceFeedClient.Answer> byKey = new HashMap<>();
        answers.forEach(a -> byKey.put(new CaseReportStore.Key(a.caseId(), a.sequence()), a));
        List<CaseReportStore.Key> held = new ArrayList<>();
        List<CaseReportStore.Key> again = new ArrayList<>();
        for (CaseReportStore.Outgoing record : sent) {
            ProvinceFeedClient.Answer answer = byKey.get(record.key());
            if (answer == null) {
                again.add(record.key());
            } else if (answer.outcome() == ProvinceFeedClient.Answer.Outcome.OUT_OF_ORDER) {
                outOfOrder(record, answer.lastSequence());
                again.add(record.key());
            } else {
                held.add(record.key());
            }
        }
        Instant now = clock.instant();
        store.acknowledge(held, now);
        store.release(again, sender, "the province did not take it: out of order or not answered");
        acknowledged.increment(held.size());
        return held.size();
    }

    /**
     * The province lacks records before this one: those the hub counted as acknowledged after the province's last go
     * again, in order, before this one (a gap). A province ahead of the hub's record is a repeat: it is shown, and the
     * record is offered again (the province answers it as a duplicate once it holds it).
     */
    private void outOfOrder(CaseReportStore.Outgoing record, long provinceLast) {
        Instant now = clock.instant();
        long hubLast = record.sequence() - 1;
        if (provinceLast < hubLast) {
            int reopened = store.reopen(record.caseId(), provinceLast + 1, hubLast, "the province lacks it (gap after " + provinceLast + ")");
            anomalies.detected(new Anomaly(record.caseId(), Anomaly.Kind.GAP, hubLast, provinceLast, "send",
                    "the province holds up to " + provinceLast + " of records the hub had delivered up to " + hubLast
                            + "; " + reopened + " record(s) sent again", now));
        } else {
            anomalies.detected(new Anomaly(record.caseId(), Anomaly.Kind.REPEAT, record.sequence(), provinceLast, "send",
                    "the province refused record " + record.sequence() + " as out of order while holding up to " + provinceLast, now));
        }
    }

    private void failed(List<CaseReportStore.Outgoing> records, String reason, Duration atLeast) {
        store.release(records.stream().map(CaseReportStore.Outgoing::key).toList(), sender, reason);
        failedSends.increment();
        failuresInARow++;
        long backoff = Math.min(properties.maxBackoffMs(),
                properties.initialBackoffMs() * (1L << Math.min(20, failuresInARow - 1)));
        Duration wait = Duration.ofMillis(backoff).compareTo(atLeast) >= 0 ? Duration.ofMillis(backoff) : atLeast;
        Instant now = clock.instant();
        nextAttempt = now.plus(wait);
        lastFailure = reason;
        lastFailureAt = now;
        if (failuresInARow == 1 || failuresInARow % 10 == 0) {
            log.warn("Case report feed: {} record(s) not delivered ({}); {} failure(s) in a row, next try in {} ms",
                    records.size(), reason, failuresInARow, wait.toMillis());
        }
    }
}
