package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.seeds.simulators.SimulatorSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: starts the department simulators (here) and the packaged hub (in its own JVM), measures
 * load points at each size of stored history, then the baselines, and writes the results and the report.
 * Run it with bench/run (see README).
 */
public final class BenchRunner {

    /** Clients against the verify endpoint in baseline (c): enough to keep both cores busy through HTTP round trips. */
    private static final int VERIFY_CLIENTS = 16;

    private final BenchOptions options;
    private LicenceVerificationBaseline licenceVerification;
    private final String command;
    private final Path work;

    private BenchRunner(BenchOptions options, String command) {
        this.options = options;
        this.command = command;
        this.work = Path.of(System.getProperty("onewindow.bench.work", "bench/target/work"))
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    public static void main(String[] args) throws Exception {
        List<String> given = java.util.Arrays.asList(args);
        if (given.contains("--two-hubs")) {
            runAndExit(args, TwoHubs.Options::parse, TwoHubs::run);
        } else if (given.contains("--message-log-comparison")) {
            runAndExit(args, MessageLogComparison.Options::parse, MessageLogComparison::run);
        } else if (given.contains("--quick")) {
            runAndExit(args, QuickRun.Options::parse, QuickRun::run);
        } else {
            runAndExit(args, BenchOptions::parse, BenchRunner::run);
        }
    }

    private interface Mode<O> {
        Path run(O options, String command) throws Exception;
    }

    /** One mode of bench/run: its options parsed (a bad one: the message and exit code 2), then the run and its report. */
    private static <O> void runAndExit(String[] args, java.util.function.Function<String[], O> parse, Mode<O> mode) throws Exception {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path report = mode.run(options, ("bench/run " + String.join(" ", args)).trim());
        System.out.println("Report: " + report);
        System.exit(0);
    }

    /** Runs the benchmark and returns the Markdown report's path. */
    public static Path run(BenchOptions options, String command) throws Exception {
        return new BenchRunner(options, command).run();
    }

    private Path run() throws Exception {
        Files.createDirectories(work);
        say("Working directory " + work + " (hub logs, flight recordings, data)");
        Duration drain = options.smoke() ? Duration.ofSeconds(60) : Duration.ofSeconds(180);
        try (DepartmentSimulators simulators = new DepartmentSimulators(new SimulatorSettings(SimulatorSettings.SEEDED_STUBS,
                Math.max(50, options.departmentConcurrency() * 2), 20_000, options.latencyMs()));
             HubDatabase database = options.postgres() ? HubDatabase.postgres(work) : HubDatabase.h2(work.resolve("data"))) {
            List<String> settings = hubSettings(simulators, database);

            // first start: Flyway makes the tables, one case of each kind shows which department calls it makes
            Map<CaseKind, List<SequentialBaseline.Call>> callsByKind = new LinkedHashMap<>();
            try (HubUnderTest hub = HubUnderTest.start(work.resolve("data"), work.resolve("hub-first.log"), settings)) {
                simulators.callBackTo(hub.baseUrl());
                LoadDriver driver = new LoadDriver(new BenchHttp(hub.baseUrl(), 8), drain, options.latencyMs());
                for (CaseKind kind : CaseKind.MIX) {
                    callsByKind.put(kind, sampleCalls(hub, simulators, kind));
                }
                driver.closedLoop(4, Duration.ofSeconds(options.smoke() ? 1 : 5), 10_000);
            }

            List<BenchResult.HistoryStage> stages = new ArrayList<>();
            for (int size : options.histories()) {
                stages.add(stage(size, simulators, database, settings, drain));
            }

            BenchResult.Baselines baselines = baselines(simulators, callsByKind, stages.get(0));
            BenchResult result = new BenchResult(LocalDate.now().toString(), command, setup(database), stages, baselines,
                    Targets.judge(stages, baselines.licenceVerification()));
            Path report = BenchReport.write(result, options.out());
            say("Results written to " + options.out());
            return report;
        }
    }

    private BenchResult.HistoryStage stage(int size, DepartmentSimulators simulators, HubDatabase database, List<String> settings,
                                           Duration drain) throws Exception {
        long seedStart = System.nanoTime();
        long added = new HistorySeeder(database).fillTo(size);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        say(String.format("Stored history: %d cases (%d added in %.1f s)", size, added, seedSeconds));
        Path jfr = options.jfr() ? work.resolve("hub-" + size + ".jfr") : null;
        List<LoadPoint> points = new ArrayList<>();
        double heapAfterGc;
        double rssPeak;
        Instant measuredFrom;
        Instant measuredTo;
        // the recording starts with the hub's JVM (see HubUnderTest.start); only the measured points are analysed
        try (HubUnderTest hub = HubUnderTest.start(work.resolve("data"), work.resolve("hub-" + size + ".log"), settings, jfr)) {
            simulators.callBackTo(hub.baseUrl());
            LoadDriver driver = new LoadDriver(new BenchHttp(hub.baseUrl(), 16), drain, options.latencyMs());
            // warm-up, not reported: JIT, connection pools, each department's first call
            driver.closedLoop(8, Duration.ofSeconds(options.smoke() ? 1 : 5), 10_000);
            measuredFrom = Instant.now();
            Duration pointTime = Duration.ofSeconds(options.pointSeconds());
            for (int clients : options.concurrencies()) {
                points.add(measure(hub, "closed", clients, () -> driver.closedLoop(clients, pointTime, options.maxCasesPerPoint())));
            }
            for (int rate : options.rates()) {
                points.add(measure(hub, "open", rate, () -> driver.openLoop(rate, pointTime, options.maxCasesPerPoint())));
            }
            measuredTo = Instant.now();
            if (jfr != null) {
                hub.dumpRecording(jfr);
            }
            if (size == options.histories().get(0)) {
                // baseline (c) needs the running hub; after the measured window, so that its load stays out of the hot spots
                licenceVerification = LicenceVerificationBaseline.run(hub, VERIFY_CLIENTS,
                        Duration.ofSeconds(options.baselineSeconds()),
                        options.smoke() ? Duration.ofSeconds(1) : LicenceVerificationBaseline.ENDPOINT_WARM_UP);
                say(String.format("Baseline (c) licence verification: raw SM2 %.0f/s (%d threads), hub %.0f/s one per call, %.0f/s in batches",
                        licenceVerification.rawAllCores(), licenceVerification.threads(), licenceVerification.endpointPerSecond(),
                        licenceVerification.batchPerSecond()));
            }
            heapAfterGc = hub.heapAfterGcMiB();
            rssPeak = hub.rssMiB()[1];
        }
        HotSpots hotSpots = jfr == null ? null : HotSpots.of(jfr, measuredFrom, measuredTo);
        return new BenchResult.HistoryStage(size, Math.round(seedSeconds * 10) / 10.0, points, Math.round(heapAfterGc),
                Math.round(rssPeak), database.sizeBytes(), hotSpots);
    }

    private interface Load {
        LoadDriver.Run run();
    }

    private LoadPoint measure(HubUnderTest hub, String mode, int offered, Load load) {
        LoadPoint point;
        try (ResourceSampler sampler = new ResourceSampler(hub)) {
            LoadDriver.Run run = load.run();
            point = LoadPoint.of(mode, offered, run, options.latencyMs(), sampler.usage());
        }
        say(String.format("  %s %d: %d completed, %d not, %.1f cases/s, p50 %.1f ms, p99 %.1f ms, overhead p99 %.1f ms, hub CPU %.2f cores",
                mode, offered, point.completed(), point.notCompleted() + point.failedSubmissions(), point.casesPerSecond(),
                point.latency().p50(), point.latency().p99(), point.overhead().p99(), point.hubCpuCores()));
        return point;
    }

    private BenchResult.Baselines baselines(DepartmentSimulators simulators, Map<CaseKind, List<SequentialBaseline.Call>> callsByKind,
                                            BenchResult.HistoryStage first) throws Exception {
        // the real-estate registry's callbacks have no hub to reach now; they go nowhere
        simulators.callBackTo("http://localhost:9");
        int clients = options.concurrencies().isEmpty() ? 16 : options.concurrencies().get(0);
        SequentialBaseline.Result sequential = SequentialBaseline.run(callsByKind, clients, Duration.ofSeconds(options.baselineSeconds()));
        say(String.format("Baseline (a) sequential, %d clients: %.1f cases/s, median %.1f ms", clients, sequential.casesPerSecond(),
                sequential.latency().p50()));
        LoadPoint hubPoint = first.points().stream().filter(p -> p.mode().equals("closed") && p.offered() == clients).findFirst()
                .orElse(null);
        int messageBytes = taskMessageBytes();
        RawArtemisBaseline.Result raw = RawArtemisBaseline.run(work.resolve("raw-artemis"), messageBytes, 4, 8,
                Duration.ofSeconds(options.baselineSeconds()));
        say(String.format("Baseline (b) raw Artemis, %d B: %.0f messages/s", messageBytes, raw.messagesPerSecond()));
        double hubMessages = first.points().stream().mapToDouble(LoadPoint::messagesPerSecond).max().orElse(0);
        double hubCases = hubPoint == null ? 0 : hubPoint.casesPerSecond();
        double hubMedian = hubPoint == null ? 0 : hubPoint.latency().p50();
        return new BenchResult.Baselines(sequential, hubCases, hubMedian,
                round(hubCases / Math.max(0.001, sequential.casesPerSecond())),
                round(hubMedian / Math.max(0.001, sequential.latency().p50())),
                raw, hubMessages, Math.round(hubMessages / Math.max(0.001, raw.messagesPerSecond()) * 1000) / 1000.0,
                licenceVerification);
    }

    /** Submits one case of a kind, waits for it, and returns the department calls the hub made for it. */
    private static List<SequentialBaseline.Call> sampleCalls(HubUnderTest hub, DepartmentSimulators simulators, CaseKind kind) {
        BenchHttp http = new BenchHttp(hub.baseUrl(), 2);
        String caseId = http.submit(kind.body());
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!http.get("/api/v1/cases/" + caseId).path("status").asText().equals("COMPLETED")) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("sample case " + caseId + " (" + kind.name() + ") did not complete; see the hub log");
            }
            HubUnderTest.sleep(50);
        }
        // data shared after completion reaches its departments a moment later
        HubUnderTest.sleep(1_000);
        List<SequentialBaseline.Call> calls = SequentialBaseline.callsOf(simulators, caseId);
        say("Sample " + kind.name() + ": " + caseId + ", " + calls.size() + " department calls");
        return calls;
    }

    /** The mean size of the task messages the hub puts on its queues for the mix (TaskMessage JSON of the demo cases). */
    private static int taskMessageBytes() throws IOException {
        long total = 0;
        for (CaseKind kind : CaseKind.MIX) {
            JsonNode demo = BenchHttp.read(kind.body());
            ObjectNode message = BenchHttp.JSON.createObjectNode();
            message.put("taskId", "OW20261124-ABCDEFGHJK-01").put("caseId", "OW20261124-ABCDEFGHJK")
                    .put("department", "social-insurance").put("itemCode", "SI-PERSON-ENROLMENT");
            message.set("applicant", demo.get("applicant"));
            message.set("form", demo.get("form"));
            message.putObject("inputs");
            total += BenchHttp.JSON.writeValueAsString(message).getBytes(StandardCharsets.UTF_8).length;
        }
        return (int) (total / CaseKind.MIX.size());
    }

    private List<String> hubSettings(DepartmentSimulators simulators, HubDatabase database) {
        List<String> settings = new ArrayList<>();
        simulators.hubSettings().forEach((k, v) -> settings.add(k + "=" + v));
        simulators.departments().forEach(d -> settings.add("onewindow.departments." + d + ".concurrency=" + options.departmentConcurrency()));
        settings.addAll(database.hubSettings());
        return settings;
    }

    private Map<String, Object> setup(HubDatabase database) {
        return BenchReport.ordered(
                "machine", Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", " + System.getProperty("os.name")
                        + " " + System.getProperty("os.version") + ", Java " + System.getProperty("java.version"),
                "hub", "packaged jar in its own JVM, " + HubUnderTest.HEAP + ", embedded Artemis, " + database.kind(),
                "departments", "WireMock simulators in the benchmark's JVM, " + options.latencyMs() + " ms per answer; "
                        + options.departmentConcurrency() + " consumers per department in the hub",
                "mix", CaseKind.MIX.stream().map(k -> k.name() + " ×" + k.weight() + " (critical path "
                        + k.criticalPathMs(options.latencyMs()) + " ms)").toList(),
                "points", (options.concurrencies().isEmpty() ? "" : "closed loop " + options.concurrencies() + " clients; ")
                        + (options.rates().isEmpty() ? "" : "open loop " + options.rates() + " cases/s; ")
                        + options.pointSeconds() + " s each, at most " + options.maxCasesPerPoint() + " cases",
                "commit", commit());
    }

    private static String memory() {
        try {
            String total = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "");
            return Math.round(Long.parseLong(total) / 1048576.0) + " GiB";
        } catch (IOException | RuntimeException e) {
            return "memory unknown";
        }
    }

    static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void say(String line) {
        System.out.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
    }
}
