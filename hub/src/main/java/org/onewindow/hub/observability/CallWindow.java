package org.onewindow.hub.observability;

import java.time.Duration;
import java.time.Instant;

/**
 * One department's calls of the last hour, minute by minute: how many, how many failed, and their latencies in fixed
 * buckets (the same kind of buckets Prometheus keeps, so the console's p50/p99 read like Grafana's histogram_quantile).
 * A call costs a lock and a few increments; nothing is allocated after the first hour.
 */
public final class CallWindow {

    /** Upper bounds of the latency buckets, in milliseconds; the last bucket holds everything slower. */
    static final long[] BOUNDS_MS = {1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1_000, 1_500, 2_000,
            3_000, 5_000, 7_000, 10_000, 15_000, 20_000, 30_000, 60_000};
    static final int MINUTES = 60;

    private final long[] minuteOf = new long[MINUTES];
    private final long[] calls = new long[MINUTES];
    private final long[] failed = new long[MINUTES];
    private final long[][] buckets = new long[MINUTES][BOUNDS_MS.length + 1];
    private Instant lastErrorAt;
    private String lastError;

    synchronized void record(long epochMinute, long millis, String error, Instant at) {
        int slot = (int) (epochMinute % MINUTES);
        if (minuteOf[slot] != epochMinute) {
            minuteOf[slot] = epochMinute;
            calls[slot] = 0;
            failed[slot] = 0;
            java.util.Arrays.fill(buckets[slot], 0);
        }
        calls[slot]++;
        buckets[slot][bucket(millis)]++;
        if (error != null) {
            failed[slot]++;
            lastErrorAt = at;
            lastError = error;
        }
    }

    /** The last {@code minutes} minutes up to and including {@code epochMinute}, the current one. */
    synchronized Window over(long epochMinute, int minutes) {
        long total = 0;
        long failures = 0;
        long[] sum = new long[BOUNDS_MS.length + 1];
        for (long m = epochMinute - minutes + 1; m <= epochMinute; m++) {
            int slot = (int) (Math.floorMod(m, MINUTES));
            if (minuteOf[slot] != m) {
                continue;
            }
            total += calls[slot];
            failures += failed[slot];
            for (int b = 0; b < sum.length; b++) {
                sum[b] += buckets[slot][b];
            }
        }
        return new Window(Duration.ofMinutes(minutes), total, failures, quantile(sum, total, 0.5), quantile(sum, total, 0.99),
                lastErrorAt, lastError);
    }

    private static int bucket(long millis) {
        for (int b = 0; b < BOUNDS_MS.length; b++) {
            if (millis <= BOUNDS_MS[b]) {
                return b;
            }
        }
        return BOUNDS_MS.length;
    }

    /** The upper bound of the bucket the quantile falls in (null without calls; beyond the last bound: that bound). */
    private static Duration quantile(long[] sum, long total, double q) {
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int b = 0; b < sum.length; b++) {
            seen += sum[b];
            if (seen >= rank) {
                return Duration.ofMillis(BOUNDS_MS[Math.min(b, BOUNDS_MS.length - 1)]);
            }
        }
        return Duration.ofMillis(BOUNDS_MS[BOUNDS_MS.length - 1]);
    }

    /**
     * A department's calls over a span.
     *
     * @param p50 half the calls took at most this long (bucket bound); null without calls
     * @param p99 99 % took at most this long; null without calls
     */
    public record Window(Duration span, long calls, long failed, Duration p50, Duration p99, Instant lastErrorAt, String lastError) {

        public double perMinute() {
            return (double) calls / span.toMinutes();
        }

        /** Failed calls as a share of all calls; 0 without calls. */
        public double errorRate() {
            return calls == 0 ? 0 : (double) failed / calls;
        }
    }
}
