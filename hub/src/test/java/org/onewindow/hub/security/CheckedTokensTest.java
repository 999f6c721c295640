package org.onewindow.hub.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.MutableClock;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token is checked (signature, claims) once and then taken again until it expires; a refused token is refused every
 * time. Real RS256 tokens from Nimbus, checked by Spring Security's Nimbus decoder on the test's clock.
 */
class CheckedTokensTest {

    private final MutableClock clock = new MutableClock(Instant.now());
    private final AtomicInteger checks = new AtomicInteger();
    private NimbusJwtEncoder encoder;
    private JwtDecoder checkedTokens;

    @BeforeEach
    void keys() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("test").generate();
        encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        JwtDecoder counted = token -> {
            checks.incrementAndGet();
            return nimbus.decode(token);
        };
        checkedTokens = new CheckedTokens(counted, clock, Duration.ofMinutes(5), 100);
    }

    @Test
    void aTokenIsCheckedOnceThenTakenAgain() {
        String token = token(Duration.ofMinutes(30));
        Jwt first = checkedTokens.decode(token);
        Jwt again = checkedTokens.decode(token);
        assertThat(again.getClaimAsString("client_id")).isEqualTo("hall-xuanwu");
        assertThat(again).isEqualTo(first);
        assertThat(checks).hasValue(1);
    }

    @Test
    void aTokenIsCheckedAgainAfterTheRememberedTime() {
        String token = token(Duration.ofMinutes(30));
        checkedTokens.decode(token);
        clock.advance(Duration.ofMinutes(6));
        checkedTokens.decode(token);
        assertThat(checks).hasValue(2);
    }

    @Test
    void anExpiredTokenIsRefusedEvenThoughItWasTakenBefore() {
        String token = token(Duration.ofMinutes(2));
        checkedTokens.decode(token);
        clock.advance(Duration.ofMinutes(3));
        assertThatThrownBy(() -> checkedTokens.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
        assertThat(checks).hasValue(2);
    }

    @Test
    void aForgedTokenIsRefusedEveryTime() {
        String token = token(Duration.ofMinutes(30));
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> checkedTokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> checkedTokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(checks).hasValue(2);
    }

    private String token(Duration valid) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("hall-xuanwu").claim("client_id", "hall-xuanwu")
                .claim("scope", "intake").issuedAt(now).expiresAt(now.plus(valid)).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}
