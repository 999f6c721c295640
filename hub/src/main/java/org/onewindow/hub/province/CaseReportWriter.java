package org.onewindow.hub.province;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onewindow.hub.cases.CaseEventListener;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the case events the province is told of into feed records, in the transaction that writes the events
 * ({@link CaseStore#addEvents}): nothing more than one batched insert (and the case's counter) per batch of events.
 *
 * <p>Reported: 受理 (CASE_ACCEPTED), each step of 办理过程 (a task sent, acknowledged, completed, rejected or
 * cancelled or discarded by an operator; a wait for the applicant starting and ending), 办结 (CASE_COMPLETED,
 * CASE_REJECTED, CASE_TERMINATED 终止办理) and 电子监察 (a
 * supervision card issued, escalated or cleared) and 好差评 (a rating, a rectification ticket opened, answered or
 * escalated). Not reported: EVALUATION_INVITED (the SMS itself is the hub's business),
 * MATERIALS_RESOLVED and VERIFICATION_WAITING (before 受理: the accept record says what was accepted), TASK_QUEUED
 * (the hub's own queue; the send is the step), TASK_DEAD_LETTERED and CASE_STUCK (the hub's delivery trouble, for its
 * operators; the department's handling goes on once they resend it, and lateness reaches the province as supervision
 * cards), TASK_REPLAYED and CASE_RESUMED (that resend: the province sees the task sent again), DATA_SHARED / DATA_DELIVERED / DATA_UNDELIVERED (data sharing between departments, not a step of the case).
 */
@Component
class CaseReportWriter implements CaseEventListener {

    static final Map<CaseEventType, ReportKind> REPORTED = reported();

    private final CaseReportStore store;
    private final ObjectMapper objectMapper;
    private final ZoneId zone;

    CaseReportWriter(CaseReportStore store, ObjectMapper objectMapper, @Value("${onewindow.intake.time-zone}") String zone) {
        this.store = store;
        this.objectMapper = objectMapper;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void recorded(List<CaseStore.NewEvent> events) {
        List<CaseReportStore.NewRecord> records = new ArrayList<>();
        for (CaseStore.NewEvent event : events) {
            ReportKind kind = REPORTED.get(event.type());
            if (kind != null) {
                records.add(new CaseReportStore.NewRecord(event.caseId(), kind, event.type().name(), event.taskId(),
                        body(event), event.at(), event.at().atZone(zone).toLocalDate()));
            }
        }
        if (!records.isEmpty()) {
            store.append(records);
        }
    }

    /** The kind's own part of the record: what happened, to which task, in the hub's words (cut to fit the column). */
    private String body(CaseStore.NewEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventType", event.type().name());
        if (event.taskId() != null) {
            body.put("taskId", event.taskId());
        }
        if (event.detail() != null) {
            body.put("opinion", event.detail().length() > 1000 ? event.detail().substring(0, 999) + "…" : event.detail());
        }
        try {
            return objectMapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<CaseEventType, ReportKind> reported() {
        Map<CaseEventType, ReportKind> kinds = new EnumMap<>(CaseEventType.class);
        kinds.put(CaseEventType.CASE_ACCEPTED, ReportKind.ACCEPT);
        for (CaseEventType step : List.of(CaseEventType.TASK_SENT, CaseEventType.TASK_ACKNOWLEDGED, CaseEventType.TASK_COMPLETED,
                CaseEventType.TASK_REJECTED, CaseEventType.TASK_CANCELLED, CaseEventType.TASK_DISCARDED, CaseEventType.APPLICANT_WAIT_STARTED,
                CaseEventType.APPLICANT_WAIT_ENDED)) {
            kinds.put(step, ReportKind.PROCESS);
        }
        kinds.put(CaseEventType.CASE_COMPLETED, ReportKind.RESULT);
        kinds.put(CaseEventType.CASE_REJECTED, ReportKind.RESULT);
        kinds.put(CaseEventType.CASE_TERMINATED, ReportKind.RESULT);
        for (CaseEventType card : List.of(CaseEventType.SUPERVISION_CARD_ISSUED, CaseEventType.SUPERVISION_CARD_ESCALATED,
                CaseEventType.SUPERVISION_CARD_CLEARED)) {
            kinds.put(card, ReportKind.SUPERVISION);
        }
        for (CaseEventType evaluation : List.of(CaseEventType.EVALUATION_GIVEN, CaseEventType.RECTIFICATION_OPENED,
                CaseEventType.RECTIFICATION_ANSWERED, CaseEventType.RECTIFICATION_ESCALATED)) {
            kinds.put(evaluation, ReportKind.EVALUATION);
        }
        return Map.copyOf(kinds);
    }
}
