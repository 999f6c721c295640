package org.onewindow.hub.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** GET /api/v1/cases/{caseId}: a case as the intake system follows it. The applicant's identifier is masked. */
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
        List<EventView> timeline) {

    public record ApplicantView(String kind, String name, String maskedId) {
    }

    public record TaskView(String taskId, String stepId, String itemCode, String department, TaskStatus status,
                           String statusReason, String departmentRef, List<String> dependsOn,
                           Map<String, String> results, Instant updatedAt) {
    }

    public record EventView(Instant at, CaseEventType type, String taskId, String detail) {
    }
}
