package org.onewindow.hub.materials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.onewindow.adapters.kit.DepartmentOutage;
import org.onewindow.hub.access.AccessLog;
import org.onewindow.hub.access.DataKind;
import org.onewindow.hub.access.DataRead;
import org.onewindow.hub.departments.CircuitBreakerProperties;
import org.onewindow.hub.messagelog.Channel;
import org.onewindow.hub.outbound.GatewayAnswer;
import org.onewindow.hub.outbound.GatewayFailure;
import org.onewindow.hub.outbound.GatewayLookups;
import org.onewindow.hub.outbound.LookupCache;
import org.onewindow.hub.outbound.ProvincialGateway;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks the department that owns a record for it, through the provincial data-sharing exchange (数据共享交换平台),
 * which carries every department's shared data under the sharing agreements. The query names the agreement,
 * the purpose and the case, so the owner can refuse a read it is not bound to answer. The exchange is one service of
 * the provincial gateway ({@link ProvincialGateway}: the hub's pooled HTTP client, the message log, its own circuit
 * breaker of the department routes' kind).
 *
 * <p>A record found is kept for the same owner, data item, holder, consumer, agreement and purpose for a short while
 * ({@link LookupCache}, onewindow.licences.cache.ttl-ms): the next case of the same holder and purpose is answered
 * without asking the exchange again, and that read is permitted and logged for its own case all the same. "None held",
 * refusals and failures are never kept.
 */
@Component
class SharedDataExchange {

    static final String SERVICE_CODE = "DX.SHARED-DATA.QUERY";
    private static final String PATH = "/gateway/api/v1/data-exchange/queries";
    /** The exchange's name in the message log (and for onewindow.message-log.keep-bodies). */
    static final String PARTY = "data-exchange";

    /** A look-up: everything the owner's answer may depend on. */
    private record Lookup(String owner, String dataItem, String holderId, String consumer, String agreement, String purpose) {
    }

    private final ObjectMapper objectMapper;
    private final ProvincialGateway.Service exchange;
    private final AccessLog accessLog;
    private final LookupCache<Lookup, String> lookups;

    SharedDataExchange(Environment environment, ObjectMapper objectMapper, MaterialProperties properties, AccessLog accessLog,
                       CircuitBreakerProperties circuitBreakers, ProvincialGateway gateway, GatewayLookups gatewayLookups) {
        this.objectMapper = objectMapper;
        this.accessLog = accessLog;
        CircuitBreaker circuit = DepartmentOutage.circuitBreaker("data-exchange", "data exchange (数据共享交换平台)",
                circuitBreakers.overriddenBy(environment, "onewindow.materials.data-exchange.circuit-breaker"), failure -> true,
                "not answering; new cases wait in WAITING_VERIFICATION at once", "answering again");
        // the URL is read at each call: in the embedded default the simulators set it while the hub starts
        this.exchange = gateway.service(PARTY, Channel.DATA_EXCHANGE,
                () -> environment.getRequiredProperty("onewindow.departments.provincial.base-url"), circuit,
                properties.lookupTimeout(), properties.lookupTimeout());
        this.lookups = gatewayLookups.create();
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
        Lookup lookup = new Lookup(owner, dataItem, holder.id(), consumer, agreement, purpose);
        String source = dataItem + " of " + owner + (agreement == null ? " (its own record)" : " under " + agreement);
        Optional<LookupCache.Kept<String>> kept = lookups.find(lookup);
        if (kept.isPresent()) {
            accessLog.record(new DataRead(caller, holder.id(), DataKind.SHARED_DATA, what + " " + kept.get().answer() + LookupCache.FROM_CACHE,
                    purpose, caseId));
            // verified when the exchange answered, not now
            return LookupOutcome.found(kept.get().answer(), kept.get().answeredAt(), source);
        }
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
        byte[] query;
        try {
            query = objectMapper.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a data exchange query", e);
        }
        GatewayAnswer answer;
        try {
            answer = exchange.postJson(PATH, query, requestId, "POST " + PATH + " " + SERVICE_CODE, caseId);
        } catch (GatewayFailure failure) {
            return LookupOutcome.unavailable(unanswered(failure));
        }
        JsonNode reply;
        try {
            reply = objectMapper.readTree(answer.body());
        } catch (IOException e) {
            return LookupOutcome.unavailable("the data exchange answered HTTP " + answer.status() + " without JSON");
        }
        String code = reply.path("head").path("code").asText();
        if ("200".equals(code) && reply.path("data").hasNonNull("recordRef")) {
            String recordRef = reply.path("data").path("recordRef").asText();
            accessLog.record(new DataRead(caller, holder.id(), DataKind.SHARED_DATA, what + " " + recordRef, purpose, caseId));
            // a case answered from the kept look-up later says the same time of verification
            return LookupOutcome.found(recordRef, lookups.keep(lookup, recordRef).answeredAt(), source);
        }
        if ("404".equals(code)) {
            // not kept: a record made a moment later must be found by the next case
            accessLog.record(new DataRead(caller, holder.id(), DataKind.SHARED_DATA, what + " (none held)", purpose, caseId));
            return LookupOutcome.notUsable(owner + " holds no " + dataItem + " for this holder");
        }
        return LookupOutcome.unavailable("the data exchange refused the query: HTTP " + answer.status()
                + " " + reply.path("head").path("message").asText(""));
    }

    /** The data exchange's circuit breaker, for operators (health) to see whether it answers. */
    CircuitBreaker circuit() {
        return exchange.circuit();
    }

    /** Shown as a waiting case's reason: in words, not the exception's class. */
    private static String unanswered(GatewayFailure failure) {
        return switch (failure.kind()) {
            case NOT_PERMITTED -> "the data exchange failed most recent calls, so it is not asked again until its "
                    + "circuit breaker lets a probe through";
            case NO_ANSWER_IN_TIME -> "the data exchange cannot be reached: no answer in time";
            case CONNECTION_REFUSED -> "the data exchange cannot be reached: connection refused";
            case CONNECTION_FAILED -> "the data exchange cannot be reached: the connection failed";
            case INTERRUPTED -> "interrupted while asking the data exchange";
            case SERVER_ERROR -> "the data exchange answered HTTP " + failure.status();
        };
    }
}
