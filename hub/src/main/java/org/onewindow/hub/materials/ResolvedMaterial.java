package org.onewindow.hub.materials;

import org.onewindow.schemas.catalogue.MaterialSource;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One material one item of a case requires, and how it was resolved.
 *
 * @param stepId        the bundle step that requires it; null for a single item
 * @param holderId      who holds it (full; shown masked)
 * @param evidence      for EXEMPT: what replaced the paper (a verified e-licence, a shared record, a step of this case)
 * @param reference     for EXEMPT: the licence identifier (电子证照标识) or the shared record's reference
 * @param verifiedAt    for EXEMPT: when the hub verified it
 * @param deferredUntil for DEFERRED: the day it must be brought by
 * @param reason        for REQUIRED, DEFERRED and UNAVAILABLE: why the hub could not obtain it itself
 * @param documentRef   the document the applicant brought for it, if any
 */
public record ResolvedMaterial(
        String stepId,
        String itemCode,
        String materialCode,
        String name,
        String nameZh,
        MaterialSource source,
        String holderId,
        MaterialStatus status,
        String evidence,
        String reference,
        Instant verifiedAt,
        LocalDate deferredUntil,
        String reason,
        String documentRef) {

    /** Required, and the applicant has not brought it: the case cannot be accepted without it. */
    public boolean missing() {
        return status == MaterialStatus.REQUIRED && documentRef == null;
    }
}
