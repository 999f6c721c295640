package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.onewindow.schemas.licences.Licence;
import org.onewindow.schemas.licences.LicenceSignatures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Baseline (c): how many e-licence signatures BouncyCastle verifies per second on this machine (SM3withSM2,
 * the same call the hub makes), against how many verifications per second the hub answers for a presented licence
 * document (no library read; the hub's verification cache serves repeats): one per call to
 * POST /api/v1/licences/verify, and {@value #BATCH} per call to POST /api/v1/licences/verifications.
 * The licence is 张三's seeded resident ID card, the key its issuer's from the seeded trust list.
 *
 * @param rawOneThread   raw verifies/s on one thread
 * @param rawAllCores    raw verifies/s on as many threads as the machine has cores
 * @param clients        concurrent clients against the endpoint
 * @param endpointPerSecond VALID answers/s from the endpoint, one licence per call
 * @param batchSize      licences per call to POST /api/v1/licences/verifications
 * @param batchPerSecond VALID verifications/s through the batch endpoint
 * @param endpointErrors answers other than 200 VALID, or failed calls
 * @param hubCpuMsPerCall the hub's process CPU while the one-per-call clients ran ÷ VALID answers
 * @param hubJitMsPerCall of that, its compiler threads
 * @param hubCores     the hub's process CPU while the one-per-call clients ran ÷ the window
 */
record LicenceVerificationBaseline(double rawOneThread, double rawAllCores, int threads, int clients, double endpointPerSecond,
                                   int batchSize, double batchPerSecond, long endpointErrors, double hubCpuMsPerCall,
                                   double hubJitMsPerCall, double hubCores) {

    /**
     * The endpoint's own warm-up: a path first taken here, so the JIT compiles it now. One second left the hub's compiler
     * threads with 42 % of its CPU in the measured window (bench/run --quick with async-profiler, 2026-12-06); after
     * 15 s it still compiled, and three rounds of 20 s with ab gave 3,470, 3,565 and 4,321 calls/s.
     */
    static final Duration ENDPOINT_WARM_UP = Duration.ofSeconds(30);

    static final int BATCH = 20;

    /** The better of the two ways of calling the hub, as verifications/s. */
    double bestEndpointPerSecond() {
        return Math.max(endpointPerSecond, batchPerSecond);
    }

    double ratio() {
        return Math.round(bestEndpointPerSecond() / Math.max(0.001, rawAllCores) * 1000) / 1000.0;
    }

    static LicenceVerificationBaseline run(HubUnderTest hub, int clients, Duration each) {
        return run(hub, clients, each, ENDPOINT_WARM_UP);
    }

    /** @param warmUp the endpoint's warm-up before it is measured ({@link #ENDPOINT_WARM_UP}; a second for --smoke) */
    static LicenceVerificationBaseline run(HubUnderTest hub, int clients, Duration each, Duration warmUp) {
        String hubBaseUrl = hub.baseUrl();
        JsonNode licenceJson = seededIdCard();
        Licence licence = BenchHttp.JSON.convertValue(licenceJson, Licence.class);
        PublicKey key = issuerKey(licence.issuerCode());
        if (!LicenceSignatures.verify(licence, key)) {
            throw new IllegalStateException("the seeded licence " + licence.identifier() + " does not verify against the trust list");
        }
        int threads = Runtime.getRuntime().availableProcessors();
        rawPerSecond(licence, key, 1, Duration.ofSeconds(1)); // warm-up
        double one = rawPerSecond(licence, key, 1, each);
        double all = rawPerSecond(licence, key, threads, each);
        ObjectNode body = BenchHttp.JSON.createObjectNode();
        body.set("licence", licenceJson);
        String authorization = new BenchHttp(hubBaseUrl, 1).authorization();
        URI verify = URI.create(hubBaseUrl + "/api/v1/licences/verify");
        endpoint(verify, authorization, body.toString(), clients, warmUp, "\"VALID\"", 1); // JIT, the cache
        double cpu = hub.cpuSeconds();
        double jit = hub.jitAndGcCpuSeconds()[0];
        long started = System.nanoTime();
        long[] single = endpoint(verify, authorization, body.toString(), clients, each, "\"VALID\"", 1);
        double window = (System.nanoTime() - started) / 1e9;
        double hubMs = (hub.cpuSeconds() - cpu) * 1000;
        double jitMs = (hub.jitAndGcCpuSeconds()[0] - jit) * 1000;
        long answered = Math.max(1, single[0]);
        ObjectNode batch = BenchHttp.JSON.createObjectNode();
        var items = batch.putArray("verifications");
        for (int i = 0; i < BATCH; i++) {
            items.add(body);
        }
        URI verifications = URI.create(hubBaseUrl + "/api/v1/licences/verifications");
        endpoint(verifications, authorization, batch.toString(), clients, Duration.ofSeconds(2), "\"results\"", BATCH);
        long[] batched = endpoint(verifications, authorization, batch.toString(), clients, each, "\"results\"", BATCH);
        double seconds = each.toNanos() / 1e9;
        return new LicenceVerificationBaseline(round(one), round(all), threads, clients, round(single[0] / seconds),
                BATCH, round(batched[0] / seconds), single[1] + batched[1], Math.round(hubMs / answered * 1000) / 1000.0,
                Math.round(jitMs / answered * 1000) / 1000.0, Math.round(hubMs / 1000 / window * 100) / 100.0);
    }

    private static double rawPerSecond(Licence licence, PublicKey key, int threads, Duration each) {
        AtomicLong verified = new AtomicLong();
        long deadline = System.nanoTime() + each.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                long n = 0;
                while (System.nanoTime() < deadline) {
                    if (LicenceSignatures.verify(licence, key)) {
                        n++;
                    }
                }
                verified.addAndGet(n);
            }, "raw-sm2-" + i);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return verified.get() / (each.toNanos() / 1e9);
    }

    /**
     * Closed loop: each of {@code clients} threads sends the next request when the last one answered, on its own
     * kept-alive connection ({@link KeepAliveClient}). Returns {verifications, errors}: a 200 answer containing
     * {@code expect} (and no INVALID) counts {@code perAnswer} verifications.
     */
    private static long[] endpoint(URI uri, String authorization, String body, int clients, Duration each, String expect,
                                   int perAnswer) {
        AtomicLong valid = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + each.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(() -> {
                try (KeepAliveClient connection = new KeepAliveClient(uri, authorization, body)) {
                    while (System.nanoTime() < deadline) {
                        try {
                            KeepAliveClient.Answer answer = connection.exchange();
                            if (answer.status() == 200 && answer.body().contains(expect) && !answer.body().contains("INVALID")) {
                                valid.addAndGet(perAnswer);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (RuntimeException failed) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }, "verify-client-" + i);
            client.start();
            threads.add(client);
        }
        for (Thread client : threads) {
            try {
                client.join(each.toMillis() + 30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new long[] {valid.get(), errors.get()};
    }

    private static JsonNode seededIdCard() {
        for (JsonNode licence : resource("/seeds/licences/licences.json").path("licences")) {
            if (licence.path("licenceType").asText().equals("resident-id-card") && licence.path("holderName").asText().equals("张三")) {
                return licence;
            }
        }
        throw new IllegalStateException("张三's resident ID card is not in seeds/licences/licences.json");
    }

    private static PublicKey issuerKey(String issuerCode) {
        for (JsonNode issuer : resource("/seeds/licences/trust-list.json").path("issuers")) {
            if (issuer.path("issuerCode").asText().equals(issuerCode)) {
                return LicenceSignatures.publicKey(issuer.path("publicKey").asText());
            }
        }
        throw new IllegalStateException("issuer " + issuerCode + " is not on the seeded trust list");
    }

    private static JsonNode resource(String path) {
        try (InputStream in = LicenceVerificationBaseline.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return BenchHttp.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
