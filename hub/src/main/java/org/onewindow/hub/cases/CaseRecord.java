package org.onewindow.hub.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the case store. {@code applicantId} is the full ID number or credit code: never log it.
 * {@code submittedBy} is the intake system (its OAuth2 client id) that submitted the case; null for cases
 * from before callers proved who they are.
 */
public record CaseRecord(
        String caseId,
        String itemCode,
        String bundleCode,
        CaseStatus status,
        String statusReason,
        String applicantKind,
        String applicantName,
        String applicantId,
        String requestJson,
        LocalDate promisedBy,
        Instant createdAt,
        Instant updatedAt,
        String submittedBy) {
}
