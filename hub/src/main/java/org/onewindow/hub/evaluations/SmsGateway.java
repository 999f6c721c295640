package org.onewindow.hub.evaluations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;

/**
 * The SMS gateway (短信网关) that invites applicants to rate their case: POST {base-url}/sms/v1/messages with the mobile
 * number, a template and its parameters; the answer names the gateway's message id. Through the hub's one pool of
 * outbound connections. In the embedded default the gateway is a WireMock simulator (seeds/simulators/sms-gateway).
 */
@Component
class SmsGateway {

    static final String TEMPLATE = "EVALUATION_INVITATION";

    private final CloseableHttpClient client;
    private final ObjectMapper objectMapper;
    private final org.springframework.core.env.Environment environment;

    SmsGateway(PoolingHttpClientConnectionManager outboundConnections, ObjectMapper objectMapper, EvaluationProperties properties,
               org.springframework.core.env.Environment environment) {
        this.objectMapper = objectMapper;
        this.environment = environment;
        this.client = HttpClients.custom().setConnectionManager(outboundConnections).setConnectionManagerShared(true)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(properties.smsGateway().connectTimeoutMs()))
                        .setResponseTimeout(Timeout.ofMilliseconds(properties.smsGateway().responseTimeoutMs())).build())
                .disableAutomaticRetries().build();
    }

    /** The gateway's message id; a failure says why (never the mobile number). */
    String send(String mobile, Map<String, String> params) throws SmsFailure {
        // read at each send: the embedded simulator sets its address once it listens, after the settings were bound
        HttpPost post = new HttpPost(environment.getRequiredProperty("onewindow.evaluations.sms-gateway.base-url") + "/sms/v1/messages");
        try {
            post.setEntity(new ByteArrayEntity(objectMapper.writeValueAsBytes(Map.of("mobile", mobile, "template", TEMPLATE,
                    "params", params)), ContentType.APPLICATION_JSON));
            return client.execute(post, response -> {
                String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
                if (response.getCode() != 200 && response.getCode() != 201 && response.getCode() != 202) {
                    throw new IOException("the SMS gateway answered " + response.getCode());
                }
                JsonNode answer = objectMapper.readTree(body);
                if (!answer.hasNonNull("messageId")) {
                    throw new IOException("the SMS gateway's answer names no messageId");
                }
                return answer.get("messageId").asText();
            });
        } catch (IOException e) {
            throw new SmsFailure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    static final class SmsFailure extends Exception {
        SmsFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
