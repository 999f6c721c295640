package org.onewindow.hub.province;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.onewindow.adapters.kit.DepartmentOutage;
import org.onewindow.hub.departments.CircuitBreakerProperties;
import org.onewindow.hub.messagelog.Channel;
import org.onewindow.hub.outbound.ProvincialGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The case report feed (办件信息上报): the province's API client with its own circuit breaker, and the drain. */
@Configuration(proxyBeanMethods = false)
class ProvinceFeedConfiguration {

    /**
     * One service of the provincial gateway ({@link ProvincialGateway}): the pooled HTTP client, its own timeouts and
     * circuit breaker (onewindow.circuit-breaker.* overridden by onewindow.province.feed.circuit-breaker.*; a timeout,
     * a refused connection or a 5xx counts), its exchanges in the message log.
     */
    @Bean
    ProvinceFeedClient provinceFeedClient(ProvinceFeedProperties properties, Environment environment, ObjectMapper objectMapper,
                                          CircuitBreakerProperties circuitBreakers, ProvincialGateway gateway) {
        CircuitBreaker circuit = DepartmentOutage.circuitBreaker("province-case-reports", "case report feed (办件信息上报)",
                circuitBreakers.overriddenBy(environment, "onewindow.province.feed.circuit-breaker"), failure -> true,
                "not answering; records wait in the hub and go in order once it answers", "answering again");
        ProvincialGateway.Service service = gateway.service(ProvinceFeedClient.PARTY, Channel.CASE_REPORT, baseUrl(environment),
                circuit, Duration.ofMillis(properties.connectTimeoutMs()), Duration.ofMillis(properties.responseTimeoutMs()));
        return new ProvinceFeedClient(service, objectMapper, ZoneId.of(properties.reconciliation().timeZone()));
    }

    /** Called by the route case-report-feed (routes/.../case-report-feed.yaml). */
    @Bean("caseReportFeed")
    CaseReportDrain caseReportFeed(CaseReportStore store, ProvinceFeedClient client, FeedAnomalies anomalies, Clock clock,
                                   ProvinceFeedProperties properties, MeterRegistry meters) {
        return new CaseReportDrain(store, client, anomalies, clock, properties, meters);
    }

    /** Read at the first call: in the embedded default the simulators set the province's URL while the hub starts. */
    private static Supplier<String> baseUrl(Environment environment) {
        AtomicReference<String> resolved = new AtomicReference<>();
        return () -> resolved.updateAndGet(url -> url != null ? url
                : environment.getRequiredProperty("onewindow.province.feed.base-url").replaceAll("/+$", ""));
    }
}
