package org.onewindow.bench;

import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's results: &lt;date&gt;.json (every figure), &lt;date&gt;.md (the report, with its targets and
 * ratios) and two SVG charts next to it: latency against load, throughput against stored history.
 */
final class BenchReport {

    private BenchReport() {
    }

    static Path write(BenchResult result, Path out) throws IOException {
        Files.createDirectories(out);
        Path json = out.resolve(result.date() + ".json");
        BenchHttp.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        String latencyChart = result.date() + "-latency.svg";
        String throughputChart = result.date() + "-throughput.svg";
        Files.writeString(out.resolve(latencyChart), latencyAgainstLoad(result));
        Files.writeString(out.resolve(throughputChart), throughputAgainstHistory(result));
        Path md = out.resolve(result.date() + ".md");
        Files.writeString(md, markdown(result, latencyChart, throughputChart));
        return md;
    }

    private static String latencyAgainstLoad(BenchResult result) {
        SvgChart chart = new SvgChart("Latency against offered load (open loop)", "arrival rate, cases/s", "latency, ms", false);
        for (BenchResult.HistoryStage stage : result.stages()) {
            List<double[]> p50 = new ArrayList<>(), p99 = new ArrayList<>();
            stage.points().stream().filter(p -> p.mode().equals("open")).forEach(p -> {
                p50.add(new double[]{p.offered(), p.latency().p50()});
                p99.add(new double[]{p.offered(), p.latency().p99()});
            });
            chart.series("p50, " + cases(stage.storedCases()) + " stored", p50);
            chart.series("p99, " + cases(stage.storedCases()) + " stored", p99);
        }
        return chart.render();
    }

    private static String throughputAgainstHistory(BenchResult result) {
        SvgChart chart = new SvgChart("Throughput against stored history (closed loop)", "cases stored (log scale)",
                "completed cases/s", true);
        List<Integer> clients = result.stages().get(0).points().stream().filter(p -> p.mode().equals("closed"))
                .map(LoadPoint::offered).distinct().toList();
        for (int c : clients) {
            List<double[]> points = new ArrayList<>();
            for (BenchResult.HistoryStage stage : result.stages()) {
                stage.points().stream().filter(p -> p.mode().equals("closed") && p.offered() == c)
                        .forEach(p -> points.add(new double[]{stage.storedCases(), p.casesPerSecond()}));
            }
            chart.series(c + " clients", points);
        }
        return chart.render();
    }

