package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * The intake system as the benchmark plays it: submits cases and follows them, over plain HTTP, with the access
 * token of the demo intake system hall-xuanwu (or, for the hub's meters, of the demo Prometheus scrape), asked for
 * once at the hub's token endpoint as a real system does.
 */
final class BenchHttp {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** the demo callers of seeds/security/clients.yaml (secrets as README.md lists them) */
    static final String[] INTAKE = {"hall-xuanwu", "demo-xuanwu-secret", "intake verifier"};
    static final String[] METRICS = {"prometheus", "demo-prometheus-secret", "metrics"};

    private final HttpClient client;
    private final String base;
    private final String[] caller;
    private volatile String authorization;

    BenchHttp(String base, int threads) {
        this(base, threads, INTAKE);
    }

    BenchHttp(String base, int threads, String[] caller) {
        this.base = base;
        this.caller = caller;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    /** "Bearer <token>" of this client's caller, asked for once (tokens live 30 minutes; a bench run is shorter). */
    String authorization() {
        if (authorization == null) {
            String basic = java.util.Base64.getEncoder().encodeToString((caller[0] + ":" + caller[1])
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                            + java.net.URLEncoder.encode(caller[2], java.nio.charset.StandardCharsets.UTF_8))).build());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("the hub refused a token to " + caller[0] + ": " + reply.statusCode() + " " + reply.body());
            }
            authorization = "Bearer " + read(reply.body()).get("access_token").asText();
        }
        return authorization;
    }

    HttpRequest submission(String body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The case id of an accepted submission; anything but 202 is a failed submission. */
    static String caseIdOf(HttpResponse<String> reply) {
        if (reply.statusCode() != 202) {
            throw new IllegalStateException("submission answered " + reply.statusCode() + ": " + reply.body());
        }
        return read(reply.body()).get("caseId").asText();
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    String submit(String body) {
        return caseIdOf(send(submission(body)));
    }

    JsonNode get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (!path.equals("/actuator/health")) {
            request.header("Authorization", authorization());
        }
        HttpResponse<String> reply = send(request.build());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return read(reply.body());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
