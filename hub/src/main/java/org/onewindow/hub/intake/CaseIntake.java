package org.onewindow.hub.intake;

import org.onewindow.hub.caselog.CaseLogContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.cases.CaseCounts;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStatus;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.tasks.PlannedTask;
import org.onewindow.schemas.cases.CaseRequest;
import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.Item;
import org.onewindow.schemas.catalogue.TimeLimit;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.onewindow.hub.materials.MaterialResolution;
import org.onewindow.hub.materials.MaterialResolver;
import org.onewindow.hub.materials.NoticeStore;
import org.onewindow.hub.materials.OneTimeNotice;
import org.onewindow.hub.materials.OneTimeNotices;
import org.onewindow.hub.persistence.GroupCommit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Takes a case in: resolves its materials (the hub obtains licences and shared records itself, so the applicant
 * brings only what no system holds), then stores it with its tasks, its timeline and the messages for the
 * departments that can start at once, all in one transaction (the outbox makes the messages part of it), shared
 * with the other cases accepted at the same moment (group commit).
 * A case missing a material only the applicant can bring is refused with the one-time notice; a case whose
 * materials cannot be checked because a system is down waits in WAITING_VERIFICATION and goes on by itself.
 */
@Service
class CaseIntake {

    private final CaseStore store;
    private final CaseAcceptance acceptance;
    private final MaterialResolver resolver;
    private final OneTimeNotices notices;
    private final NoticeStore noticeStore;
    private final ServiceCatalogue catalogue;
    private final WorkingCalendar calendar;
    private final CaseNumbers numbers;
    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final IntakeProperties properties;
    private final GroupCommit groupCommit;
    private final CaseCounts counts;

    CaseIntake(CaseStore store, CaseAcceptance acceptance, MaterialResolver resolver, OneTimeNotices notices, NoticeStore noticeStore,
               ServiceCatalogue catalogue, WorkingCalendar calendar, CaseNumbers numbers, JdbcClient jdbc, ObjectMapper objectMapper,
               Clock clock, IntakeProperties properties, GroupCommit groupCommit, CaseCounts counts) {
        this.counts = counts;
        this.store = store;
        this.acceptance = acceptance;
        this.resolver = resolver;
        this.notices = notices;
        this.noticeStore = noticeStore;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.properties = properties;
        this.groupCommit = groupCommit;
    }

