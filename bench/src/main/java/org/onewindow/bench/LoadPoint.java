package org.onewindow.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one load point: what was offered, what completed, how long cases took end to end, how much
 * of that was the hub's own doing, and what it cost the machine.
 *
 * @param mode                  "open" (offered = arrival rate, cases/s) or "closed" (offered = clients)
 * @param casesPerSecond        completed cases / (last completion − first scheduled submission)
 * @param latency               scheduled submission → CASE_COMPLETED, every completed case
 * @param overhead              latency − the case's critical-path department time (CaseKind)
 * @param bundleToCriticalPath  bundle latency ÷ its critical path: median and p99 (target ≤ 1.1)
 * @param latencyByKind         median latency per kind of case, ms
 * @param hubCpuCores           hub process CPU time ÷ wall time (2.0 = both cores)
 * @param benchCpuCores         the same for this JVM: load generator and department simulators
 * @param hubHeapMaxMiB         largest heap in use seen during the point (sampled every second)
 * @param hubRssMiB             hub resident set at the end of the point
 * @param messagesPerSecond     messages added to the broker's queues ÷ wall time
 */
record LoadPoint(String mode, int offered, int submitted, int completed, int notCompleted, int failedSubmissions,
                 double seconds, double casesPerSecond, Percentiles latency, Percentiles overhead,
                 double[] bundleToCriticalPath, Map<String, Double> latencyByKind,
                 double hubCpuCores, double benchCpuCores, double hubHeapMaxMiB, double hubRssMiB, double messagesPerSecond) {

    static LoadPoint of(String mode, int offered, LoadDriver.Run run, int latencyMs, ResourceSampler.Usage usage) {
        Histogram latency = Percentiles.histogram();
        Histogram overhead = Percentiles.histogram();
        Histogram bundleRatio = new Histogram(1_000_000L, 3);
        Map<String, Histogram> byKind = new TreeMap<>();
        int completed = 0;
        for (CaseOutcome o : run.outcomes()) {
            if (!o.completed()) {
                continue;
            }
            completed++;
            long micros = o.latencyMicros();
            long critical = o.submission().kind().criticalPathMs(latencyMs) * 1_000;
            latency.recordValue(micros);
            overhead.recordValue(Math.max(0, micros - critical));
            byKind.computeIfAbsent(o.submission().kind().name(), k -> Percentiles.histogram()).recordValue(micros);
            if (o.submission().kind().bundle()) {
                bundleRatio.recordValue(Math.round(micros * 1000.0 / critical));
            }
        }
        double seconds = Math.max(0.001, Duration.between(run.startedAt(), run.endedAt()).toNanos() / 1e9);
        Map<String, Double> medians = new TreeMap<>();
        byKind.forEach((k, h) -> medians.put(k, Math.round(h.getValueAtPercentile(50) / 100.0) / 10.0));
        double[] ratio = bundleRatio.getTotalCount() == 0 ? new double[]{0, 0}
                : new double[]{bundleRatio.getValueAtPercentile(50) / 1000.0, bundleRatio.getValueAtPercentile(99) / 1000.0};
        return new LoadPoint(mode, offered, run.outcomes().size(), completed, run.outcomes().size() - completed,
                run.failedSubmissions(), round(seconds), round(completed / seconds), Percentiles.of(latency),
                Percentiles.of(overhead), ratio, medians, round(usage.hubCpuSeconds() / seconds),
                round(usage.benchCpuSeconds() / seconds), round(usage.hubHeapMaxMiB()), round(usage.hubRssMiB()),
                round(usage.messages() / seconds));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
