package org.onewindow.hub.licences;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.onewindow.schemas.licences.Licence;

/**
 * POST /api/v1/licences/verify: exactly one of {@code licenceId} (read from the library, which needs
 * {@code purpose} and {@code caseId}) and {@code licence} (a full signed licence document as presented).
 */
record VerifyRequest(
        @Size(max = 128) String licenceId,
        @Valid Licence licence,
        @Valid ExpectedHolder expectedHolder,
        @Size(max = 200) String purpose,
        @Size(max = 64) String caseId) {
}
