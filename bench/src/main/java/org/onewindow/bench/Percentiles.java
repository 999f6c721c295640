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

    /** The median of the values (the mean of the middle two for an even count), 0 for none. */
    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
