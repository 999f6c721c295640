package org.onewindow.hub.cases;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The counter {@code onewindow.cases{item, status}} (Prometheus {@code onewindow_cases_total}): cases that reached a
 * status, per item or bundle code. Counted where the hub moves a case, in the unit of work that moves it: a map look-up
 * and an increment, no query. {@code item} is a code of the catalogue (item or bundle), or {@code other}: never
 * anything a caller sent unchecked, so the label's values stay as few as the catalogue's codes. A code's counters are
 * made together, at its first case, so that every status of it starts from 0 (increase() sees the first one).
 *
 * <p>A unit of work that fails after counting (rolled back to its savepoint, its caller told) has counted all the
 * same: the counter is a rate for dashboards and alerts, the database is the record.
 */
@Component
public class CaseCounts {

    /** The statuses counted: where a case arrives, never IN_PROGRESS (a department took a task, not a case's outcome). */
    static final List<CaseStatus> COUNTED = List.of(CaseStatus.WAITING_VERIFICATION, CaseStatus.ACCEPTED,
            CaseStatus.COMPLETED, CaseStatus.REJECTED, CaseStatus.STUCK);
    static final String OTHER = "other";

    private final MeterRegistry meters;
    private final ServiceCatalogue catalogue;
    private final ConcurrentMap<String, Map<CaseStatus, Counter>> counters = new ConcurrentHashMap<>();

    CaseCounts(MeterRegistry meters, ServiceCatalogue catalogue) {
        this.meters = meters;
        this.catalogue = catalogue;
    }

    /** A case of this item or bundle code reached {@code status}. */
    public void reached(String serviceCode, CaseStatus status) {
        Map<CaseStatus, Counter> ofCode = serviceCode == null ? null : counters.get(serviceCode);
        if (ofCode == null) {
            String label = serviceCode != null && (catalogue.item(serviceCode).isPresent() || catalogue.bundle(serviceCode).isPresent())
                    ? serviceCode : OTHER;
            ofCode = counters.computeIfAbsent(label, this::register);
        }
        Counter counter = ofCode.get(status);
        if (counter != null) {
            counter.increment();
        }
    }

    /** A case (its stored row) reached {@code status}. */
    public void reached(CaseRecord caseRecord, CaseStatus status) {
        reached(caseRecord.itemCode() != null ? caseRecord.itemCode() : caseRecord.bundleCode(), status);
    }

    private Map<CaseStatus, Counter> register(String label) {
        Map<CaseStatus, Counter> ofCode = new EnumMap<>(CaseStatus.class);
        for (CaseStatus status : COUNTED) {
            ofCode.put(status, Counter.builder("onewindow.cases").tag("item", label).tag("status", status.name())
                    .description("cases that reached the status, per catalogue item or bundle code (other: not in the catalogue)")
                    .register(meters));
        }
        return ofCode;
    }
}
