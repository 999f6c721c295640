package org.onewindow.hub.licences;

import org.onewindow.schemas.licences.LicenceStatus;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of verifying one e-licence.
 *
 * @param licenceId  the licence's identifier
 * @param result     VALID when {@code reasons} is empty
 * @param reasons    every reason it is invalid, in {@link InvalidReason} order
 * @param status     the licence's status: the library status feed's latest word on it, else the status it was signed
 *                   with (null when the licence was never read: an identifier with a wrong check character)
 * @param verifiedAt when the signature and status were checked (a cached result keeps its time)
 */
public record Verification(String licenceId, VerificationResult result, List<InvalidReason> reasons, LicenceStatus status,
                           Instant verifiedAt) {

    public Verification {
        reasons = List.copyOf(reasons);
    }

    static Verification of(String licenceId, List<InvalidReason> reasons, LicenceStatus status, Instant verifiedAt) {
        List<InvalidReason> ordered = reasons.stream().distinct().sorted().toList();
        return new Verification(licenceId, ordered.isEmpty() ? VerificationResult.VALID : VerificationResult.INVALID,
                ordered, status, verifiedAt);
    }
}
