package org.onewindow.hub.materials;

import java.time.Instant;

/**
 * What one look-up in another system found: a verified licence or a shared record (with its reference), nothing
 * usable (with the reason), or no answer at all because the system is down.
 */
public record LookupOutcome(Kind kind, String reference, Instant verifiedAt, String detail) {

    public enum Kind {
        FOUND, NOT_USABLE, UNAVAILABLE
    }

    public static LookupOutcome found(String reference, Instant verifiedAt, String detail) {
        return new LookupOutcome(Kind.FOUND, reference, verifiedAt, detail);
    }

    public static LookupOutcome notUsable(String reason) {
        return new LookupOutcome(Kind.NOT_USABLE, null, null, reason);
    }

    public static LookupOutcome unavailable(String reason) {
        return new LookupOutcome(Kind.UNAVAILABLE, null, null, reason);
    }
}
