package org.onewindow.hub.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A JwtDecoder that remembers the tokens it has already checked: a system calls many times with one token, and
 * checking its RSA signature and claims again on every call cost more than the rest of a status read. A token is
 * remembered until it expires (never longer than {@code remember}), so an expired token is checked, and refused,
 * by the decoder behind; a token the decoder refused is never remembered. The cache is bounded.
 */
final class CheckedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Cache<String, Jwt> checked;

    CheckedTokens(JwtDecoder decoder, Clock clock, Duration remember, long maximumTokens) {
        this.decoder = decoder;
        long rememberNanos = remember.toNanos();
        this.checked = Caffeine.newBuilder()
                .maximumSize(maximumTokens)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(new Expiry<String, Jwt>() {
                    @Override
                    public long expireAfterCreate(String token, Jwt jwt, long now) {
                        Instant expiresAt = jwt.getExpiresAt();
                        long untilExpiry = expiresAt == null ? rememberNanos
                                : Duration.between(Instant.ofEpochMilli(now / 1_000_000L), expiresAt).toNanos();
                        return Math.max(0, Math.min(rememberNanos, untilExpiry));
                    }

                    @Override
                    public long expireAfterUpdate(String token, Jwt jwt, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String token, Jwt jwt, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        // an entry is gone once its token expired (the cache's expiry, on the same clock)
        Jwt jwt = checked.getIfPresent(token);
        if (jwt != null) {
            return jwt;
        }
        jwt = decoder.decode(token);
        checked.put(token, jwt);
        return jwt;
    }
}
