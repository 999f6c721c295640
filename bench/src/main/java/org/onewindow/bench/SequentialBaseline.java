package org.onewindow.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.HdrHistogram.Histogram;
import org.onewindow.seeds.simulators.DepartmentSimulators;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Baseline (a): a plain client that does what the hub does for each case, one department call after
 * another, without a broker, a database or parallel steps. It replays the very requests the hub sent to
 * the simulators for one case of each kind (taken from their request journals), and waits out a department's
 * callback time as a client that needs the decision must.
 */
final class SequentialBaseline {

    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "user-agent", "accept-encoding");

    record Call(String baseUrl, String method, String url, Map<String, String> headers, String body) {
    }

    record Result(int clients, int cases, double seconds, double casesPerSecond, Percentiles latency) {
    }

    /** The department calls the hub made for one case, in the order it made them. */
    static List<Call> callsOf(DepartmentSimulators simulators, String caseId) {
        List<ServeEvent> events = new ArrayList<>();
        Map<ServeEvent, String> baseUrls = new LinkedHashMap<>();
        for (String department : simulators.departments()) {
            WireMockServer server = simulators.server(department).orElseThrow();
            for (ServeEvent event : server.getAllServeEvents()) {
                LoggedRequest r = event.getRequest();
                boolean ofThisCase = r.getBodyAsString().contains(caseId)
                        || r.getHeaders().all().stream().anyMatch(h -> h.values().stream().anyMatch(v -> v.contains(caseId)));
                if (ofThisCase) {
                    events.add(event);
                    baseUrls.put(event, server.baseUrl());
                }
            }
        }
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<Call> calls = new ArrayList<>();
        for (ServeEvent e : events) {
            LoggedRequest r = e.getRequest();
            Map<String, String> headers = new LinkedHashMap<>();
            for (HttpHeader h : r.getHeaders().all()) {
                if (!RESTRICTED.contains(h.key().toLowerCase())) {
                    headers.put(h.key(), h.firstValue());
                }
            }
            calls.add(new Call(baseUrls.get(e), r.getMethod().getName(), r.getUrl(), headers, r.getBodyAsString()));
        }
        return calls;
    }

    static Result run(Map<CaseKind, List<Call>> callsByKind, int clients, Duration duration) {
        BenchHttp http = new BenchHttp("", clients + 2);
        Histogram latency = Percentiles.histogram();
        AtomicInteger cases = new AtomicInteger();
        AtomicLong drawn = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        CaseKind kind = CaseKind.draw(drawn.getAndIncrement());
                        long began = System.nanoTime();
                        for (Call call : callsByKind.get(kind)) {
                            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.baseUrl() + call.url()))
                                    .timeout(Duration.ofSeconds(30))
                                    .method(call.method(), call.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(call.body()));
                            call.headers().forEach(request::header);
                            HttpResponse<String> reply = http.send(request.build());
                            if (reply.statusCode() >= 300) {
                                throw new IllegalStateException(call.url() + " answered " + reply.statusCode());
                            }
                        }
                        HubUnderTest.sleep(kind.callbackMs());
                        synchronized (latency) {
                            latency.recordValue((System.nanoTime() - began) / 1_000);
                        }
                        cases.incrementAndGet();
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-sequential-" + c);
            client.setDaemon(true);
            client.start();
        }
        try {
            done.await(duration.toSeconds() + 120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(clients, cases.get(), Math.round(seconds * 100) / 100.0,
                Math.round(cases.get() / seconds * 100) / 100.0, Percentiles.of(latency));
    }
}
