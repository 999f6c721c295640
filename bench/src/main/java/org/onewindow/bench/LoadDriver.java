package org.onewindow.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the hub with the case mix, the two ways load arrives: open loop (cases arrive at a fixed rate,
 * whatever the hub does, as citizens at a province's windows do) and closed loop (a fixed number of
 * clerks, each submitting the next case when the last one finished).
 */
final class LoadDriver {

    /**
     * How a client follows its case: first look after the case's critical path (it cannot end sooner), then
     * every 20 ms, backing off to 250 ms, so that following does not become the hub's main load. Latency is
     * taken from the hub's timeline, not from when the client noticed.
     */
    private static final long FIRST_LOOK_MS = 20, LAST_LOOK_MS = 250;

    /** The hubs behind the load balancer the driver plays: one, or several sharing a database and a broker. */
    private final List<BenchHttp> hubs;
    private final Map<CaseKind, String> bodies = new ConcurrentHashMap<>();
    private final AtomicLong drawn = new AtomicLong();
    private final Duration drainTimeout;
    private final int latencyMs;
    private final java.util.function.LongFunction<CaseKind> draw;

    LoadDriver(BenchHttp http, Duration drainTimeout, int latencyMs) {
        this(http, drainTimeout, latencyMs, CaseKind::draw);
    }

    /** A driver submitting the cases {@code draw} picks (e.g. one kind only, for the CPU of that kind of case). */
    LoadDriver(BenchHttp http, Duration drainTimeout, int latencyMs, java.util.function.LongFunction<CaseKind> draw) {
        this(List.of(http), drainTimeout, latencyMs, draw);
    }

    /**
     * A driver spreading the load over several hubs as a round-robin load balancer would: the open loop's i-th case goes
     * to hub i mod n; a closed-loop clerk keeps to one hub (clerk c to hub c mod n, a kept-alive connection); a case is
     * followed at the hub its id hashes to in the open loop, at the clerk's hub in the closed loop.
     */
    LoadDriver(List<BenchHttp> hubs, Duration drainTimeout, int latencyMs, java.util.function.LongFunction<CaseKind> draw) {
        if (hubs.isEmpty()) {
            throw new IllegalArgumentException("no hub to drive");
        }
        this.hubs = List.copyOf(hubs);
        this.drainTimeout = drainTimeout;
        this.latencyMs = latencyMs;
        this.draw = draw;
    }

    /** What one load point produced. */
    record Run(List<CaseOutcome> outcomes, int failedSubmissions, int unfinished, Instant startedAt, Instant endedAt) {
    }

    Run openLoop(int ratePerSecond, Duration duration, int maxCases) {
        int count = (int) Math.min(maxCases, Math.max(1, ratePerSecond * duration.toSeconds()));
        long intervalNanos = 1_000_000_000L / Math.max(1, ratePerSecond);
        List<Submission> submitted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(count);
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long target = start + i * intervalNanos;
            long wait = target - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            CaseKind kind = draw.apply(drawn.getAndIncrement());
            Instant intended = startedAt.plusNanos(target - start);
            BenchHttp http = hubs.get(i % hubs.size());
            inFlight.add(http.sendAsync(http.submission(body(kind))).handle((HttpResponse<String> reply, Throwable error) -> {
                try {
                    if (error != null) {
                        throw error instanceof RuntimeException r ? r : new IllegalStateException(error);
                    }
                    submitted.add(new Submission(BenchHttp.caseIdOf(reply), kind, intended));
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).orTimeout(2, TimeUnit.MINUTES).join();
        List<CaseOutcome> outcomes = drain(new ArrayList<>(submitted));
        return finish(outcomes, failed.get(), startedAt);
    }

    Run closedLoop(int clients, Duration duration, int maxCases) {
        List<CaseOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        Instant startedAt = Instant.now();
        long deadline = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            BenchHttp http = hubs.get(c % hubs.size());
            Thread clerk = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline && started.incrementAndGet() <= maxCases) {
                        CaseKind kind = draw.apply(drawn.getAndIncrement());
                        Instant sent = Instant.now();
                        String caseId;
                        try {
                            caseId = http.submit(body(kind));
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            continue;
                        }
                        outcomes.add(follow(http, new Submission(caseId, kind, sent)));
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-clerk-" + c);
            clerk.setDaemon(true);
            clerk.start();
        }
        try {
            if (!done.await(duration.plus(drainTimeout).toSeconds() + 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("closed-loop clients did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return finish(new ArrayList<>(outcomes), failed.get(), startedAt);
    }

    /** Follows one case until it ends, or gives up after the drain timeout (it then counts as unfinished). */
    private CaseOutcome follow(BenchHttp http, Submission submission) {
        long giveUp = System.nanoTime() + drainTimeout.toNanos();
        long wait = FIRST_LOOK_MS;
        HubUnderTest.sleep(submission.kind().criticalPathMs(latencyMs));
        CaseOutcome outcome;
        while (true) {
            outcome = CaseOutcome.of(submission, http.get("/api/v1/cases/" + submission.caseId()));
            if (outcome.ended() || System.nanoTime() > giveUp) {
                return outcome;
            }
            HubUnderTest.sleep(wait);
            wait = Math.min(LAST_LOOK_MS, wait * 3 / 2);
        }
    }

    /**
     * After an open-loop point: collects how every submitted case ended, oldest first, waiting on a case that
     * has not ended yet rather than sweeping all of them, so that collecting costs the hub about one read
     * per case and does not slow the cases still in flight.
     */
    private List<CaseOutcome> drain(List<Submission> submitted) {
        List<CaseOutcome> outcomes = new ArrayList<>(submitted.size());
        long giveUp = System.nanoTime() + drainTimeout.toNanos();
        submitted.sort(java.util.Comparator.comparing(Submission::intendedAt));
        for (Submission s : submitted) {
            BenchHttp http = hubs.get(Math.floorMod(s.caseId().hashCode(), hubs.size()));
            long wait = FIRST_LOOK_MS;
            while (true) {
                CaseOutcome outcome = CaseOutcome.of(s, http.get("/api/v1/cases/" + s.caseId()));
                if (outcome.ended() || System.nanoTime() > giveUp) {
                    outcomes.add(outcome);
                    break;
                }
                HubUnderTest.sleep(wait);
                wait = Math.min(LAST_LOOK_MS, wait * 3 / 2);
            }
        }
        return outcomes;
    }

    private static Run finish(List<CaseOutcome> outcomes, int failed, Instant startedAt) {
        int unfinished = (int) outcomes.stream().filter(o -> !o.ended()).count();
        Instant endedAt = outcomes.stream().filter(CaseOutcome::completed).map(CaseOutcome::completedAt)
                .max(Instant::compareTo).orElse(Instant.now());
        return new Run(outcomes, failed, unfinished, startedAt, endedAt);
    }

    private String body(CaseKind kind) {
        return bodies.computeIfAbsent(kind, CaseKind::body);
    }
}
