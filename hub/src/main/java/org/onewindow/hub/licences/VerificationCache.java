package org.onewindow.hub.licences;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.onewindow.schemas.licences.Licence;
import org.onewindow.schemas.licences.LicenceCanonicalForm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Verified results for a short while (at most a minute), keyed by identifier and a hash of the whole
 * document, so a changed document is verified afresh. Time comes from the hub's Clock (a Caffeine Ticker),
 * so tests can move it; a status change from the library's feed drops every entry of that licence.
 */
final class VerificationCache {

    private record Key(String identifier, String contentHash) {
    }

    private final Cache<Key, Verification> cache;

    VerificationCache(Clock clock, Duration ttl, long maximumSize) {
        this.cache = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(ttl)
                .maximumSize(maximumSize)
                .executor(Runnable::run)
                .build();
    }

    Verification get(Licence licence, Supplier<Verification> verify) {
        return cache.get(new Key(licence.identifier(), hash(licence)), key -> verify.get());
    }

    void invalidate(String identifier) {
        cache.asMap().keySet().removeIf(key -> key.identifier().equals(identifier));
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static String hash(Licence licence) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(LicenceCanonicalForm.of(licence));
            sha256.update(String.valueOf(licence.signature()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
