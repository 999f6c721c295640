package org.onewindow.hub.licences;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.onewindow.adapters.kit.DepartmentOutage;
import org.onewindow.hub.access.AccessLog;
import org.onewindow.hub.departments.CircuitBreakerProperties;
import org.onewindow.hub.messagelog.Channel;
import org.onewindow.hub.outbound.GatewayLookups;
import org.onewindow.hub.outbound.ProvincialGateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onewindow.schemas.licences.TrustedIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** E-licences: the trust list, the library client, the verifier with its cache, and the status feed. */
@Configuration(proxyBeanMethods = false)
class LicencesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LicencesConfiguration.class);

    @Bean
    TrustList trustList(LicenceProperties properties, ObjectMapper objectMapper) {
        List<TrustedIssuer> issuers = new ArrayList<>();
        try (InputStream in = new PathMatchingResourcePatternResolver().getResource(properties.trustList()).getInputStream()) {
            for (JsonNode issuer : objectMapper.readTree(in).path("issuers")) {
                issuers.add(objectMapper.treeToValue(issuer, TrustedIssuer.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the e-licence trust list " + properties.trustList(), e);
        }
        TrustList trustList = new TrustList(issuers);
        log.info("E-licence trust list {}: {} issuers", properties.trustList(), issuers.size());
        return trustList;
    }

    /**
     * The library is one service of the provincial gateway ({@link ProvincialGateway}): the hub's pooled HTTP client,
     * its own timeouts and circuit breaker (the department routes' kind, onewindow.circuit-breaker.* overridden by
     * onewindow.licences.library.circuit-breaker.*). Its look-ups are kept as long as verified results
     * (onewindow.licences.cache.ttl-ms), unless onewindow.gateway.cache-lookups is false.
     */
    @Bean
    LicenceLibrary licenceLibrary(LicenceProperties properties, ObjectMapper objectMapper, Environment environment, AccessLog accessLog,
                                  CircuitBreakerProperties circuitBreakers, ProvincialGateway gateway,
                                  GatewayLookups gatewayLookups) {
        CircuitBreaker circuit = DepartmentOutage.circuitBreaker("e-licence-library", "e-licence library (电子证照库)",
                circuitBreakers.overriddenBy(environment, "onewindow.licences.library.circuit-breaker"), failure -> true,
                "not answering; new cases wait in WAITING_VERIFICATION at once", "answering again");
        Duration timeout = Duration.ofMillis(properties.library().timeoutMs());
        ProvincialGateway.Service library = gateway.service(LicenceLibrary.PARTY, Channel.LICENCE_LIBRARY, baseUrl(environment),
                circuit, Duration.ofMillis(properties.library().connectTimeoutMs()), timeout);
        return new LicenceLibrary(library, objectMapper, timeout, accessLog, gatewayLookups);
    }

    @Bean
    VerificationCache verificationCache(LicenceProperties properties, Clock clock) {
        return new VerificationCache(clock, Duration.ofMillis(properties.cache().ttlMs()), properties.cache().maximumSize());
    }

    @Bean
    FeedStatuses feedStatuses() {
        return new FeedStatuses();
    }

    @Bean
    LicenceVerifier licenceVerifier(TrustList trustList, VerificationCache cache, FeedStatuses feedStatuses, Clock clock,
                                    LicenceProperties properties) {
        return new LicenceVerifier(trustList, cache, feedStatuses, clock, ZoneId.of(properties.timeZone()));
    }

    /** Called by the route licence-status-feed (routes/.../licence-status-feed.yaml). */
    @Bean
    LicenceStatusFeed licenceStatusFeed(LicenceLibrary library, VerificationCache cache, FeedStatuses feedStatuses) {
        return new LicenceStatusFeed(library, cache, feedStatuses);
    }

    /**
     * Read at the first call, not at start: in the embedded default the simulators set the provincial
     * platform's URL while the application starts, after this bean may have been made.
     */
    private static Supplier<String> baseUrl(Environment environment) {
        AtomicReference<String> resolved = new AtomicReference<>();
        return () -> resolved.updateAndGet(url -> url != null ? url
                : environment.getRequiredProperty("onewindow.licences.library.base-url").replaceAll("/+$", ""));
    }
}
