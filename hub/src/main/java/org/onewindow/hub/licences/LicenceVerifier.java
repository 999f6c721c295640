package org.onewindow.hub.licences;

import org.onewindow.schemas.licences.Licence;
import org.onewindow.schemas.licences.LicenceIdentifier;
import org.onewindow.schemas.licences.LicenceSignatures;
import org.onewindow.schemas.licences.LicenceStatus;

import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies an e-licence: its identifier's check character, its issuer (on the trust list, entitled to the
 * type), the issuer's SM2 signature, its status (the library's status feed outranks the signed one), its validity
 * on today's date, and optionally its holder.
 * Every reason that applies is reported. Results (without the holder check) are cached for a short while.
 */
public class LicenceVerifier {

    private final TrustList trustList;
    private final VerificationCache cache;
    private final FeedStatuses feedStatuses;
    private final Clock clock;
    private final ZoneId zone;

    LicenceVerifier(TrustList trustList, VerificationCache cache, FeedStatuses feedStatuses, Clock clock, ZoneId zone) {
        this.trustList = trustList;
        this.cache = cache;
        this.feedStatuses = feedStatuses;
        this.clock = clock;
        this.zone = zone;
    }

    /** @param expected whose licence it should be; null for no holder check */
    public Verification verify(Licence licence, ExpectedHolder expected) {
        Verification checked = cache.get(licence, () -> check(licence));
        if (expected == null || holderMatches(licence, expected)) {
            return checked;
        }
        List<InvalidReason> reasons = new ArrayList<>(checked.reasons());
        reasons.add(InvalidReason.HOLDER_MISMATCH);
        return Verification.of(checked.licenceId(), reasons, checked.status(), checked.verifiedAt());
    }

    private Verification check(Licence licence) {
        List<InvalidReason> reasons = new ArrayList<>();
        if (LicenceIdentifier.fault(licence.identifier()).isPresent()) {
            reasons.add(InvalidReason.BAD_CHECK_CHARACTER);
        }
        Optional<PublicKey> key = trustList.keyFor(licence.issuerCode(), licence.licenceType());
        if (key.isEmpty()) {
            reasons.add(InvalidReason.UNKNOWN_ISSUER);
        } else if (!LicenceSignatures.verify(licence, key.get())) {
            reasons.add(InvalidReason.BAD_SIGNATURE);
        }
        LicenceStatus status = feedStatuses.of(licence.identifier()).orElse(licence.status());
        if (status != null) {
            switch (status) {
                case SUSPENDED -> reasons.add(InvalidReason.SUSPENDED);
                case CANCELLED -> reasons.add(InvalidReason.CANCELLED);
                case DEREGISTERED -> reasons.add(InvalidReason.DEREGISTERED);
                case REVOKED -> reasons.add(InvalidReason.REVOKED);
                case VALID -> { }
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (licence.validTo() != null && today.isAfter(licence.validTo())) {
            reasons.add(InvalidReason.EXPIRED);
        }
        if (licence.validFrom() != null && today.isBefore(licence.validFrom())) {
            reasons.add(InvalidReason.NOT_YET_VALID);
        }
        return Verification.of(licence.identifier(), reasons, status, clock.instant());
    }

    private static boolean holderMatches(Licence licence, ExpectedHolder expected) {
        boolean idMatches = expected.id() == null || expected.id().strip().equalsIgnoreCase(licence.holderId());
        boolean nameMatches = expected.name() == null || expected.name().strip().equals(licence.holderName());
        return idMatches && nameMatches;
    }
}
