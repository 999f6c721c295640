package org.onewindow.hub.outbound;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.IdleConnectionEvictor;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.onewindow.hub.messagelog.MessageLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * How the hub calls out over HTTP: one pool of keep-alive connections (Apache HttpClient 5), used by every department
 * adapter's camel-http endpoint (rest-json-call, http-xml-call) and by the provincial gateway client, so a call finds
 * an open connection instead of opening one, whichever route makes it.
 */
@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

    @Bean(destroyMethod = "close")
    PoolingHttpClientConnectionManager outboundConnections(HttpClientProperties properties) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
                .setMaxConnTotal(properties.maxTotal())
                .setMaxConnPerRoute(properties.maxPerRoute())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(properties.validateAfterInactivityMs()))
                        .build())
                .build();
    }

    /** Closes connections idle for idle-timeout-ms (one thread that wakes now and then, for the whole pool). */
    @Bean
    SmartLifecycle outboundIdleConnections(PoolingHttpClientConnectionManager outboundConnections, HttpClientProperties properties) {
        TimeValue idle = TimeValue.ofMilliseconds(properties.idleTimeoutMs());
        IdleConnectionEvictor evictor = new IdleConnectionEvictor(outboundConnections, idle, idle);
        return new SmartLifecycle() {
            @Override
            public void start() {
                evictor.start();
            }

            @Override
            public void stop() {
                evictor.shutdown();
            }

            @Override
            public boolean isRunning() {
                return evictor.isRunning();
            }
        };
    }

    /**
     * Calls to departments (camel-http), on the shared pool: an endpoint's own pool options (connectionsPerRoute,
     * maxTotalConnections, soTimeout) are not used; its connectTimeout and responseTimeout are. The HTTP client's own
     * retries are off: it would silently wait out a Retry-After and repeat requests, where the routes' retry policy must
     * decide and be seen.
     */
    @Bean("http")
    HttpComponent http(PoolingHttpClientConnectionManager outboundConnections, HttpClientProperties properties) {
        HttpComponent http = new HttpComponent();
        http.setClientConnectionManager(outboundConnections);
        // a full pool is waited on as briefly as by the gateway client, not camel-http's default 3 minutes
        http.setConnectionRequestTimeout(properties.leaseTimeoutMs());
        http.setAutomaticRetriesDisabled(true);
        http.setRedirectHandlingDisabled(true);
        http.setCookieManagementDisabled(true);
        return http;
    }

    /** The provincial gateway client, on the same pool, with the same rules: no retries, redirects or cookies of its own. */
    @Bean(destroyMethod = "")
    ProvincialGateway provincialGateway(PoolingHttpClientConnectionManager outboundConnections, HttpClientProperties properties,
                                        MessageLog messageLog, Clock clock, MeterRegistry meters) {
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(outboundConnections)
                .setConnectionManagerShared(true)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        return new ProvincialGateway(client, messageLog, clock, Duration.ofMillis(properties.leaseTimeoutMs()), meters);
    }

    /**
     * How long the gateway's look-ups are kept: as long as verified e-licence results (onewindow.licences.cache.ttl-ms,
     * at most a minute, so a change the feed misses still counts within a minute), unless
     * onewindow.gateway.cache-lookups is false.
     */
    @Bean
    GatewayLookups gatewayLookups(Clock clock, @Value("${onewindow.licences.cache.ttl-ms}") long ttlMs,
                                        @Value("${onewindow.licences.cache.maximum-size}") long maximumSize,
                                        @Value("${onewindow.gateway.cache-lookups}") boolean enabled) {
        return new GatewayLookups(clock, Duration.ofMillis(ttlMs), maximumSize, enabled);
    }
}
