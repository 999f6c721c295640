package org.onewindow.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The benchmark issue's targets (2 cores, embedded default), judged against one run's figures. */
final class Targets {

    private Targets() {
    }

    /** A point the hub kept up with: everything completed, and an open-loop point completed at ≥ 95% of its arrival rate. */
    static boolean sustained(LoadPoint p) {
        return p.notCompleted() == 0 && p.failedSubmissions() == 0 && p.completed() > 0
                && (!p.mode().equals("open") || p.casesPerSecond() >= 0.95 * p.offered());
    }

    static List<BenchResult.TargetCheck> judge(List<BenchResult.HistoryStage> stages, LicenceVerificationBaseline verification) {
        List<BenchResult.TargetCheck> checks = new ArrayList<>();
        BenchResult.HistoryStage first = stages.get(0);
        BenchResult.HistoryStage last = stages.get(stages.size() - 1);

        Optional<LoadPoint> best = first.points().stream().filter(Targets::sustained).max(Comparator.comparingDouble(LoadPoint::casesPerSecond));
        double sustained = best.map(LoadPoint::casesPerSecond).orElse(0.0);
        checks.add(new BenchResult.TargetCheck("≥ 500 bundle cases/s sustained",
                f("%.1f cases/s (mix: 70%% bundles), best sustained point: %s", sustained, best.map(Targets::name).orElse("none")),
                sustained >= 500));

        Optional<LoadPoint> belowSaturation = first.points().stream().filter(p -> p.mode().equals("open")).filter(Targets::sustained)
                .max(Comparator.comparingInt(LoadPoint::offered));
        checks.add(belowSaturation.map(p -> new BenchResult.TargetCheck("hub overhead p99 ≤ 25 ms below saturation",
                        f("%.1f ms at %s", p.overhead().p99(), name(p)), p.overhead().p99() <= 25))
                .orElse(new BenchResult.TargetCheck("hub overhead p99 ≤ 25 ms below saturation", "no sustained open-loop point", null)));
        checks.add(belowSaturation.map(p -> new BenchResult.TargetCheck("bundle latency ≤ 1.1 × critical path",
                        f("median %.2f ×, p99 %.2f × at %s", p.bundleToCriticalPath()[0], p.bundleToCriticalPath()[1], name(p)),
                        p.bundleToCriticalPath()[0] <= 1.1))
                .orElse(new BenchResult.TargetCheck("bundle latency ≤ 1.1 × critical path", "no sustained open-loop point", null)));

        checks.add(verification == null
                ? new BenchResult.TargetCheck("verify endpoint ≥ 5,000/s cached", "not measured in this run", null)
                : new BenchResult.TargetCheck("verify endpoint ≥ 5,000/s cached",
                f("%.0f verifications/s one per call, %.0f/s in batches of %d, %d clients (%d errors); raw SM2 %.0f/s on %d threads",
                        verification.endpointPerSecond(), verification.batchPerSecond(), verification.batchSize(),
                        verification.clients(), verification.endpointErrors(), verification.rawAllCores(), verification.threads()),
                verification.bestEndpointPerSecond() >= 5000));

        double heap = last.points().stream().mapToDouble(LoadPoint::hubHeapMaxMiB).max().orElse(0);
        checks.add(new BenchResult.TargetCheck("heap ≤ 512 MiB with 1M cases stored",
                f("%.0f MiB max in use, %.0f MiB after GC, with %s stored (hub run with %s)", heap, last.heapAfterGcMiB(),
                        BenchReport.cases(last.storedCases()), HubUnderTest.HEAP),
                last.storedCases() >= 1_000_000 ? heap <= 512 : null));

        Optional<LoadPoint> firstClosed = widestClosed(first);
        Optional<LoadPoint> lastClosed = widestClosed(last);
        if (firstClosed.isPresent() && lastClosed.isPresent() && stages.size() > 1) {
            double ratio = lastClosed.get().casesPerSecond() / Math.max(0.001, firstClosed.get().casesPerSecond());
            checks.add(new BenchResult.TargetCheck("throughput at 1M stored within 10% of 10k",
                    f("%.1f cases/s at %s vs %.1f at %s (%.0f%%), %d clients", lastClosed.get().casesPerSecond(),
                            BenchReport.cases(last.storedCases()), firstClosed.get().casesPerSecond(),
                            BenchReport.cases(first.storedCases()), ratio * 100, firstClosed.get().offered()),
                    last.storedCases() >= 1_000_000 ? ratio >= 0.9 : null));
        }
        return checks;
    }

    private static Optional<LoadPoint> widestClosed(BenchResult.HistoryStage stage) {
        return stage.points().stream().filter(p -> p.mode().equals("closed")).max(Comparator.comparingInt(LoadPoint::offered));
    }

    private static String name(LoadPoint p) {
        return p.mode().equals("open") ? "open loop " + p.offered() + "/s" : "closed loop " + p.offered() + " clients";
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