    /**
     * @param submittedBy the intake system submitting (its client id): it alone reads the case, and its
     *                    Idempotency-Keys are its own
     */
    IntakeReceipt submit(String submittedBy, String idempotencyKey, CaseRequest request, String fingerprint) {
        Optional<IntakeReceipt> earlier = replay(submittedBy, idempotencyKey, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // refuses a request naming what the catalogue does not hold, before anything is read
        List<PlannedTask> plan = acceptance.plan(request);
        String caseId = numbers.next();
        // the rest of the intake, and the look-ups it starts, log with the case's id; CaseLogFilter clears it after
        org.slf4j.MDC.put(CaseLogContext.CASE_ID, caseId);
        // the look-ups run before the transaction: no connection is held while other systems answer
        MaterialResolution resolution = resolver.resolve(request, caseId);
        if (!resolution.missing().isEmpty()) {
            throw materialsMissing(submittedBy, request, resolution);
        }
        CaseStatus status = resolution.waiting() ? CaseStatus.WAITING_VERIFICATION : CaseStatus.ACCEPTED;
        // one unit of the next group commit: the 202 answers once the commit that carries it is durable
        return groupCommit.execute("case-intake", () -> {
            Instant now = clock.instant();
            store.insertCase(new CaseRecord(caseId, request.itemCode(), request.bundleCode(), status,
                    status == CaseStatus.WAITING_VERIFICATION ? WaitingCases.reason(resolution) : null,
                    request.applicant().kind().name(), request.applicant().name(), request.applicant().holderId(),
                    json(request), promisedBy(request, now), now, now, submittedBy));
            jdbc.sql("INSERT INTO intake_requests (caller, idempotency_key, request_hash, case_id, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(submittedBy, idempotencyKey, fingerprint, caseId, now.atOffset(java.time.ZoneOffset.UTC))
                    .update();
            acceptance.recordMaterials(caseId, resolution, now);
            if (status == CaseStatus.WAITING_VERIFICATION) {
                store.addEvent(caseId, null, CaseEventType.VERIFICATION_WAITING, WaitingCases.reason(resolution), now);
                counts.reached(request.serviceCode(), CaseStatus.WAITING_VERIFICATION);
            } else {
                acceptance.accept(caseId, request, plan, resolution, request.channel().name(), now);
            }
            return new IntakeReceipt(caseId, status.name());
        });
    }

    /**
     * The answer already given to this caller's Idempotency-Key; 409 if the key came with a different request (the
     * answer does not name the other case: a key is the caller's own, but a 409 may be read by whoever reused it).
     */
    Optional<IntakeReceipt> replay(String caller, String idempotencyKey, String fingerprint) {
        return jdbc.sql("""
                        SELECT r.request_hash, r.case_id, c.status FROM intake_requests r JOIN cases c ON c.case_id = r.case_id
                        WHERE r.caller = ? AND r.idempotency_key = ?""")
                .params(caller, idempotencyKey)
                .query((rs, n) -> {
                    if (!rs.getString(1).equals(fingerprint)) {
                        throw new ProblemException(HttpStatus.CONFLICT, "idempotency-key-reused",
                                "Idempotency-Key already used for another request",
                                "This Idempotency-Key was used before for a different request; use a new key for a new request",
                                List.of(new Fault("Idempotency-Key", "reused", "was used before with a different body")));
                    }
                    // the first answer's status: a case that went on since is followed with GET /api/v1/cases/{caseId}
                    return new IntakeReceipt(rs.getString(2), CaseStatus.valueOf(rs.getString(3)) == CaseStatus.WAITING_VERIFICATION
                            ? CaseStatus.WAITING_VERIFICATION.name() : CaseStatus.ACCEPTED.name());
                })
                .optional();
    }

    private ProblemException materialsMissing(String submittedBy, CaseRequest request, MaterialResolution resolution) {
        List<Fault> faults = resolution.missing().stream()
                .map(m -> m.materialCode()).distinct()
                .map(code -> new Fault("materials", "missing", code + ": must be brought (" + resolution.missing().stream()
                        .filter(m -> m.materialCode().equals(code)).findFirst().map(m -> m.reason()).orElse("") + ")"))
                .toList();
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "materials-missing",
                "Materials missing: see the one-time notice",
                faults.size() + " material(s) only the applicant can bring are missing; the notice lists exactly what to bring",
                faults)
                .with("notice", notice(submittedBy, request, resolution));
    }

    /** The one-time notice of a refused case, kept like any other so that the window can print it. */
    private OneTimeNotice notice(String requestedBy, CaseRequest request, MaterialResolution resolution) {
        OneTimeNotice notice = notices.compose(numbers.nextNotice(), request, resolution, clock.instant());
        noticeStore.save(notice, requestedBy, resolution.holders(request.applicant().holderId()));
        return notice;
    }

    /**
     * The promised day (承诺时限) of the item, or of the bundle as a whole: in working days from today, or, for a promise in
     * working hours, the day those office hours run out.
     */
    private LocalDate promisedBy(CaseRequest request, Instant now) {
        TimeLimit promised = (request.itemCode() != null
                ? catalogue.item(request.itemCode()).map(Item::promisedLimit)
                : catalogue.bundle(request.bundleCode()).map(Bundle::promisedLimit)).orElse(TimeLimit.workingDays(0));
        if (promised.unit() == TimeLimit.Unit.WORKING_HOURS) {
            return calendar.localDate(calendar.deadline(now, promised));
        }
        return calendar.days().deadline(LocalDate.ofInstant(now, properties.timeZone()), promised.count());
    }

    private String json(CaseRequest request) {
        try {
            return objectMapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
