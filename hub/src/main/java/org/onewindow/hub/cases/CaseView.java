package org.onewindow.hub.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * GET /api/v1/cases/{caseId}: a case as the intake system follows it. The applicant's identifier is masked. Each task
 * shows its deadline on the working calendar and the time left; {@code waits} the times the case waited for its applicant.
 */
public record CaseView(
        String caseId,
        String itemCode,
        String bundleCode,
        CaseStatus status,
        String statusReason,
        ApplicantView applicant,
        LocalDate promisedBy,
        Instant createdAt,
        Instant updatedAt,
        List<TaskView> tasks,
        List<EventView> timeline,
        List<MaterialView> materials,
        List<WaitView> waits) {

    public record ApplicantView(String kind, String name, String maskedId) {
    }

    public record TaskView(String taskId, String stepId, String itemCode, String department, TaskStatus status,
                           String statusReason, String departmentRef, List<String> dependsOn,
                           Map<String, String> results, Instant updatedAt, TaskDeadline deadline) {
    }

    /** A time the case waited for its applicant (a deferred material, a correction); the task's clock stood still. */
    public record WaitView(long waitId, String taskId, ApplicantWait.Kind kind, String subject, String requestedBy, LocalDate dueBy,
                           Instant startedAt, Instant endedAt, Long stoppedWorkingMinutes, String answer) {
    }

    /** One material one item requires: EXEMPT (with its evidence), REQUIRED, DEFERRED (容缺) or UNAVAILABLE. */
    public record MaterialView(String stepId, String itemCode, String materialCode, String source, String holderMaskedId,
                               String status, String evidence, String reference, Instant verifiedAt, LocalDate deferredUntil,
                               String reason, String documentRef) {
    }

    public record EventView(Instant at, CaseEventType type, String taskId, String detail) {
    }
}
