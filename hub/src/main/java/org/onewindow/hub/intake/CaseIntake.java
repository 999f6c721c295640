package org.onewindow.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onewindow.hub.catalogue.DeadlineCalendar;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStatus;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.tasks.PlannedTask;
import org.onewindow.hub.tasks.TaskPlanner;
import org.onewindow.hub.tasks.TaskDispatcher;
import org.onewindow.schemas.cases.CaseRequest;
import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.Item;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accepts a case: stores it, its tasks, its first timeline event and the messages for the departments
 * that can start at once, all in one transaction (the outbox makes the messages part of it).
 */
@Service
class CaseIntake {

    private final CaseStore store;
    private final TaskPlanner planner;
    private final TaskDispatcher dispatcher;
    private final ServiceCatalogue catalogue;
    private final DeadlineCalendar calendar;
    private final CaseNumbers numbers;
    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final IntakeProperties properties;

    CaseIntake(CaseStore store, TaskPlanner planner, TaskDispatcher dispatcher, ServiceCatalogue catalogue, DeadlineCalendar calendar,
               CaseNumbers numbers, JdbcClient jdbc, ObjectMapper objectMapper, Clock clock, IntakeProperties properties) {
        this.store = store;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    IntakeReceipt submit(String idempotencyKey, CaseRequest request, String fingerprint) {
        Optional<IntakeReceipt> earlier = replay(idempotencyKey, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<PlannedTask> plan = planner.plan(request);
        Instant now = clock.instant();
        String caseId = numbers.next();
        store.insertCase(new CaseRecord(caseId, request.itemCode(), request.bundleCode(), CaseStatus.ACCEPTED, null,
                request.applicant().kind().name(), request.applicant().name(), request.applicant().holderId(),
                json(request), promisedBy(request, now), now, now));
        jdbc.sql("INSERT INTO intake_requests (idempotency_key, request_hash, case_id, created_at) VALUES (?, ?, ?, ?)")
                .params(idempotencyKey, fingerprint, caseId, now.atOffset(java.time.ZoneOffset.UTC))
                .update();
        store.addEvent(caseId, null, CaseEventType.CASE_ACCEPTED, "accepted for " + request.serviceCode()
                + " via " + request.channel(), now);
        List<TaskRecord> ready = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            PlannedTask planned = plan.get(i);
            TaskStatus status = planned.dependsOn().isEmpty() ? TaskStatus.QUEUED : TaskStatus.WAITING;
            TaskRecord task = new TaskRecord("%s-%02d".formatted(caseId, i + 1), caseId, planned.stepId(), planned.itemCode(),
                    planned.department(), planned.dependsOn(), status, null, null, Map.of(), now, now);
            store.insertTask(task);
            if (status == TaskStatus.QUEUED) {
                ready.add(task);
            }
        }
        dispatcher.dispatch(request, ready, List.of(), now);
        return new IntakeReceipt(caseId, CaseStatus.ACCEPTED.name());
    }

    /** The answer already given to this Idempotency-Key; 409 if the key came with a different request. */
    @Transactional(readOnly = true)
    Optional<IntakeReceipt> replay(String idempotencyKey, String fingerprint) {
        return jdbc.sql("SELECT request_hash, case_id FROM intake_requests WHERE idempotency_key = ?")
                .param(idempotencyKey)
                .query((rs, n) -> {
                    if (!rs.getString(1).equals(fingerprint)) {
                        throw new ProblemException(HttpStatus.CONFLICT, "idempotency-key-reused",
                                "Idempotency-Key already used for another request",
                                "This Idempotency-Key was used for a different request (case " + rs.getString(2)
                                        + "); use a new key for a new request",
                                List.of(new Fault("Idempotency-Key", "reused", "was used before with a different body")));
                    }
                    return new IntakeReceipt(rs.getString(2), CaseStatus.ACCEPTED.name());
                })
                .optional();
    }

    /** The promised day (承诺时限) of the item, or of the bundle as a whole, in working days from today. */
    private LocalDate promisedBy(CaseRequest request, Instant now) {
        int days = request.itemCode() != null
                ? catalogue.item(request.itemCode()).map(Item::promisedLimitDays).orElse(0)
                : catalogue.bundle(request.bundleCode()).map(Bundle::promisedLimitDays).orElse(0);
        return calendar.deadline(LocalDate.ofInstant(now, properties.timeZone()), days);
    }

    private String json(CaseRequest request) {
        try {
            return objectMapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
