package org.onewindow.hub.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

/**
 * The embedded default's own OAuth2 authorization server (Spring Authorization Server): systems ask
 * POST /oauth2/token with the client-credentials grant and get a signed JWT access token (RS256) carrying their
 * scopes. Off in production (onewindow.security.authorization-server.enabled=false), where the tokens of an external
 * issuer are trusted instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "onewindow.security.authorization-server.enabled", havingValue = "true", matchIfMissing = true)
class AuthorizationServerConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, Refusals refusals, RateLimits rateLimits) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> { })
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                // guessing secrets is slow (bcrypt) and limited per address; a demo client's secret works from loopback only
                // (the client is authenticated after the pre-authentication slot, and the token issued after the rules)
                .addFilterBefore(rateLimits.filter(), AbstractPreAuthenticatedProcessingFilter.class)
                .addFilterBefore(new DemoCredentials(refusals), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(SystemClients clients, SecurityProperties properties) {
        List<RegisteredClient> registered = clients.registered(properties.authorizationServer().tokenTtl());
        if (registered.isEmpty()) {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient client) {
                    throw new UnsupportedOperationException("clients come from onewindow.security.authorization-server.clients-file");
                }

                @Override
                public RegisteredClient findById(String id) {
                    return null;
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return null;
                }
            };
        }
        return new InMemoryRegisteredClientRepository(registered);
    }

    /** Issued tokens kept while they are valid, at most 100,000 (one client asking in a loop cannot fill the heap). */
    @Bean
    IssuedTokens issuedTokens(SecurityProperties properties) {
        return new IssuedTokens(properties.authorizationServer().tokenTtl(), 100_000);
    }

    @Bean
    RSAKey tokenSigningKey(ResourceLoader resources, SecurityProperties properties) {
        return SigningKey.read(resources, properties.authorizationServer().signingKey());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey tokenSigningKey) {
        return new ImmutableJWKSet<>(new JWKSet(tokenSigningKey));
    }

    /** The hub checks its own tokens with the same key, without a call to itself. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        // no fixed issuer: it is the URL the hub is reached at, as its metadata endpoint shows
        return AuthorizationServerSettings.builder().build();
    }

    /** Tokens name their client (client_id) and say whether it is a demo client (demo: loopback only). */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims() {
        return context -> {
            RegisteredClient client = context.getRegisteredClient();
            context.getClaims().claim("client_id", client.getClientId());
            if (Boolean.TRUE.equals(client.getClientSettings().getSetting(SystemClients.DEMO_SETTING))) {
                context.getClaims().claim("demo", true);
            }
        };
    }
}
