package org.onewindow.hub.licences;

import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.MutableClock;
import org.onewindow.schemas.licences.Licence;
import org.onewindow.schemas.licences.LicenceStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.licences.DemoLicenceFiles.ZHAO_LIU_EXPIRED;
import static org.onewindow.hub.licences.DemoLicenceFiles.ZHAO_LIU_REVOKED;
import static org.onewindow.hub.licences.DemoLicenceFiles.licence;
import static org.onewindow.hub.licences.InvalidReason.BAD_SIGNATURE;
import static org.onewindow.hub.licences.InvalidReason.EXPIRED;
import static org.onewindow.hub.licences.InvalidReason.HOLDER_MISMATCH;
import static org.onewindow.hub.licences.InvalidReason.NOT_YET_VALID;
import static org.onewindow.hub.licences.InvalidReason.REVOKED;

/** The verifier and its cache on the seeded licences and trust list, with time moved by hand. */
class LicenceVerifierTest {

    // 2026-12-01 10:00 in Shanghai
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    private final VerificationCache cache = new VerificationCache(clock, Duration.ofSeconds(60), 1000);
    private final FeedStatuses feed = new FeedStatuses();
    private final LicenceVerifier verifier = new LicenceVerifier(DemoLicenceFiles.trustList(), cache, feed, clock,
            ZoneId.of("Asia/Shanghai"));

    @Test
    void everySeededLicenceIsValidButTheFiveBadOnes() {
        List<String> invalid = DemoLicenceFiles.licences().stream()
                .filter(l -> verifier.verify(l, null).result() == VerificationResult.INVALID).map(Licence::identifier).toList();
        assertThat(invalid).containsExactlyInAnyOrder(DemoLicenceFiles.ZHAO_LIU_EXPIRED, DemoLicenceFiles.ZHAO_LIU_REVOKED,
                DemoLicenceFiles.ZHAO_LIU_SUSPENDED, DemoLicenceFiles.ZHAO_LIU_UNKNOWN_ISSUER, DemoLicenceFiles.ZHAO_LIU_WRONG_CHECK);
    }

    @Test
    void reportsEveryReasonThatApplies() {
        Licence revoked = licence(ZHAO_LIU_REVOKED);
        Licence tampered = new Licence(revoked.identifier(), revoked.typeCode(), revoked.licenceType(), revoked.number(),
                revoked.name(), revoked.holderName(), revoked.holderId(), revoked.holderIdType(), revoked.issuer(),
                revoked.issuerCode(), revoked.issueDate(), revoked.validFrom(), java.time.LocalDate.of(2020, 1, 1),
                revoked.status(), revoked.signature());
        Verification v = verifier.verify(tampered, new ExpectedHolder("11010519491231002X", "张三"));
        assertThat(v.result()).isEqualTo(VerificationResult.INVALID);
        assertThat(v.reasons()).containsExactly(BAD_SIGNATURE, REVOKED, EXPIRED, HOLDER_MISMATCH);
        assertThat(v.status()).isEqualTo(LicenceStatus.REVOKED);
    }

    @Test
    void expiryFollowsTheCalendarDayInShanghai() {
        Licence expired = licence(ZHAO_LIU_EXPIRED); // valid to 2024-03-01
        MutableClock past = new MutableClock(Instant.parse("2024-03-01T15:59:59Z")); // 23:59:59 in Shanghai
        LicenceVerifier then = new LicenceVerifier(DemoLicenceFiles.trustList(), new VerificationCache(past, Duration.ofSeconds(60), 10),
                feed, past, ZoneId.of("Asia/Shanghai"));
        assertThat(then.verify(expired, null).reasons()).isEmpty();
        past.advance(Duration.ofSeconds(61)); // past the cache's minute and past midnight
        assertThat(then.verify(expired, null).reasons()).containsExactly(EXPIRED);
        MutableClock early = new MutableClock(Instant.parse("2014-02-28T00:00:00Z"));
        LicenceVerifier before = new LicenceVerifier(DemoLicenceFiles.trustList(), new VerificationCache(early, Duration.ofSeconds(60), 10),
                feed, early, ZoneId.of("Asia/Shanghai"));
        assertThat(before.verify(expired, null).reasons()).containsExactly(NOT_YET_VALID);
    }

    @Test
    void aCachedResultLivesAtMostItsTimeToLive() {
        Licence card = licence(DemoLicenceFiles.ZHANG_SAN_ID_CARD);
        Instant first = verifier.verify(card, null).verifiedAt();
        clock.advance(Duration.ofSeconds(59));
        assertThat(verifier.verify(card, null).verifiedAt()).as("cached").isEqualTo(first);
        clock.advance(Duration.ofSeconds(2));
        assertThat(verifier.verify(card, null).verifiedAt()).as("verified afresh").isEqualTo(clock.instant());
        // a changed document is a different entry
        assertThat(verifier.verify(card.withSignature(card.signature().replace('M', 'N')), null).reasons()).containsExactly(BAD_SIGNATURE);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aStatusFromTheFeedOutranksTheSignedStatusOnceTheCacheIsDropped() {
        Licence card = licence(DemoLicenceFiles.ZHANG_SAN_ID_CARD);
        Verification valid = verifier.verify(card, null);
        assertThat(valid.result()).isEqualTo(VerificationResult.VALID);
        clock.advance(Duration.ofSeconds(5));
        feed.record(new StatusChange(7, card.identifier(), LicenceStatus.REVOKED, clock.instant()));
        assertThat(verifier.verify(card, null)).as("still cached").isEqualTo(valid);
        cache.invalidate(card.identifier());
        Verification revoked = verifier.verify(card, null);
        assertThat(revoked.reasons()).containsExactly(REVOKED);
        assertThat(revoked.status()).isEqualTo(LicenceStatus.REVOKED);
        assertThat(revoked.verifiedAt()).isEqualTo(clock.instant());
        feed.record(new StatusChange(8, card.identifier(), LicenceStatus.VALID, clock.instant()));
        cache.invalidate(card.identifier());
        assertThat(verifier.verify(card, null).result()).isEqualTo(VerificationResult.VALID);
    }

    @Test
    void holderIsComparedByIdIgnoringTheCaseOfXAndByExactName() {
        Licence card = licence(DemoLicenceFiles.ZHANG_SAN_ID_CARD);
        assertThat(verifier.verify(card, new ExpectedHolder("11010519491231002x", "张三")).reasons()).isEmpty();
        assertThat(verifier.verify(card, new ExpectedHolder("11010519491231002X", null)).reasons()).isEmpty();
        assertThat(verifier.verify(card, new ExpectedHolder(null, "张叁")).reasons()).containsExactly(HOLDER_MISMATCH);
    }
}
