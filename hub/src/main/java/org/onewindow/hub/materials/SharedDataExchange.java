package org.onewindow.hub.materials;

import org.onewindow.hub.access.AccessLog;
import org.onewindow.hub.access.DataKind;
import org.onewindow.hub.access.DataRead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Asks the department that owns a record for it, through the provincial data-sharing exchange (数据共享交换平台),
 * which carries every department's shared data under the sharing agreements. The query names the agreement,
 * the purpose and the case, so the owner can refuse a read it is not bound to answer.
 */
@Component
class SharedDataExchange {

    static final String SERVICE_CODE = "DX.SHARED-DATA.QUERY";
    private static final String PATH = "/gateway/api/v1/data-exchange/queries";

    private final Environment environment;
    private final ObjectMapper objectMapper;
    private final MaterialProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final AccessLog accessLog;

    SharedDataExchange(Environment environment, ObjectMapper objectMapper, MaterialProperties properties, Clock clock,
                       AccessLog accessLog) {
        this.accessLog = accessLog;
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
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + PATH))
                    .timeout(properties.lookupTimeout())
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", requestId)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(objectMapper.writeValueAsBytes(envelope)))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 500) {
                return LookupOutcome.unavailable("the data exchange answered HTTP " + response.statusCode());
            }
            JsonNode reply = objectMapper.readTree(response.body());
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
        } catch (IOException e) {
            return LookupOutcome.unavailable("the data exchange cannot be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LookupOutcome.unavailable("interrupted while asking the data exchange");
        }
    }

    private String baseUrl() {
        return environment.getRequiredProperty("onewindow.departments.provincial.base-url");
    }
}
