package org.onewindow.hub.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Talks to a running hub over real HTTP, as one caller: by default the intake system of the Xuanwu hall
 * (hall-xuanwu, scopes intake and verifier), with an access token it asks the hub's token endpoint for, as a real
 * intake system does. {@link #as} calls as another demo caller, {@link #withBearer} with a given token (a holder's,
 * an expired one), {@link #anonymous} without credentials.
 */
public final class HubClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** tokens already issued, per hub and client: a test asks once per client, as a real system does */
    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private final String base;
    private final java.util.function.Supplier<String> authorization;

    public HubClient(int port) {
        this("http://localhost:" + port, null);
        // the default caller, resolved lazily: a test of the open paths never asks for a token
    }

    private HubClient(String base, java.util.function.Supplier<String> authorization) {
        this.base = base;
        this.authorization = authorization == null ? () -> bearer(base, DemoCallers.HALL_XUANWU) : authorization;
    }

    /** The same hub, called as another demo caller (a system with its token, a person with Basic credentials). */
    public HubClient as(DemoCallers caller) {
        return new HubClient(base, caller.isPerson()
                ? () -> "Basic " + java.util.Base64.getEncoder().encodeToString((caller.id() + ":" + caller.secret())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : () -> bearer(base, caller));
    }

    /** The same hub, called with this bearer token (a holder token, a forged or expired JWT). */
    public HubClient withBearer(String token) {
        return new HubClient(base, () -> "Bearer " + token);
    }

    /** The same hub, called without any credentials. */
    public HubClient anonymous() {
        return new HubClient(base, () -> null);
    }

    /** An access token for the caller, from the hub's token endpoint (client credentials). */
    public String token(DemoCallers caller) {
        return bearer(base, caller).substring("Bearer ".length());
    }

    private static String bearer(String base, DemoCallers caller) {
        return "Bearer " + TOKENS.computeIfAbsent(base + " " + caller.id(), key -> {
            String basic = java.util.Base64.getEncoder().encodeToString((caller.id() + ":" + caller.secret())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                            + java.net.URLEncoder.encode(caller.scopes, java.nio.charset.StandardCharsets.UTF_8))).build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new AssertionError("the hub refused a token to " + caller.id() + ": " + response.statusCode() + " " + response.body());
                }
                return JSON.readTree(response.body()).get("access_token").asText();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    public record Reply(int status, String contentType, String location, String body, java.net.http.HttpHeaders headers) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public Reply submit(String idempotencyKey, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Reply post(String path, String contentType, String idempotencyKey, HttpRequest.BodyPublisher body) {
        return post(path, contentType, idempotencyKey, body, java.util.Map.of());
    }

    public Reply post(String path, String contentType, String idempotencyKey, HttpRequest.BodyPublisher body,
                      java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).POST(body);
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public Reply get(String path, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Submits and returns the new case's id, failing unless the hub answered 202. */
    public String submitAccepted(String idempotencyKey, String body) {
        Reply reply = submit(idempotencyKey, body);
        if (reply.status() != 202) {
            throw new AssertionError("expected 202, got " + reply.status() + ": " + reply.body());
        }
        return reply.json().get("caseId").asText();
    }

    public JsonNode caseView(String caseId) {
        Reply reply = get("/api/v1/cases/" + caseId);
        if (reply.status() != 200) {
            throw new AssertionError("GET case " + caseId + " gave " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    private Reply send(HttpRequest unsigned) {
        HttpRequest request = unsigned;
        String credentials = authorization.get();
        if (credentials != null && unsigned.headers().firstValue("Authorization").isEmpty()) {
            request = HttpRequest.newBuilder(unsigned, (name, value) -> true).header("Authorization", credentials).build();
        }
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Optional<String> type = response.headers().firstValue("Content-Type");
            return new Reply(response.statusCode(), type.orElse(null), response.headers().firstValue("Location").orElse(null),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