    private static String markdown(BenchResult r, String latencyChart, String throughputChart) {
        StringBuilder md = new StringBuilder();
        md.append("# OneWindow Hub benchmark, ").append(r.date()).append("\n\n");
        md.append("Command: `").append(r.command()).append("`\n\n");
        md.append("| setup | |\n|---|---|\n");
        r.setup().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));

        md.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        r.targets().forEach(t -> md.append("| ").append(t.target()).append(" | ").append(t.measured()).append(" | ")
                .append(t.met() == null ? "not measured" : t.met() ? "yes" : "**no**").append(" |\n"));

        BenchResult.Baselines b = r.baselines();
        md.append("\n## Baselines (same run)\n\n| baseline | baseline figure | hub figure | ratio hub ÷ baseline |\n|---|---|---|---|\n");
        if (b.sequential() != null) {
            md.append(f("| (a) sequential client, %d clients: cases/s | %.1f | %.1f | %.2f |%n", b.sequential().clients(),
                    b.sequential().casesPerSecond(), b.hubCasesPerSecond(), b.throughputRatio()));
            md.append(f("| (a) sequential client: median case latency, ms | %.1f | %.1f | %.2f |%n",
                    b.sequential().latency().p50(), b.hubMedianLatencyMs(), b.latencyRatio()));
        }
        if (b.rawArtemis() != null) {
            md.append(f("| (b) raw Artemis, %d B persistent transacted, %d producers / %d consumers: messages/s | %.0f | %.1f | %.3f |%n",
                    b.rawArtemis().messageBytes(), b.rawArtemis().producers(), b.rawArtemis().consumers(),
                    b.rawArtemis().messagesPerSecond(), b.hubMessagesPerSecond(), b.messagingRatio()));
        }
        LicenceVerificationBaseline c = b.licenceVerification();
        if (c != null) {
            md.append(f("| (c) licence verification: raw BouncyCastle SM2 verifies/s on %d threads (1 thread: %.0f) vs the hub, "
                            + "%d clients, presented licence, cached: verifications/s, one per call (batch endpoint, %d per call) "
                            + "| %.0f | %.0f (%.0f) | %.3f |%n",
                    c.threads(), c.rawOneThread(), c.clients(), c.batchSize(), c.rawAllCores(), c.endpointPerSecond(),
                    c.batchPerSecond(), c.ratio()));
        }

        md.append("\n## Load points\n\nLatency is from the scheduled submission to the hub's CASE_COMPLETED event; overhead is latency minus the ")
                .append("case's critical-path department time. CPU in cores (2.0 = the whole machine); the bench JVM holds the load ")
                .append("generator and the department simulators.\n\n");
        md.append("| stored | mode | offered | completed | not completed | cases/s | p50 ms | p95 ms | p99 ms | max ms | overhead p50 | overhead p99 "
                + "| bundle ÷ critical path (p50 / p99) | hub CPU | bench CPU | heap max MiB | RSS MiB | messages/s |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (BenchResult.HistoryStage s : r.stages()) {
            for (LoadPoint p : s.points()) {
                md.append(f("| %s | %s | %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f / %.2f | %.2f | %.2f | %.0f | %.0f | %.1f |%n",
                        cases(s.storedCases()), p.mode(), p.mode().equals("open") ? p.offered() + "/s" : p.offered() + " clients",
                        p.completed(), p.notCompleted() + p.failedSubmissions(), p.casesPerSecond(), p.latency().p50(),
                        p.latency().p95(), p.latency().p99(), p.latency().max(), p.overhead().p50(), p.overhead().p99(),
                        p.bundleToCriticalPath()[0], p.bundleToCriticalPath()[1], p.hubCpuCores(), p.benchCpuCores(),
                        p.hubHeapMaxMiB(), p.hubRssMiB(), p.messagesPerSecond()));
            }
        }
        md.append("\nMedian latency by kind of case (ms), per point: see the JSON (`latencyByKind`).\n");

        md.append("\n## Stored history\n\n| stored cases | seeding s | database MiB | hub heap after GC MiB | hub RSS peak MiB |\n|---|---|---|---|---|\n");
        r.stages().forEach(s -> md.append(f("| %s | %.1f | %.1f | %.0f | %.0f |%n", cases(s.storedCases()), s.seedSeconds(),
                s.databaseBytes() / 1048576.0, s.heapAfterGcMiB(), s.rssPeakMiB())));

        md.append("\n## Charts\n\n![latency against load](").append(latencyChart).append(")\n\n![throughput against stored history](")
                .append(throughputChart).append(")\n");

        md.append("\n## Where the hub spends its CPU (Java Flight Recording, per stage)\n");
        for (BenchResult.HistoryStage s : r.stages()) {
            HotSpots h = s.hotSpots();
            if (h == null || h.samples() == 0) {
                continue;
            }
            md.append("\n### ").append(cases(s.storedCases())).append(" stored, ").append(h.samples()).append(" samples\n\n");
            if (h.breakdown() != null) {
                md.append(breakdown(h.breakdown(), null)).append("\n");
            }
            md.append("| by library (top frame) | % |\n|---|---|\n");
            h.libraries().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append("\n| hottest methods (top frame) | % |\n|---|---|\n");
            h.methods().forEach((k, v) -> md.append("| `").append(k).append("` | ").append(v).append(" |\n"));
            md.append("\n| the hub's own code nearest the top | % |\n|---|---|\n");
            h.ourCode().forEach((k, v) -> md.append("| `").append(k).append("` | ").append(v).append(" |\n"));
        }
        return md.toString();
    }

    /**
     * The per-stage table of the hub's own work; with {@code msPerSample} (CPU ms per case ÷ samples) each stage's
     * share is also given in ms per case.
     */
    static String breakdown(StageBreakdown b, Double msPerCasePerSample) {
        StringBuilder md = new StringBuilder();
        md.append(msPerCasePerSample == null ? "| stage of the hub's work (JFR execution samples) | samples | % |\n|---|---|---|\n"
                : "| stage of the hub's work (JFR execution samples) | samples | % | ms per case |\n|---|---|---|---|\n");
        for (String stage : StageBreakdown.ORDER) {
            long n = b.stages().getOrDefault(stage, 0L);
            if (n == 0 && (stage.equals(StageBreakdown.SIMULATORS) || stage.equals(StageBreakdown.COUNTERS))) {
                continue;
            }
            md.append("| ").append(stage).append(" | ").append(n).append(" | ").append(b.percent(stage));
            if (msPerCasePerSample != null) {
                md.append(f(" | %.1f", n * msPerCasePerSample));
            }
            md.append(" |\n");
        }
        if (!b.otherPackages().isEmpty()) {
            md.append("\n\"other\", largest packages of the top frame: ");
            List<String> parts = new ArrayList<>();
            b.otherPackages().forEach((k, v) -> parts.add("`" + k + "` " + Math.round(v * 1000.0 / Math.max(1, b.samples())) / 10.0 + " %"));
            md.append(String.join(", ", parts)).append("\n");
        }
        return md.toString();
    }

    static String cases(long n) {
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n >= 1_000 && n % 1_000 == 0) {
            return n / 1_000 + "k";
        }
        return Long.toString(n);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
