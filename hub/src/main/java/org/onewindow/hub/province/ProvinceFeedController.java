package org.onewindow.hub.province;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The case report feed for operators and the province: GET /api/v1/province/feed (backlog, breaker, the latest gaps and
 * repeats), GET /api/v1/province/reconciliations (the latest results) and POST /api/v1/province/reconciliations?date=
 * (reconcile that day now). Case numbers and counts only: no personal data.
 */
@RestController
class ProvinceFeedController {

    private static final int LATEST = 50;

    private final CaseReportStore store;
    private final CaseReportDrain drain;
    private final ProvinceFeedClient province;
    private final Reconciler reconciler;
    private final ObjectMapper objectMapper;

    ProvinceFeedController(CaseReportStore store, CaseReportDrain drain, ProvinceFeedClient province, Reconciler reconciler,
                           ObjectMapper objectMapper) {
        this.store = store;
        this.drain = drain;
        this.province = province;
        this.reconciler = reconciler;
        this.objectMapper = objectMapper;
    }

    record Feed(Backlog backlog, String circuit, List<Anomaly> anomalies) {
    }

    /** @param lastError the drain's last failure to send, or else the reason kept with the oldest waiting record */
    record Backlog(long waiting, long inFlight, long cases, Instant oldestWaiting, long acknowledged, String lastError) {
    }

    @GetMapping(path = "/api/v1/province/feed", produces = "application/json")
    Feed feed() {
        CaseReportStore.Backlog backlog = store.backlog();
        String lastError = drain.lastFailure() != null ? drain.lastFailure() : backlog.lastError();
        return new Feed(new Backlog(backlog.waiting(), backlog.inFlight(), backlog.cases(), backlog.oldestWaiting(),
                backlog.acknowledged(), lastError), province.gateway().circuit().getState().name(), store.latestAnomalies(LATEST));
    }

    record Reconciliations(List<Reconciliation> reconciliations) {
    }

    @GetMapping(path = "/api/v1/province/reconciliations", produces = "application/json")
    Reconciliations reconciliations() {
        return new Reconciliations(store.latestReconciliations(LATEST).stream()
                .map(entry -> new Reconciliation(entry.getKey().day(), entry.getKey().runAt(), entry.getKey().outcome(),
                        entry.getKey().hubRecords(), entry.getKey().provinceRecords(), entry.getKey().resent(), differences(entry.getValue())))
                .toList());
    }

    @PostMapping(path = "/api/v1/province/reconciliations", produces = "application/json")
    Reconciliation reconcile(@RequestParam(required = false) String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(new Fault("date", "format", "must be a day as YYYY-MM-DD, not \""
                    + (date == null ? "" : date.length() > 20 ? date.substring(0, 20) + "…" : date) + "\"")));
        }
        return reconciler.reconcile(day);
    }

    private List<Reconciliation.Difference> differences(String json) {
        try {
            JsonNode tree = objectMapper.readTree(json);
            return List.of(objectMapper.treeToValue(tree, Reconciliation.Difference[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reconciliation differences are unreadable", e);
        }
    }
}
