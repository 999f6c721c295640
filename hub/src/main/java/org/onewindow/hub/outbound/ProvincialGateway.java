package org.onewindow.hub.outbound;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.onewindow.adapters.kit.DepartmentOutage;
import org.onewindow.hub.messagelog.Body;
import org.onewindow.hub.messagelog.Channel;
import org.onewindow.hub.messagelog.LoggedExchange;
import org.onewindow.hub.messagelog.MessageLog;
import org.onewindow.hub.observability.CircuitMeters;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one client of the provincial gateway (省级政务服务平台网关), which carries the e-licence library (电子证照库) and the
 * data-sharing exchange (数据共享交换平台): the hub's pooled keep-alive HTTP client (onewindow.http-client, shared with the
 * department adapters' camel-http calls), and for each service behind the gateway its own circuit breaker (the
 * department routes' kind, {@link DepartmentOutage#circuitBreaker}), timeouts and message-log party.
 *
 * <p>Every exchange, whatever its outcome, is recorded in the signed message log with the service's channel and
 * party, the operation, the case and the SHA-256 of both bodies; a call its circuit breaker refuses is no exchange and
 * is not recorded. Unreachable, no answer in time and 5xx count against the service's breaker; any other answer,
 * 4xx included, is the service's answer and goes back to the caller. The calls run on the caller's thread.
 */
public final class ProvincialGateway {

    private final CloseableHttpClient http;
    private final MessageLog messageLog;
    private final Clock clock;
    private final Duration leaseTimeout;
    /** every service made, by party, for operators (the console's material sources) */
    private final java.util.Map<String, Service> services = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final MeterRegistry meters;

    ProvincialGateway(CloseableHttpClient http, MessageLog messageLog, Clock clock, Duration leaseTimeout, MeterRegistry meters) {
        this.meters = meters;
        this.http = http;
        this.messageLog = messageLog;
        this.clock = clock;
        this.leaseTimeout = leaseTimeout;
    }

    /**
     * A service behind the gateway.
     *
     * @param party           its name in the message log (and for onewindow.message-log.keep-bodies)
     * @param channel         the message log's channel for its exchanges
     * @param baseUrl         read at each call (in the embedded default the simulators set it while the hub starts)
     * @param circuit         its circuit breaker, for operators to see and for callers to be refused at once while open;
     *                        its state is the gauge onewindow.circuit.state{circuit=its name} ({@link CircuitMeters})
     * @param connectTimeout  to open a connection
     * @param responseTimeout for the answer, once connected
     */
    public Service service(String party, Channel channel, Supplier<String> baseUrl, CircuitBreaker circuit,
                           Duration connectTimeout, Duration responseTimeout) {
        @SuppressWarnings("deprecation") // per request: the pool's connection config is shared with the departments
        RequestConfig config = RequestConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setResponseTimeout(Timeout.of(responseTimeout))
                .setConnectionRequestTimeout(Timeout.of(leaseTimeout))
                .build();
        CircuitMeters.bind(meters, circuit);
        Service service = new Service(party, channel, baseUrl, circuit, config);
        services.put(party, service);
        return service;
    }

    /** The services behind the gateway, by their party names (e-licence-library, data-exchange, the case report feed). */
    public java.util.Map<String, Service> services() {
        return java.util.Collections.unmodifiableMap(services);
    }

    /** One service behind the gateway: its breaker, its timeouts, its party in the message log. */
    public final class Service {

        private final String party;
        private final Channel channel;
        private final Supplier<String> baseUrl;
        private final CircuitBreaker circuit;
        private final RequestConfig config;

        private Service(String party, Channel channel, Supplier<String> baseUrl, CircuitBreaker circuit, RequestConfig config) {
            this.party = party;
            this.channel = channel;
            this.baseUrl = baseUrl;
            this.circuit = circuit;
            this.config = config;
        }

        /** The service's circuit breaker, for operators (health) to see whether it answers. */
        public CircuitBreaker circuit() {
            return circuit;
        }

        /** When a caller refused because the service is down should try again: its breaker's wait in the open state. */
        public Duration retryAfter() {
            return Duration.ofMillis(circuit.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
        }

        /**
         * GET {@code pathAndQuery}, Accept: application/json.
         *
         * @param operation what the message log names the exchange, e.g. {@code GET /gateway/api/v1/e-licences/{identifier}}
         * @param caseId    the case the call serves, or null (the status feed)
         */
        public GatewayAnswer get(String pathAndQuery, String operation, String caseId) throws GatewayFailure {
            return call(new HttpGet(baseUrl.get() + pathAndQuery), null, null, operation, caseId);
        }

        /** POST a JSON body to {@code path}; {@code requestId} goes in X-Request-Id (a new one when null). */
        public GatewayAnswer postJson(String path, byte[] json, String requestId, String operation, String caseId)
                throws GatewayFailure {
            return call(new HttpPost(baseUrl.get() + path), json, requestId, operation, caseId);
        }

        private GatewayAnswer call(HttpUriRequestBase request, byte[] body, String requestId, String operation, String caseId)
                throws GatewayFailure {
            if (!circuit.tryAcquirePermission()) {
                throw new GatewayFailure(GatewayFailure.Kind.NOT_PERMITTED, 0, retryAfter(), null);
            }
            request.setConfig(config);
            request.setHeader("Accept", "application/json");
            // the provincial gateway refuses any call without one (seeds/simulators/provincial)
            request.setHeader("X-Request-Id", requestId != null ? requestId : UUID.randomUUID().toString());
            if (body != null) {
                request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            }
            long start = System.nanoTime();
            GatewayAnswer answer;
            try {
                answer = http.execute(request, response -> new GatewayAnswer(response.getCode(),
                        response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
            } catch (IOException e) {
                GatewayFailure.Kind kind = kindOf(e);
                logged(operation, body, caseId, start, kind == GatewayFailure.Kind.INTERRUPTED ? "no answer: interrupted"
                        : "no answer: " + e.getClass().getSimpleName(), null);
                GatewayFailure failure = new GatewayFailure(kind, 0, retryAfter(), e);
                if (kind == GatewayFailure.Kind.INTERRUPTED) {
                    // the hub stopping its own thread says nothing about the service
                    circuit.releasePermission();
                    Thread.currentThread().interrupt();
                } else {
                    circuit.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
                }
                throw failure;
            }
            logged(operation, body, caseId, start, String.valueOf(answer.status()), answer.body());
            if (answer.status() >= 500) {
                GatewayFailure failure = new GatewayFailure(GatewayFailure.Kind.SERVER_ERROR, answer.status(), retryAfter(), null);
                circuit.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
                throw failure;
            }
            circuit.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return answer;
        }

        /** One exchange and its answer (or the failure to get one), in the message log. */
        private void logged(String operation, byte[] requestBody, String caseId, long start, String status, byte[] responseBody) {
            messageLog.record(new LoggedExchange(clock.instant(), (System.nanoTime() - start) / 1_000_000, channel, "hub", party,
                    null, operation, caseId, null, status, Body.of(requestBody),
                    responseBody == null ? Body.unseen(null) : Body.of(responseBody)));
        }
    }

    private static GatewayFailure.Kind kindOf(IOException e) {
        if (e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException
                || e instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException) {
            return GatewayFailure.Kind.NO_ANSWER_IN_TIME;
        }
        if (e instanceof ConnectException) {
            return GatewayFailure.Kind.CONNECTION_REFUSED;
        }
        if (e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
            return GatewayFailure.Kind.INTERRUPTED;
        }
        return GatewayFailure.Kind.CONNECTION_FAILED;
    }
}
