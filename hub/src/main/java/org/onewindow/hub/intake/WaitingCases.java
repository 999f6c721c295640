package org.onewindow.hub.intake;

import org.onewindow.hub.cases.CaseCounts;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStatus;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.materials.MaterialProperties;
import org.onewindow.hub.materials.MaterialResolution;
import org.onewindow.hub.materials.MaterialResolver;
import org.onewindow.hub.materials.MaterialStatus;
import org.onewindow.hub.materials.ResolvedMaterial;
import org.onewindow.schemas.cases.CaseRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.onewindow.hub.persistence.GroupCommit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cases in WAITING_VERIFICATION try again (route {@code material-verification-retry}): once every system answers,
 * the case is accepted and goes on by itself; a material that turns out to be missing after all rejects it with
 * the reason. A case is never accepted on a material the hub could not verify.
 */
@Component("waitingCases")
public class WaitingCases {

    private static final Logger log = LoggerFactory.getLogger(WaitingCases.class);
    private static final Set<CaseStatus> WAITING = Set.of(CaseStatus.WAITING_VERIFICATION);

    private final CaseStore store;
    private final CaseAcceptance acceptance;
    private final MaterialResolver resolver;
    private final Clock clock;
    private final MaterialProperties properties;
    private final GroupCommit groupCommit;
    private final CaseCounts counts;

    WaitingCases(CaseStore store, CaseAcceptance acceptance, MaterialResolver resolver,
                 Clock clock, MaterialProperties properties, GroupCommit groupCommit, CaseCounts counts) {
        this.counts = counts;
        this.store = store;
        this.acceptance = acceptance;
        this.resolver = resolver;
        this.clock = clock;
        this.properties = properties;
        this.groupCommit = groupCommit;
    }

    /** One round: the cases that waited longest first. Returns how many went on (accepted or rejected). */
    public int retry() {
        List<String> waiting = store.caseIdsLeastRecentlyUpdated(CaseStatus.WAITING_VERIFICATION, properties.retryBatch());
        int movedOn = 0;
        for (String caseId : waiting) {
            if (retry(caseId)) {
                movedOn++;
            }
        }
        return movedOn;
    }

    private boolean retry(String caseId) {
        CaseRecord waiting = store.findCase(caseId).orElseThrow();
        CaseRequest request = store.request(waiting);
        MaterialResolution resolution = resolver.resolve(request, caseId);
        Boolean movedOn = groupCommit.execute("waiting-case", () -> {
            if (store.lockCase(caseId).status() != CaseStatus.WAITING_VERIFICATION) {
                return false; // another node took it
            }
            Instant now = clock.instant();
            if (resolution.waiting()) {
                store.updateCaseStatus(caseId, WAITING, CaseStatus.WAITING_VERIFICATION, reason(resolution), now);
                return false;
            }
            acceptance.recordMaterials(caseId, resolution, now);
            if (!resolution.missing().isEmpty()) {
                String reason = "materials the applicant must bring: " + resolution.missing().stream()
                        .map(ResolvedMaterial::materialCode).distinct().collect(Collectors.joining(", "))
                        + " (see POST /api/v1/notices)";
                store.updateCaseStatus(caseId, WAITING, CaseStatus.REJECTED, reason, now);
                store.addEvent(caseId, null, CaseEventType.CASE_REJECTED, reason, now);
                counts.reached(request.serviceCode(), CaseStatus.REJECTED);
                return true;
            }
            store.updateCaseStatus(caseId, WAITING, CaseStatus.ACCEPTED, null, now);
            acceptance.accept(caseId, request, acceptance.plan(request), resolution, request.channel().name() + ", after its materials were verified", now);
            return true;
        });
        if (Boolean.TRUE.equals(movedOn)) {
            log.info("Case {} waited for verification and went on", caseId);
        }
        return Boolean.TRUE.equals(movedOn);
    }

    /** What the case waits for, for its status reason and timeline: the applicant is told, not asked. */
    static String reason(MaterialResolution resolution) {
        String waitingFor = resolution.materials().stream()
                .filter(m -> m.status() == MaterialStatus.UNAVAILABLE)
                .map(m -> m.materialCode() + " (" + m.reason() + ")")
                .distinct().collect(Collectors.joining("; "));
        return "waiting to verify " + waitingFor + "; retried automatically; the applicant is not asked to bring these";
    }
}
