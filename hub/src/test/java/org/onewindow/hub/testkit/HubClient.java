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

/** Talks to a running hub over real HTTP, as the intake system does. */
public final class HubClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public HubClient(int port) {
        this.base = "http://localhost:" + port;
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

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
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
