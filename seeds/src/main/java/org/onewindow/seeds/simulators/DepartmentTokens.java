package org.onewindow.seeds.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A simulated department's access tokens: asked for at the hub's token endpoint (OAuth2 client credentials, RFC 6749
 * section 4.4) with the department's own client id and secret, and reused until shortly before they expire.
 */
final class DepartmentTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant renewAfter = Instant.EPOCH;

    DepartmentTokens(String clientId, String clientSecret, String scope) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
    }

    /** The client of a department, from its client.json ({clientId, clientSecret, scope}). */
    static DepartmentTokens of(String json) throws IOException {
        JsonNode client = JSON.readTree(json);
        return new DepartmentTokens(client.path("clientId").asText(), client.path("clientSecret").asText(), client.path("scope").asText());
    }

    synchronized String token(String hubBaseUrl) throws IOException, InterruptedException {
        if (token != null && Instant.now().isBefore(renewAfter)) {
            return token;
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(hubBaseUrl + "/oauth2/token"))
                .timeout(Duration.ofSeconds(DepartmentCallbacks.ANSWER_WITHIN_SECONDS))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the hub refused a token to " + clientId + ": HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        token = answer.path("access_token").asText();
        renewAfter = Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong(60) - 60));
        return token;
    }
}
