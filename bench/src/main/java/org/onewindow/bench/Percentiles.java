package org.onewindow.bench;

import org.HdrHistogram.Histogram;

/** A latency distribution as reported, in milliseconds, from an HdrHistogram recorded in microseconds. */
record Percentiles(long count, double p50, double p95, double p99, double max) {

    /** Microsecond histograms up to ten minutes, three significant digits. */
    static Histogram histogram() {
        return new Histogram(600_000_000L, 3);
    }

    static Percentiles of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        return new Percentiles(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(95)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
