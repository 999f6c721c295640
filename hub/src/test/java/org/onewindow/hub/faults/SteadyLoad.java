package org.onewindow.hub.faults;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The one window's intake system under a steady load of the demo mix (the benchmark's: open a restaurant ×3, open a
 * company ×3, birth of a child ×2, flat transfer ×2, social-insurance enrolment ×3, seeds/demo): a case every {@code interval}, each
 * with an Idempotency-Key of its own, sent to one of the hubs that are up (as a load balancer would). Like a real
 * intake system it tries again with the same key, at another hub if there is one, while it gets no answer, a 5xx
 * (503 while a hub is not ready) or 429, for up to {@code patience}; a 202 is an accepted case.
 */
final class SteadyLoad implements AutoCloseable {

    private static final List<Kind> MIX = List.of(new Kind("restaurant-case.json", 3), new Kind("company-opening-case.json", 3),
            new Kind("birth-case.json", 2),
            new Kind("flat-transfer-case.json", 2), new Kind("enrolment-case.json", 3));
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Kind(String demoFile, int weight) {
        String body() {
            try (InputStream in = SteadyLoad.class.getResourceAsStream("/seeds/demo/" + demoFile)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Supplier<List<String>> liveHubs;
    private final Supplier<String> token;
    private final Duration patience;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(16);
    private final AtomicLong drawn = new AtomicLong();
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** the accepted cases: Idempotency-Key to case id */
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    /** for the submissions never answered: what the last try got, counted by kind (why they went unanswered) */
    private final Map<String, Integer> lastTries = new ConcurrentHashMap<>();

    /**
     * @param liveHubs the base URLs of the hubs a load balancer would send to now
     * @param token    a bearer token of the demo intake system (every hub trusts it: they share the signing key)
     */
    SteadyLoad(Supplier<List<String>> liveHubs, Supplier<String> token, Duration patience) {
        this.liveHubs = liveHubs;
        this.token = token;
        this.patience = patience;
    }

    SteadyLoad start(Duration interval) {
        ticks.scheduleAtFixedRate(() -> senders.execute(this::submitOne), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** No more new cases; waits until every submission has its answer or gave up. */
    void stop() throws InterruptedException {
        ticks.shutdownNow();
        ticks.awaitTermination(10, TimeUnit.SECONDS);
        senders.shutdown();
        senders.awaitTermination(patience.toSeconds() + 30, TimeUnit.SECONDS);
    }

    int submitted() {
        return submitted.get();
    }

    /** Case ids the hubs answered 202 for. */
    Map<String, String> accepted() {
        return Map.copyOf(accepted);
    }

    /** Submissions that never got an answer within the patience. */
    int unanswered() {
        return unanswered.get();
    }

    /** What the last try of each unanswered submission got, counted by kind ("503 hub-unavailable", "no hub up"...). */
    Map<String, Integer> lastTriesOfUnanswered() {
        return Map.copyOf(lastTries);
    }

    /** Submissions refused with a 4xx (none expected: each is a valid demo case). */
    Map<String, String> refusals() {
        return Map.copyOf(refusals);
    }

    private void submitOne() {
        String key = UUID.randomUUID().toString();
        String body = draw().body();
        submitted.incrementAndGet();
        inFlight.incrementAndGet();
        long giveUpAt = System.nanoTime() + patience.toNanos();
        int attempt = 0;
        String lastTry = "no hub up";
        try {
            while (System.nanoTime() < giveUpAt) {
                List<String> hubs = liveHubs.get();
                if (!hubs.isEmpty()) {
                    String hub = hubs.get(Math.floorMod(key.hashCode() + attempt, hubs.size()));
                    attempt++;
                    try {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(hub + "/api/v1/cases"))
                                .timeout(Duration.ofSeconds(20))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token.get())
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        lastTry = answer.statusCode() + " " + problemType(answer.body());
                        if (answer.statusCode() == 202) {
                            accepted.put(key, JSON.readTree(answer.body()).get("caseId").asText());
                            return;
                        }
                        if (answer.statusCode() < 500 && answer.statusCode() != 429 && answer.statusCode() != 401) {
                            refused.incrementAndGet();
                            refusals.put(key, answer.statusCode() + " " + answer.body());
                            return;
                        }
                    } catch (IOException noAnswer) {
                        lastTry = noAnswer.getClass().getSimpleName();
                        // the hub is down or was killed while it answered: the same key again, maybe elsewhere
                    }
                } else {
                    lastTry = "no hub up";
                }
                Thread.sleep(1000);
            }
            unanswered.incrementAndGet();
            lastTries.merge(lastTry, 1, Integer::sum);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The problem's type (its last path segment), or the start of a body that is no problem+json. */
    private static String problemType(String body) {
        try {
            var type = JSON.readTree(body).get("type");
            if (type != null) {
                String text = type.asText();
                return text.substring(text.lastIndexOf('/') + 1);
            }
        } catch (IOException notJson) {
            // fall through
        }
        return body.length() > 60 ? body.substring(0, 60) : body;
    }

    private Kind draw() {
        int total = MIX.stream().mapToInt(Kind::weight).sum();
        long slot = Math.floorMod(drawn.getAndIncrement() * 7919L, total);
        for (Kind kind : MIX) {
            slot -= kind.weight();
            if (slot < 0) {
                return kind;
            }
        }
        throw new AssertionError();
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        senders.shutdownNow();
    }
}
