package org.onewindow.hub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Who may call the hub and how they prove it (onewindow.security.*).
 *
 * @param authorizationServer the hub's own OAuth2 authorization server for systems (the embedded default)
 * @param peopleFile          the people who log in with a password (YAML, bcrypt hashes); empty: nobody (production
 *                            signs people in through OIDC instead)
 * @param rolesClaim          the claim of an OIDC login that lists the person's roles (operator, auditor, admin)
 * @param holderTokensFile    the data holders' bearer tokens (YAML, SHA-256 of each token); empty: no holder signs in
 * @param rateLimits          per-caller request rates
 * @param checkedTokens       how long a system's token, once its signature and claims were checked, is taken again
 *                            without checking them (never past its expiry)
 */
@ConfigurationProperties("onewindow.security")
record SecurityProperties(AuthorizationServer authorizationServer, String peopleFile, @DefaultValue("roles") String rolesClaim,
                          String holderTokensFile, RateLimits rateLimits,
                          @DefaultValue CheckedTokens checkedTokens) {

    /**
     * @param enabled     false in production, where an external issuer's tokens are trusted
     *                    (spring.security.oauth2.resourceserver.jwt.issuer-uri)
     * @param clientsFile the systems that may ask for a token (YAML, bcrypt hashes of their secrets)
     * @param signingKey  the RSA private key (PKCS#8 PEM) that signs the access tokens
     * @param tokenTtl    how long an access token is valid
     */
    record AuthorizationServer(@DefaultValue("true") boolean enabled, String clientsFile, String signingKey,
                               @DefaultValue("30m") Duration tokenTtl) {
    }

    /**
     * @param enabled        per-caller limits on; off only to measure without them
     * @param perSecond      requests a second an authenticated caller may send, on average
     * @param burst          requests an authenticated caller may send at once before the rate applies
     * @param anonymousPerSecond requests a second from one address without credentials (token requests, public pages)
     * @param anonymousBurst the same, at once
     */
    record RateLimits(@DefaultValue("true") boolean enabled, @DefaultValue("200") long perSecond, @DefaultValue("400") long burst,
                      @DefaultValue("50") long anonymousPerSecond, @DefaultValue("100") long anonymousBurst) {
    }

    /**
     * @param remember      at most this long after its first check (0: every call is checked)
     * @param maximumTokens at most this many tokens remembered (the least used are forgotten first)
     */
    record CheckedTokens(@DefaultValue("5m") Duration remember, @DefaultValue("10000") long maximumTokens) {
    }
}
