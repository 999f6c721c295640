package org.onewindow.hub.security;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * People sign in through the organisation's identity provider (OIDC, as in production), played by WireMock on
 * loopback: the hub sends the browser there, takes the code back, checks the signed ID token, and gives the person
 * the roles its roles claim names.
 */
class OidcLoginTest extends HubTest {

    private static final RSAKey PROVIDER_KEY = key();
    private static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        if (!PROVIDER.isRunning()) {
            PROVIDER.start();
            String issuer = PROVIDER.baseUrl();
            PROVIDER.stubFor(get(urlPathEqualTo("/.well-known/openid-configuration")).willReturn(okJson("""
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                     "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","profile"]}""".formatted(issuer))));
            PROVIDER.stubFor(get(urlPathEqualTo("/jwks")).willReturn(okJson(new JWKSet(PROVIDER_KEY.toPublicJWK()).toString())));
        }
        registry.add("spring.security.oauth2.client.registration.hub-login.client-id", () -> "onewindow-hub");
        registry.add("spring.security.oauth2.client.registration.hub-login.client-secret", () -> "hub-secret-at-the-provider");
        registry.add("spring.security.oauth2.client.registration.hub-login.scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.provider.hub-login.issuer-uri", PROVIDER::baseUrl);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @Test
    void anOperatorSignsInThroughTheIdentityProviderWithTheRolesItNames() throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String hub = "http://localhost:" + port;

        // the hub sends the browser to the provider, with state and nonce
        HttpResponse<String> start = browser.send(HttpRequest.newBuilder(URI.create(hub + "/oauth2/authorization/hub-login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(PROVIDER.baseUrl() + "/authorize");
        Map<String, String> query = Arrays.stream(authorize.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        String session = cookie(start);

        // the person signs in at the provider, which answers the hub's code exchange with a signed ID token
        PROVIDER.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("""
                {"access_token":"at-%s","token_type":"Bearer","expires_in":300,"id_token":"%s"}"""
                .formatted(UUID.randomUUID(), idToken(query.get("nonce"), List.of("operator"))))));
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(hub + "/login/oauth2/code/hub-login?code=the-code&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8))).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        String signedIn = cookie(back);

        // signed in as an operator: the health details are shown
        HttpResponse<String> health = browser.send(HttpRequest.newBuilder(URI.create(hub + "/actuator/health"))
                .header("Cookie", signedIn).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"components\"");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(hub + "/login"))
                .header("Cookie", signedIn).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("已登录 Signed in", "wang.yunwei", "operator");
        // the hub exchanged exactly the code the provider gave the browser
        assertThat(PROVIDER.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/token"))))
                .singleElement().satisfies(r -> assertThat(r.getBodyAsString()).contains("code=the-code"));
    }

    private static String idToken(String nonce, List<String> roles) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(PROVIDER_KEY.getKeyID()).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer(PROVIDER.baseUrl()).subject("wang.yunwei").audience("onewindow-hub").claim("nonce", nonce)
                        .claim("roles", roles).claim("name", "王运维").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                        .build());
        jwt.sign(new RSASSASigner(PROVIDER_KEY));
        return jwt.serialize();
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("provider-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
