package org.onewindow.hub.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Signs a data holder in with their bearer token. A bearer token that is not a holder token is left to the next
 * provider (the JWT one), so holders and systems share one bearer-token mechanism.
 */
final class HolderTokenAuthenticationProvider implements AuthenticationProvider {

    private final HolderTokens tokens;

    HolderTokenAuthenticationProvider(HolderTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        // a JWT has two dots; holder tokens have none, and hashing a JWT would only waste time
        if (token.indexOf('.') >= 0) {
            return null;
        }
        return tokens.holderOf(token).<Authentication>map(holder -> new HolderAuthentication(holder, tokens.demo())).orElse(null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
