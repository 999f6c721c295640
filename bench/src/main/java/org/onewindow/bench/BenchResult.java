package org.onewindow.bench;

import java.util.List;
import java.util.Map;

/** Everything one run measured, as written to bench/results/&lt;date&gt;.json. */
record BenchResult(String date, String command, Map<String, Object> setup, List<HistoryStage> stages, Baselines baselines,
                   List<TargetCheck> targets) {

    /**
     * The figures at one size of stored history.
     *
     * @param heapAfterGcMiB hub heap in use after a full collection at the end of the stage (-Xmx512m throughout)
     * @param rssPeakMiB     hub resident set, peak over the stage
     * @param databaseBytes  database size after the stage
     */
    record HistoryStage(long storedCases, double seedSeconds, List<LoadPoint> points, double heapAfterGcMiB,
                        double rssPeakMiB, long databaseBytes, HotSpots hotSpots) {
    }

    /**
     * The baselines and the hub's figures next to them, measured in the same run.
     *
     * @param hubCasesPerSecond      the hub's closed-loop throughput at the same clients, smallest history
     * @param hubMedianLatencyMs     its median latency there
     * @param throughputRatio        hub ÷ sequential cases/s
     * @param latencyRatio           hub ÷ sequential median latency (below 1: the hub is faster)
     * @param hubMessagesPerSecond   the highest messages/s through the hub's broker in any point
     * @param messagingRatio         hub ÷ raw Artemis messages/s
     * @param licenceVerification    baseline (c): raw SM2 verifies/s against the hub's verify endpoint
     */
    record Baselines(SequentialBaseline.Result sequential, double hubCasesPerSecond, double hubMedianLatencyMs,
                     double throughputRatio, double latencyRatio, RawArtemisBaseline.Result rawArtemis,
                     double hubMessagesPerSecond, double messagingRatio,
                     LicenceVerificationBaseline licenceVerification) {
    }

    /** One target of the benchmark issue, what was measured against it, and whether it was met. */
    record TargetCheck(String target, String measured, Boolean met) {
    }
}
