package org.onewindow.hub.materials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.onewindow.adapters.kit.DepartmentOutage;
import org.onewindow.hub.access.AccessLog;
import org.onewindow.hub.access.DataKind;
import org.onewindow.hub.access.DataRead;
import org.onewindow.hub.departments.CircuitBreakerProperties;
import org.onewindow.hub.messagelog.Body;
import org.onewindow.hub.messagelog.Channel;
import org.onewindow.hub.messagelog.LoggedExchange;
import org.onewindow.hub.messagelog.MessageLog;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Asks the department that owns a record for it, through the provincial data-sharing exchange (数据共享交换平台),
 * which carries every department's shared data under the sharing agreements. The query names the agreement,
 * the purpose and the case, so the owner can refuse a read it is not bound to answer.
 */
@Component
class SharedDataExchange {

    static final String SERVICE_CODE = "DX.SHARED-DATA.QUERY";
    private static final String PATH = "/gateway/api/v1/data-exchange/queries";
    /** The exchange's name in the message log (and for onewindow.message-log.keep-bodies). */
    static final String PARTY = "data-exchange";

    private final Environment environment;
    private final ObjectMapper objectMapper;
    private final MaterialProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final AccessLog accessLog;
    private final CircuitBreaker circuit;
    private final MessageLog messageLog;

    SharedDataExchange(Environment environment, ObjectMapper objectMapper, MaterialProperties properties, Clock clock,
                       AccessLog accessLog, CircuitBreakerProperties circuitBreakers, MessageLog messageLog) {
        this.accessLog = accessLog;
        this.messageLog = messageLog;
        this.circuit = DepartmentOutage.circuitBreaker("data-exchange", "data exchange (数据共享交换平台)",
                circuitBreakers.overriddenBy(environment, "onewindow.materials.data-exchange.circuit-breaker"), failure -> true,
                "not answering; new cases wait in WAITING_VERIFICATION at once", "answering again");
        this.environment = environment;
        this.objectMapper = objectMapper;
        this.properties = properties;
        this.clock = clock;
        // HTTP/1.1 like the e-licence library client: the gateway speaks it, and no h2c upgrade is tried on each connection
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.lookupTimeout()).build();
    }

    /**
     * @param caller    whom the read serves, as the holder sees it in their access log
     * @param agreement the sharing agreement (共享协议) under which the consumer reads, or null for a department's
     *                  own data
     */
    LookupOutcome query(String caller, String owner, String dataItem, String consumer, String agreement, Holder holder,
                        String purpose, String caseId) {
        String what = dataItem + " from " + owner;
        // refused and logged as refused before anything is asked
        accessLog.permit(new DataRead(caller, holder.id(), DataKind.SHARED_DATA, what, purpose, caseId));
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("department", owner);
        body.put("dataItem", dataItem);
        body.put("holderId", holder.id());
        body.put("consumer", consumer);
        body.put("agreementCode", agreement);
        body.put("purpose", purpose);
        body.put("caseId", caseId);
        Map<String, Object> envelope = Map.of("head", Map.of("requestId", requestId, "serviceCode", SERVICE_CODE), "body", body);
        HttpResponse<byte[]> response;
        try {
            byte[] query = objectMapper.writeValueAsBytes(envelope);
            response = ask(HttpRequest.newBuilder(URI.create(baseUrl() + PATH))
                    .timeout(properties.lookupTimeout())
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", requestId)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(query))
                    .build(), query, caseId);
        } catch (Unanswered e) {
            return LookupOutcome.unavailable(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a data exchange query", e);
        }
        JsonNode reply;
        try {
            reply = objectMapper.readTree(response.body());
        } catch (IOException e) {
            return LookupOutcome.unavailable("the data exchange answered HTTP " + response.statusCode() + " without JSON");
        }
        String code = reply.path("head").path("code").asText();
        if ("200".equals(code) && reply.path("data").hasNonNull("recordRef")) {
            accessLog.record(new DataRead(caller, holder.id(), DataKind.SHARED_DATA,
                    what + " " + reply.path("data").path("recordRef").asText(), purpose, caseId));
            return LookupOutcome.found(reply.path("data").path("recordRef").asText(), clock.instant(),
                    dataItem + " of " + owner + (agreement == null ? " (its own record)" : " under " + agreement));
        }
        if ("404".equals(code)) {
            accessLog.record(new DataRead(caller, holder.id(), DataKind.SHARED_DATA, what + " (none held)", purpose, caseId));
            return LookupOutcome.notUsable(owner + " holds no " + dataItem + " for this holder");
        }
        return LookupOutcome.unavailable("the data exchange refused the query: HTTP " + response.statusCode()
                + " " + reply.path("head").path("message").asText(""));
    }

    /** The data exchange's circuit breaker, for operators (health) to see whether it answers. */
    CircuitBreaker circuit() {
        return circuit;
    }

    /**
     * One call through the exchange's circuit breaker: while it is open the case waits at once instead of after a
     * timeout; unreachable, no answer in time and 5xx count against the exchange, any other answer does not.
     */
    private HttpResponse<byte[]> ask(HttpRequest request, byte[] query, String caseId) throws Unanswered {
        if (!circuit.tryAcquirePermission()) {
            throw new Unanswered("the data exchange failed most recent calls, so it is not asked again until its "
                    + "circuit breaker lets a probe through");
        }
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            logged(query, caseId, start, String.valueOf(response.statusCode()), response.body());
            if (response.statusCode() >= 500) {
                Unanswered failure = new Unanswered("the data exchange answered HTTP " + response.statusCode());
                circuit.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
                throw failure;
            }
            circuit.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return response;
        } catch (IOException e) {
            logged(query, caseId, start, "no answer: " + e.getClass().getSimpleName(), null);
            circuit.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            // shown as a waiting case's reason: in words, not the exception's class
            throw new Unanswered("the data exchange cannot be reached: " + (e instanceof java.net.http.HttpTimeoutException
                    ? "no answer in time" : e instanceof java.net.ConnectException ? "connection refused" : "the connection failed"));
        } catch (InterruptedException e) {
            logged(query, caseId, start, "no answer: interrupted", null);
            circuit.releasePermission();
            Thread.currentThread().interrupt();
            throw new Unanswered("interrupted while asking the data exchange");
        }
    }

    /** One query and its answer (or the failure to get one), in the message log. */
    private void logged(byte[] query, String caseId, long start, String status, byte[] answer) {
        messageLog.record(new LoggedExchange(clock.instant(), (System.nanoTime() - start) / 1_000_000, Channel.DATA_EXCHANGE, "hub",
                PARTY, null, "POST " + PATH + " " + SERVICE_CODE, caseId, null, status, Body.of(query),
                answer == null ? Body.unseen(null) : Body.of(answer)));
    }

    /** The exchange gave no answer to go by; the case waits and asks again. */
    private static final class Unanswered extends Exception {
        Unanswered(String message) {
            super(message, null, false, false);
        }
    }

    private String baseUrl() {
        return environment.getRequiredProperty("onewindow.departments.provincial.base-url");
    }
}
