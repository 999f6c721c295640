package org.onewindow.hub.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import java.time.Duration;

/**
 * The tokens the hub's authorization server issued, kept only as long as they are valid and at most
 * {@code maximum} of them. Spring Authorization Server's in-memory default keeps every token ever issued, so a
 * client asking again and again would fill the heap; the tokens are self-contained JWTs, and the hub checks them
 * by signature, so forgetting an expired one loses nothing.
 */
final class IssuedTokens implements OAuth2AuthorizationService {

    private final Cache<String, OAuth2Authorization> byId;
    private final Cache<String, String> idByToken;

    IssuedTokens(Duration tokenTtl, long maximum) {
        this.byId = Caffeine.newBuilder().maximumSize(maximum).expireAfterWrite(tokenTtl).build();
        this.idByToken = Caffeine.newBuilder().maximumSize(maximum).expireAfterWrite(tokenTtl).build();
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        byId.put(authorization.getId(), authorization);
        OAuth2Authorization.Token<?> access = authorization.getAccessToken();
        if (access != null) {
            idByToken.put(access.getToken().getTokenValue(), authorization.getId());
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        byId.invalidate(authorization.getId());
        OAuth2Authorization.Token<? extends OAuth2Token> access = authorization.getAccessToken();
        if (access != null) {
            idByToken.invalidate(access.getToken().getTokenValue());
        }
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return byId.getIfPresent(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (tokenType != null && !OAuth2TokenType.ACCESS_TOKEN.equals(tokenType)) {
            return null; // the client-credentials grant issues access tokens only
        }
        String id = idByToken.getIfPresent(token);
        return id == null ? null : byId.getIfPresent(id);
    }

    long size() {
        byId.cleanUp();
        return byId.estimatedSize();
    }
}
