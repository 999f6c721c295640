package org.onewindow.hub.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The issued tokens are found again by their value while kept, and a client asking in a loop cannot grow them without bound. */
class IssuedTokensTest {

    private static final RegisteredClient CLIENT = RegisteredClient.withId("hall-xuanwu").clientId("hall-xuanwu")
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("intake").build();

    @Test
    void aTokenIsFoundByItsValueAndForgottenWhenRemoved() {
        IssuedTokens tokens = new IssuedTokens(Duration.ofMinutes(30), 10);
        OAuth2Authorization issued = issued("token-1");
        tokens.save(issued);
        assertThat(tokens.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN)).isEqualTo(issued);
        assertThat(tokens.findByToken("token-1", null)).isEqualTo(issued);
        assertThat(tokens.findById(issued.getId())).isEqualTo(issued);
        assertThat(tokens.findByToken("token-1", OAuth2TokenType.REFRESH_TOKEN)).isNull();
        tokens.remove(issued);
        assertThat(tokens.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
    }

    @Test
    void aClientAskingInALoopKeepsAtMostTheMaximum() {
        IssuedTokens tokens = new IssuedTokens(Duration.ofMinutes(30), 100);
        for (int i = 0; i < 5_000; i++) {
            tokens.save(issued("token-" + i));
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(100);
    }

    private static OAuth2Authorization issued(String value) {
        Instant now = Instant.now();
        return OAuth2Authorization.withRegisteredClient(CLIENT).principalName("hall-xuanwu")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).authorizedScopes(Set.of("intake"))
                .token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, now, now.plusSeconds(1800))).build();
    }
}
