package org.onewindow.hub.province;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onewindow.hub.outbound.GatewayFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The reconciliation (对账) of one day with the province's summary of it: the hub's records counted per service and
 * kind against the province's counts, and each case's sequences against those the province holds. Records the hub
 * counted as delivered and the province lacks (a gap) are reopened from the lowest one on and go again through the same
 * ordered drain (the province deduplicates what it already had); a sequence the province holds twice, or one the hub
 * never made, is a repeat. Both are shown as anomalies; the result lists what still differed and is kept.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final CaseReportStore store;
    private final ProvinceFeedClient province;
    private final FeedAnomalies anomalies;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    Reconciler(CaseReportStore store, ProvinceFeedClient province, FeedAnomalies anomalies, ObjectMapper objectMapper, Clock clock) {
        this.store = store;
        this.province = province;
        this.anomalies = anomalies;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    Reconciliation reconcile(LocalDate day) {
        Instant now = clock.instant();
        Map<String, Long> hubCounts = store.countsOfDay(day);
        long hubRecords = hubCounts.values().stream().mapToLong(Long::longValue).sum();
        JsonNode summary;
        try {
            summary = province.summary(day);
        } catch (GatewayFailure | ProvinceFeedClient.Refused failure) {
            String reason = failure instanceof GatewayFailure g ? "province unreachable: " + g.kind() : failure.getMessage();
            return kept(new Reconciliation(day, now, Reconciliation.Outcome.FAILED, hubRecords, 0, 0,
                    List.of(new Reconciliation.Difference("unreachable", "summary", null, reason))));
        }
        List<Reconciliation.Difference> differences = new ArrayList<>();
        Map<String, Long> provinceCounts = new TreeMap<>();
        summary.path("counts").forEach(c -> provinceCounts.put(c.path("serviceCode").asText() + "/" + c.path("kind").asText(),
                c.path("records").asLong()));
        Set<String> keys = new TreeSet<>(hubCounts.keySet());
        keys.addAll(provinceCounts.keySet());
        for (String key : keys) {
            long ours = hubCounts.getOrDefault(key, 0L);
            long theirs = provinceCounts.getOrDefault(key, 0L);
            if (ours != theirs) {
                differences.add(new Reconciliation.Difference("count", key, String.valueOf(ours), String.valueOf(theirs)));
            }
        }
        long resent = compareCases(day, summary, differences, now);
        Reconciliation result = new Reconciliation(day, now,
                differences.isEmpty() ? Reconciliation.Outcome.MATCHED : Reconciliation.Outcome.DIFFERED,
                hubRecords, summary.path("records").asLong(), resent, differences);
        log.info("Case report reconciliation of {}: {}, {} record(s) in the hub, {} at the province, {} sent again, {} difference(s)",
                day, result.outcome(), hubRecords, result.provinceRecords(), resent, differences.size());
        return kept(result);
    }

    /** Per case: what the province lacks goes again; what it holds twice or never got from the hub is a repeat. */
    private long compareCases(LocalDate day, JsonNode summary, List<Reconciliation.Difference> differences, Instant now) {
        Map<String, Set<Long>> held = new HashMap<>();
        Map<String, Set<Long>> repeated = new HashMap<>();
        Map<String, Long> provinceLast = new HashMap<>();
        for (JsonNode c : summary.path("cases")) {
            String caseId = c.path("caseId").asText();
            Set<Long> sequences = new TreeSet<>();
            c.path("sequences").forEach(s -> sequences.add(s.asLong()));
            held.put(caseId, sequences);
            Set<Long> twice = new TreeSet<>();
            c.path("repeated").forEach(s -> twice.add(s.asLong()));
            repeated.put(caseId, twice);
            provinceLast.put(caseId, c.path("lastSequence").asLong());
        }
        Map<String, List<CaseReportStore.Stored>> ours = store.recordsOfDay(day).stream()
                .collect(Collectors.groupingBy(CaseReportStore.Stored::caseId, TreeMap::new, Collectors.toList()));
        long resent = 0;
        for (Map.Entry<String, List<CaseReportStore.Stored>> ofCase : ours.entrySet()) {
            String caseId = ofCase.getKey();
            Set<Long> theirs = held.getOrDefault(caseId, Set.of());
            List<Long> missing = ofCase.getValue().stream().filter(r -> !r.pending() && !theirs.contains(r.sequence()))
                    .map(CaseReportStore.Stored::sequence).toList();
            if (!missing.isEmpty()) {
                long lastAcknowledged = store.lastAcknowledged(caseId);
                int reopened = store.reopen(caseId, missing.get(0), lastAcknowledged, "the province lacked it at reconciliation of " + day);
                resent += reopened;
                differences.add(new Reconciliation.Difference("missing", caseId, missing.toString(), theirs.toString()));
                anomalies.detected(new Anomaly(caseId, Anomaly.Kind.GAP, lastAcknowledged, provinceLast.getOrDefault(caseId, 0L),
                        "reconciliation", "the province lacks " + missing + " of " + day + "; " + reopened
                        + " record(s) from " + missing.get(0) + " on sent again", now));
            }
        }
        for (Map.Entry<String, Set<Long>> ofCase : held.entrySet()) {
            String caseId = ofCase.getKey();
            Set<Long> known = ours.getOrDefault(caseId, List.of()).stream().map(CaseReportStore.Stored::sequence).collect(Collectors.toSet());
            Set<Long> strange = new TreeSet<>(ofCase.getValue());
            strange.removeAll(known);
            strange.addAll(repeated.getOrDefault(caseId, Set.of()));
            if (!strange.isEmpty()) {
                differences.add(new Reconciliation.Difference("repeat", caseId, new TreeSet<>(known).toString(), strange.toString()));
                anomalies.detected(new Anomaly(caseId, Anomaly.Kind.REPEAT, store.lastAcknowledged(caseId),
                        strange.iterator().next(), "reconciliation",
                        "the province holds " + strange + " of " + day + " twice or without the hub having sent it", now));
            }
        }
        return resent;
    }

    private Reconciliation kept(Reconciliation result) {
        try {
            store.addReconciliation(result, objectMapper.writeValueAsString(result.differences()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }
}
