package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.seeds.simulators.SimulatorSettings;

import java.io.IOException;
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
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * {@code bench/run --quick}: what a case costs the hub, in a few minutes on 2 cores. One packaged hub (its own JVM, a
 * flight recording from launch, the database counters on) with an empty database; a warm-up of the mix; the hub left
 * idle; then four scenarios, each measured from before its first submission until its last case ended and the hub was quiet again: warm
 * restaurant cases only, enrolment cases only (both closed loop), the mix in closed loop (capacity) and the mix in
 * open loop below saturation (latency). Per scenario: hub CPU per completed case beside cases/s, the JIT's compile
 * time apart, the per-stage breakdown of the hub's Java threads (JFR), statements, commits and bytes written per case.
 * Then the raw Artemis and verify baselines, and the targets of issue 12 next to the previous full report.
 *
 * <p>CPU per case is the figure to compare between runs on a shared machine: cases/s and latency move with whatever
 * else the machine runs, CPU per case much less.
 */
final class QuickRun {

    static final String USAGE = """
            bench/run --quick [--postgres] [--warm-up-seconds 180] [--idle-seconds 25] [--seconds 20] [--clients 4]
                      [--mix-clients 16] [--rate 4] [--latency-ms 50] [--department-concurrency <hub default>]
                      [--baseline-seconds 5] [--label <name>] [--previous bench/results/2026-12-01.json] [--out bench/results]
              --postgres   the same measurements on PostgreSQL (embedded server) after those on H2, in the same report
              --label x    writes <date>-quick-x.md/.json instead of <date>-quick.md/.json
            """;

    record Options(boolean postgres, int warmUpSeconds, int idleSeconds, int seconds, int clients, int mixClients, int rate,
                   int latencyMs, int departmentConcurrency, int baselineSeconds, String label, Path previous, Path out) {

        static Options parse(String... args) {
            Options o = new Options(false, 180, 25, 20, 4, 16, 4, 50, 0, 5, null, Path.of("bench/results/2026-12-01.json"),
                    Path.of("bench/results"));
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> { }
                    case "--postgres" -> o = new Options(true, o.warmUpSeconds, o.idleSeconds, o.seconds, o.clients, o.mixClients,
                            o.rate, o.latencyMs, o.departmentConcurrency, o.baselineSeconds, o.label, o.previous, o.out);
                    case "--warm-up-seconds" -> o = new Options(o.postgres, n(args, ++i), o.idleSeconds, o.seconds, o.clients,
                            o.mixClients, o.rate, o.latencyMs, o.departmentConcurrency, o.baselineSeconds, o.label, o.previous, o.out);
                    case "--idle-seconds" -> o = new Options(o.postgres, o.warmUpSeconds, n(args, ++i), o.seconds, o.clients,
                            o.mixClients, o.rate, o.latencyMs, o.departmentConcurrency, o.baselineSeconds, o.label, o.previous, o.out);
                    case "--seconds" -> o = new Options(o.postgres, o.warmUpSeconds, o.idleSeconds, n(args, ++i), o.clients,
                            o.mixClients, o.rate, o.latencyMs, o.departmentConcurrency, o.baselineSeconds, o.label, o.previous, o.out);
                    case "--clients" -> o = new Options(o.postgres, o.warmUpSeconds, o.idleSeconds, o.seconds, n(args, ++i),
                            o.mixClients, o.rate, o.latencyMs, o.departmentConcurrency, o.baselineSeconds, o.label, o.previous, o.out);
                    case "--mix-clients" -> o = new Options(o.postgres, o.warmUpSeconds, o.idleSeconds, o.seconds, o.clients,
                            n(args, ++i), o.rate, o.latencyMs, o.departmentConcurrency, o.baselineSeconds, o.label, o.previous, o.out);
                    case "--rate" -> o = new Options(o.postgres, o.warmUpSeconds, o.idleSeconds, o.seconds, o.clients, o.mixClients,
                            n(args, ++i), o.latencyMs, o.departmentConcurrency, o.baselineSeconds, o.label, o.previous, o.out);
                    case "--latency-ms" -> o = new Options(o.postgres, o.warmUpSeconds, o.idleSeconds, o.seconds, o.clients,
                            o.mixClients, o.rate, n(args, ++i), o.departmentConcurrency, o.baselineSeconds, o.label, o.previous, o.out);
                    case "--department-concurrency" -> o = new Options(o.postgres, o.warmUpSeconds, o.idleSeconds, o.seconds,
                            o.clients, o.mixClients, o.rate, o.latencyMs, n(args, ++i), o.baselineSeconds, o.label, o.previous, o.out);
                    case "--baseline-seconds" -> o = new Options(o.postgres, o.warmUpSeconds, o.idleSeconds, o.seconds, o.clients,
                            o.mixClients, o.rate, o.latencyMs, o.departmentConcurrency, n(args, ++i), o.label, o.previous, o.out);
                    case "--label" -> o = new Options(o.postgres, o.warmUpSeconds, o.idleSeconds, o.seconds, o.clients, o.mixClients,
                            o.rate, o.latencyMs, o.departmentConcurrency, o.baselineSeconds, v(args, ++i), o.previous, o.out);
                    case "--previous" -> o = new Options(o.postgres, o.warmUpSeconds, o.idleSeconds, o.seconds, o.clients,
                            o.mixClients, o.rate, o.latencyMs, o.departmentConcurrency, o.baselineSeconds, o.label, Path.of(v(args, ++i)), o.out);
                    case "--out" -> o = new Options(o.postgres, o.warmUpSeconds, o.idleSeconds, o.seconds, o.clients, o.mixClients,
                            o.rate, o.latencyMs, o.departmentConcurrency, o.baselineSeconds, o.label, o.previous, Path.of(v(args, ++i)));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\nusage: " + USAGE);
                }
            }
            if (o.seconds < 1 || o.clients < 1 || o.mixClients < 1 || o.rate < 1) {
                throw new IllegalArgumentException("--seconds, --clients, --mix-clients and --rate must be at least 1\nusage: " + USAGE);
            }
            return o;
        }

        String fileStem() {
            return LocalDate.now() + "-quick" + (label == null ? "" : "-" + label);
        }

        private static String v(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value\nusage: " + USAGE);
            }
            return args[i];
        }

        private static int n(String[] args, int i) {
            try {
                return Integer.parseInt(v(args, i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(args[i - 1] + " needs a whole number\nusage: " + USAGE);
            }
        }
    }

    /**
     * One measured scenario.
     *
     * @param hubCpuMsPerCase        hub process CPU (user + system, /proc) from the first submission until the last case
     *                               ended ÷ completed cases; includes the clients' status reads and the hub's idle work
     * @param compileMsPerCase       the JIT's compile time (CompilationMXBean: elapsed time of the compiler threads, which on
     *                               a busy machine exceeds their CPU) ÷ cases: falls as the JIT settles
     * @param jitCpuMsPerCase        the CPU of the hub's compiler threads (/proc/&lt;pid&gt;/task) ÷ cases, part of hub CPU
     * @param gcCpuMsPerCase         the CPU of its GC, VM and recorder (JFR, attach) threads ÷ cases, part of hub CPU
     * @param benchCpuMsPerCase      the benchmark JVM (load generator and department simulators) ÷ cases
     * @param simulatorCpuMsPerCase  of that, the simulators' Jetty and WireMock threads (thread CPU clocks; threads that
     *                               end within the scenario are missed, so a lower bound)
     * @param databaseServerCpuMsPerCase on PostgreSQL, the server's processes (/proc/&lt;pid&gt;/stat of the postmaster
     *                               and its backends) ÷ cases, which the hub's own CPU does not include; 0 on H2
     * @param stageMsPerCase         the breakdown's shares × (hub CPU − JIT CPU − GC CPU) per case (JFR samples the Java
     *                               threads only)
     * @param writeBytesPerCase      write_bytes of the hub's process (/proc/&lt;pid&gt;/io) ÷ cases; on PostgreSQL plus the
     *                               server's processes
     */
    record Scenario(String name, String load, int completed, int notCompleted, double seconds, double casesPerSecond,
                    double hubCpuMsPerCase, double hubCpuCores, double compileMsPerCase, double jitCpuMsPerCase,
                    double gcCpuMsPerCase, double benchCpuMsPerCase,
                    double simulatorCpuMsPerCase, double databaseServerCpuMsPerCase, Percentiles latency, Percentiles overhead, double[] bundleToCriticalPath,
                    double messagesPerSecond, double statementsPerCase, Map<String, Double> statementsByTypePerCase,
                    double executionsPerCase, double commitsPerCase, double rollbacksPerCase, double writeBytesPerCase,
                    StageBreakdown breakdown, Map<String, Double> stageMsPerCase) {
    }

    /** The hub left alone after warm-up: what it burns with nothing to do. */
    /** @param busiestThreads the hub's threads that used the most CPU, ms per second by thread name (digits as #) */
    record Idle(double seconds, double hubCpuMsPerSecond, double jitCpuMsPerSecond, double gcCpuMsPerSecond,
                double statementsPerSecond, double commitsPerSecond, double writeBytesPerSecond,
                Map<String, Double> busiestThreads) {
    }

    record DatabaseRun(String database, double startSeconds, int warmUpCases, double warmUpSeconds, double warmUpCompileMs,
                       double warmUpJitCpuMs, Idle idle, List<Scenario> scenarios, long databaseBytes, long casesSubmitted,
                       LicenceVerificationBaseline verify) {
    }

    record Target(String target, String previous, Map<String, String> measured, Boolean met) {
    }

    record Result(String date, String command, double wallSeconds, Map<String, Object> setup, List<DatabaseRun> runs,
                  RawArtemisBaseline.Result rawArtemis, RawArtemisBaseline.Result rawArtemisBatched, double messagingRatio,
                  List<Target> targets) {
    }

    private static final CaseKind RESTAURANT = CaseKind.MIX.get(0);
    private static final CaseKind ENROLMENT = CaseKind.MIX.get(3);

    private final Options options;
    private final Path work;
    private String postgresFailure;

    private QuickRun(Options options) {
        this.options = options;
        this.work = Path.of(System.getProperty("onewindow.bench.work", "bench/target/work"))
                .resolve("quick-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    static Path run(Options options, String command) throws Exception {
        return new QuickRun(options).run(command);
    }

    private Path run(String command) throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(work);
        say("Working directory " + work + " (hub logs, flight recordings, data)");
        List<DatabaseRun> runs = new ArrayList<>();
        runs.add(onDatabase(false));
        if (options.postgres()) {
            try {
                runs.add(onDatabase(true));
            } catch (Exception | AssertionError e) {
                // the H2 figures are still worth their report; the failure is said there and on the console
                say("PostgreSQL run failed: " + e);
                postgresFailure = e.toString();
            }
        }
        // baseline (b) after the hubs stopped, so that it has the machine to itself as the hub had
        double maxHubMessages = maxMessages(runs.get(0));
        RawArtemisBaseline.Result raw = RawArtemisBaseline.run(work.resolve("raw-artemis"), 380, 4, 8,
                Duration.ofSeconds(options.baselineSeconds()));
        // the same broker with producers sending ten messages per commit, as the outbox relay sends a commit's messages
        RawArtemisBaseline.Result rawBatched = RawArtemisBaseline.run(work.resolve("raw-artemis-batched"), 380, 4, 8,
                Duration.ofSeconds(options.baselineSeconds()), 10);
        double ratio = Math.round(maxHubMessages / Math.max(0.001, raw.messagesPerSecond()) * 1000) / 1000.0;
        say(String.format("Baseline raw Artemis: %.0f messages/s, %.2f ms CPU each (ten per send: %.0f/s, %.2f ms); the hub's busiest %.1f (%.3f)",
                raw.messagesPerSecond(), raw.cpuMsPerMessage(), rawBatched.messagesPerSecond(), rawBatched.cpuMsPerMessage(),
                maxHubMessages, ratio));
        double wall = Math.round((System.nanoTime() - started) / 1e8) / 10.0;
        Result result = new Result(LocalDate.now().toString(), command, wall, setup(), runs, raw, rawBatched, ratio,
                targets(runs, ratio));
        return write(result);
    }

    private DatabaseRun onDatabase(boolean postgres) throws Exception {
        String name = postgres ? "postgres" : "h2";
        Path data = work.resolve(name).resolve("data");
        Path jfr = work.resolve(name + ".jfr");
        Duration drain = Duration.ofSeconds(120);
        try (DepartmentSimulators simulators = new DepartmentSimulators(new SimulatorSettings(SimulatorSettings.SEEDED_STUBS,
                Math.max(50, options.mixClients() * 4), 20_000, options.latencyMs()));
             HubDatabase database = postgres ? HubDatabase.postgres(work.resolve(name)) : HubDatabase.h2(data)) {
            List<String> settings = new ArrayList<>();
            simulators.hubSettings().forEach((k, v) -> settings.add(k + "=" + v));
            if (options.departmentConcurrency() > 0) {
                simulators.departments().forEach(d -> settings.add("onewindow.departments." + d + ".concurrency="
                        + options.departmentConcurrency()));
            }
            settings.addAll(database.hubSettings());
            long t0 = System.nanoTime();
            try (HubUnderTest hub = HubUnderTest.start(data, work.resolve(name + "-hub.log"), settings, jfr)) {
                double startSeconds = (System.nanoTime() - t0) / 1e9;
                say(String.format("%s: hub up in %.1f s", name, startSeconds));
                simulators.callBackTo(hub.baseUrl());
                BenchHttp http = new BenchHttp(hub.baseUrl(), 16);

                // warm-up: the mix until the JIT has seen every path; its compile time is reported, not hidden
                double compileBefore = hub.compilationMs();
                double jitBefore = hub.jitAndGcCpuSeconds()[0];
                long w0 = System.nanoTime();
                LoadDriver.Run warm = new LoadDriver(http, drain, options.latencyMs())
                        .closedLoop(8, Duration.ofSeconds(options.warmUpSeconds()), 100_000);
                double warmSeconds = (System.nanoTime() - w0) / 1e9;
                double warmCompile = hub.compilationMs() - compileBefore;
                double warmJitCpu = (hub.jitAndGcCpuSeconds()[0] - jitBefore) * 1000;
                say(String.format("%s: warm-up %d cases in %.0f s, JIT %.0f ms compile time, %.0f ms compiler CPU", name,
                        warm.outcomes().size(), warmSeconds, warmCompile, warmJitCpu));

                // shares of the last cases reach their departments a moment after the cases completed
                double settle = awaitQuiet(hub);
                say(String.format("%s: quiet %.1f s after the warm-up", name, settle));
                Idle idle = idle(hub, database);
                say(String.format("%s: idle %.1f ms CPU/s (JIT %.1f, GC %.1f), %.1f statements/s, %.1f commits/s", name, idle.hubCpuMsPerSecond(),
                        idle.jitCpuMsPerSecond(), idle.gcCpuMsPerSecond(), idle.statementsPerSecond(), idle.commitsPerSecond()));

                Duration time = Duration.ofSeconds(options.seconds());
                List<Scenario> scenarios = new ArrayList<>();
                List<Instant[]> windows = new ArrayList<>();
                scenarios.add(scenario(hub, database, simulators, windows, "restaurant", options.clients() + " clients, closed loop",
                        "closed", options.clients(), i -> RESTAURANT,
                        d -> d.closedLoop(options.clients(), time, 100_000), http, drain));
                scenarios.add(scenario(hub, database, simulators, windows, "enrolment", options.clients() + " clients, closed loop",
                        "closed", options.clients(), i -> ENROLMENT,
                        d -> d.closedLoop(options.clients(), time, 100_000), http, drain));
                scenarios.add(scenario(hub, database, simulators, windows, "mix, closed loop", options.mixClients() + " clients",
                        "closed", options.mixClients(), CaseKind::draw,
                        d -> d.closedLoop(options.mixClients(), time, 100_000), http, drain));
                scenarios.add(scenario(hub, database, simulators, windows, "mix, open loop", options.rate() + " cases/s",
                        "open", options.rate(), CaseKind::draw,
                        d -> d.openLoop(options.rate(), time, 100_000), http, drain));

                if (!postgres) {
                    hub.startProfile();
                }
                LicenceVerificationBaseline verify = postgres ? null
                        : LicenceVerificationBaseline.run(hub, 16, Duration.ofSeconds(options.baselineSeconds()));
                if (!postgres) {
                    hub.stopProfile(work.resolve("h2-verify.collapsed"));
                }
                if (verify != null) {
                    say(String.format("%s: verify one per call %.0f/s, batches %.0f/s", name, verify.endpointPerSecond(),
                            verify.batchPerSecond()));
                }
                long databaseBytes = database.sizeBytes();
                long submitted = warm.outcomes().size() + scenarios.stream().mapToLong(sc -> sc.completed() + sc.notCompleted()).sum();
                hub.dumpRecording(jfr);

                List<StageBreakdown> breakdowns = StageBreakdown.of(jfr, windows);
                List<Scenario> withStages = new ArrayList<>();
                for (int i = 0; i < scenarios.size(); i++) {
                    withStages.add(withBreakdown(scenarios.get(i), breakdowns.get(i)));
                }
                return new DatabaseRun(postgres ? "PostgreSQL (embedded server)" : "H2 (file, embedded default)",
                        round1(startSeconds), warm.outcomes().size(), round1(warmSeconds), Math.round(warmCompile), Math.round(warmJitCpu),
                        idle, withStages, databaseBytes, submitted, verify);
            }
        }
    }

    /**
     * Waits until the hub's work has settled, at most 3 minutes: a second with fewer than {@value #QUIET_STATEMENTS}
     * statements (the sweeps and pollers of an idle hub stay below it), twice in a row.
     *
     * @return seconds waited
     */
    private static double awaitQuiet(HubUnderTest hub) {
        long started = System.nanoTime();
        double before = hub.sum("onewindow.database.statements");
        int quietSeconds = 0;
        while (quietSeconds < 2 && System.nanoTime() - started < 180_000_000_000L) {
            HubUnderTest.sleep(1_000);
            double now = hub.sum("onewindow.database.statements");
            quietSeconds = now - before < QUIET_STATEMENTS ? quietSeconds + 1 : 0;
            before = now;
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static final int QUIET_STATEMENTS = 20;

    private Idle idle(HubUnderTest hub, HubDatabase database) {
        double cpu = hub.cpuSeconds();
        double[] jitGc = hub.jitAndGcCpuSeconds();
        double statements = hub.sum("onewindow.database.statements");
        double commits = hub.sum("onewindow.database.commits");
        long written = writeBytes(hub, database);
        Map<String, Double> threads = hub.cpuSecondsByThreadName();
        long t = System.nanoTime();
        hub.startProfile();
        HubUnderTest.sleep(options.idleSeconds() * 1000L);
        double seconds = (System.nanoTime() - t) / 1e9;
        hub.stopProfile(work.resolve(database.name() + "-idle.collapsed"));
        double[] jitGcAfter = hub.jitAndGcCpuSeconds();
        Map<String, Double> busiest = new LinkedHashMap<>();
        hub.cpuSecondsByThreadName().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), round1((e.getValue() - threads.getOrDefault(e.getKey(), 0.0)) * 1000 / seconds)))
                .filter(e -> e.getValue() >= 0.5)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(8)
                .forEach(e -> busiest.put(e.getKey(), e.getValue()));
        return new Idle(round1(seconds), round1((hub.cpuSeconds() - cpu) * 1000 / seconds),
                round1((jitGcAfter[0] - jitGc[0]) * 1000 / seconds), round1((jitGcAfter[1] - jitGc[1]) * 1000 / seconds),
                round1((hub.sum("onewindow.database.statements") - statements) / seconds),
                round1((hub.sum("onewindow.database.commits") - commits) / seconds),
                Math.round((writeBytes(hub, database) - written) / seconds), busiest);
    }

    private interface Load {
        LoadDriver.Run run(LoadDriver driver);
    }

    private static final List<String> STATEMENT_TYPES = List.of("select", "insert", "update", "delete", "other");

    private Scenario scenario(HubUnderTest hub, HubDatabase database, DepartmentSimulators simulators, List<Instant[]> windows,
                              String name, String load, String mode, int offered, LongFunction<CaseKind> kinds, Load run,
                              BenchHttp http, Duration drain) {
        LoadDriver driver = new LoadDriver(http, drain, options.latencyMs(), kinds);
        double statements = hub.sum("onewindow.database.statements");
        Map<String, Double> byType = new LinkedHashMap<>();
        STATEMENT_TYPES.forEach(t -> byType.put(t, hub.counter("onewindow.database.statements", "type", t)));
        double executions = hub.sum("onewindow.database.executions");
        double commits = hub.sum("onewindow.database.commits");
        double rollbacks = hub.sum("onewindow.database.rollbacks");
        double compile = hub.compilationMs();
        double[] jitGc = hub.jitAndGcCpuSeconds();
        long written = writeBytes(hub, database);
        Map<Long, Long> simulatorNanos = CpuClocks.simulatorNanos();
        double serverCpu = databaseServerCpuSeconds(database);
        Instant from = Instant.now();
        LoadDriver.Run result;
        ResourceSampler.Usage usage;
        double hubCpu = hub.cpuSeconds();
        double benchCpu = ResourceSampler.benchCpuSeconds();
        // only with -Donewindow.bench.async-profiler=...: a 1 ms wall-clock-free CPU profile of this scenario alone
        hub.startProfile();
        try (ResourceSampler sampler = new ResourceSampler(hub)) {
            result = run.run(driver);
            // the cases' data shares go out after the cases completed: their work belongs to this scenario
            awaitQuiet(hub);
            usage = sampler.usage();
        }
        hub.stopProfile(work.resolve(database.name() + "-" + name.replaceAll("[^a-z]+", "-") + ".collapsed"));
        hubCpu = hub.cpuSeconds() - hubCpu;
        double[] jitGcAfter = hub.jitAndGcCpuSeconds();
        benchCpu = ResourceSampler.benchCpuSeconds() - benchCpu;
        Instant to = Instant.now();
        windows.add(new Instant[]{from, to});
        LoadPoint point = LoadPoint.of(mode, offered, result, options.latencyMs(), usage);
        int cases = Math.max(1, point.completed());
        Map<String, Double> typesPerCase = new LinkedHashMap<>();
        STATEMENT_TYPES.forEach(t -> typesPerCase.put(t, round1((hub.counter("onewindow.database.statements", "type", t) - byType.get(t)) / cases)));
        double seconds = Math.max(0.001, Duration.between(from, to).toNanos() / 1e9);
        Scenario s = new Scenario(name, load, point.completed(), point.notCompleted() + point.failedSubmissions(), round1(seconds),
                point.casesPerSecond(), round1(hubCpu * 1000 / cases), round2(hubCpu / seconds),
                round1((hub.compilationMs() - compile) / cases), round1((jitGcAfter[0] - jitGc[0]) * 1000 / cases),
                round1((jitGcAfter[1] - jitGc[1]) * 1000 / cases), round1(benchCpu * 1000 / cases),
                round1(CpuClocks.simulatorNanosSince(simulatorNanos) / 1e6 / cases),
                round1((databaseServerCpuSeconds(database) - serverCpu) * 1000 / cases), point.latency(), point.overhead(),
                point.bundleToCriticalPath(), point.messagesPerSecond(),
                round1((hub.sum("onewindow.database.statements") - statements) / cases), typesPerCase,
                round1((hub.sum("onewindow.database.executions") - executions) / cases),
                round1((hub.sum("onewindow.database.commits") - commits) / cases),
                round1((hub.sum("onewindow.database.rollbacks") - rollbacks) / cases),
                Math.round((writeBytes(hub, database) - written) / (double) cases), null, Map.of());
        say(String.format("  %s (%s): %d cases, %.1f cases/s, hub %.1f ms CPU/case (compiler threads %.1f, GC %.1f), %.1f statements, %.1f commits, %.0f B written per case",
                name, load, s.completed(), s.casesPerSecond(), s.hubCpuMsPerCase(), s.jitCpuMsPerCase(), s.gcCpuMsPerCase(), s.statementsPerCase(),
                s.commitsPerCase(), s.writeBytesPerCase()));
        return s;
    }

    /** Hub CPU per case without its compiler and GC/VM threads: the Java threads' work, what JFR samples. */
    private static double ownMs(Scenario s) {
        return round1(Math.max(0, s.hubCpuMsPerCase() - s.jitCpuMsPerCase() - s.gcCpuMsPerCase()));
    }

    private static Scenario withBreakdown(Scenario s, StageBreakdown b) {
        Map<String, Double> ms = new LinkedHashMap<>();
        double ownMs = ownMs(s);
        for (String stage : StageBreakdown.ORDER) {
            ms.put(stage, b.samples() == 0 ? 0 : round1(ownMs * b.stages().getOrDefault(stage, 0L) / b.samples()));
        }
        return new Scenario(s.name(), s.load(), s.completed(), s.notCompleted(), s.seconds(), s.casesPerSecond(), s.hubCpuMsPerCase(),
                s.hubCpuCores(), s.compileMsPerCase(), s.jitCpuMsPerCase(), s.gcCpuMsPerCase(), s.benchCpuMsPerCase(), s.simulatorCpuMsPerCase(), s.databaseServerCpuMsPerCase(), s.latency(), s.overhead(),
                s.bundleToCriticalPath(), s.messagesPerSecond(), s.statementsPerCase(), s.statementsByTypePerCase(),
                s.executionsPerCase(), s.commitsPerCase(), s.rollbacksPerCase(), s.writeBytesPerCase(), b, ms);
    }

    /**
     * CPU seconds of the PostgreSQL server's processes so far; 0 on H2, which runs in the hub. Backends that ended in
     * between are missed (the hub's pool keeps its connections, so few do).
     */
    private static double databaseServerCpuSeconds(HubDatabase database) {
        return database.serverProcesses().stream()
                .mapToDouble(p -> {
                    try {
                        String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    } catch (IOException | RuntimeException ended) {
                        return 0;
                    }
                }).sum();
    }

    /** The hub's write_bytes, plus on PostgreSQL those of the server's processes (children of this JVM). */
    private static long writeBytes(HubUnderTest hub, HubDatabase database) {
        long bytes = hub.writeBytes();
        bytes += database.serverProcesses().stream().mapToLong(p -> HubUnderTest.writeBytes(p.pid())).sum();
        return bytes;
    }

    private Map<String, Object> setup() {
        return BenchReport.ordered(
                "machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                        + System.getProperty("os.version") + ", Java " + System.getProperty("java.version") + ", load average at start "
                        + ResourceSampler.loadAverage(),
                "hub", "packaged jar in its own JVM, " + HubUnderTest.HEAP + " " + System.getProperty("onewindow.bench.hub-jvm-options", "") + ", embedded Artemis, empty database at start; "
                        + "JFR from launch, execution samples only (bench execution-samples.jfc); onewindow.observability.database-counters.enabled=true",
                "departments", "WireMock simulators in the benchmark's JVM (not the hub's), " + options.latencyMs()
                        + " ms per answer; consumers per department: "
                        + (options.departmentConcurrency() > 0 ? options.departmentConcurrency() : "the hub's defaults"),
                "warm-up", "the mix, 8 clients, closed loop, " + options.warmUpSeconds() + " s; then " + options.idleSeconds()
                        + " s idle (measured)",
                "scenarios", "restaurant and enrolment only, " + options.clients() + " clients each; the mix with "
                        + options.mixClients() + " clients; the mix open loop at " + options.rate() + " cases/s; "
                        + options.seconds() + " s of submissions each, measured until the last case ended and the hub was quiet again (its data shares delivered)",
                "commit", BenchRunner.commit());
    }

    // ---- targets of issue 12, with the previous full report's figures

    private List<Target> targets(List<DatabaseRun> runs, double messagingRatio) {
        Previous prev = Previous.read(options.previous());
        List<Target> t = new ArrayList<>();
        t.add(target("hub CPU per warm restaurant case ≤ 10 ms", prev.note("no per-kind figure; the mix: " + prev.cpuPerCase),
                runs, r -> scenario(r, "restaurant").hubCpuMsPerCase(), v -> f("%.1f ms", v), v -> v <= 10));
        t.add(target("… the same without the JIT compiler, GC, VM and recorder threads", "–",
                runs, r -> ownMs(scenario(r, "restaurant")), v -> f("%.1f ms", v), v -> v <= 10));
        t.add(target("hub CPU per enrolment case ≤ 3 ms", prev.note("no per-kind figure"),
                runs, r -> scenario(r, "enrolment").hubCpuMsPerCase(), v -> f("%.1f ms", v), v -> v <= 3));
        t.add(target("… the same without the JIT compiler, GC, VM and recorder threads", "–",
                runs, r -> ownMs(scenario(r, "enrolment")), v -> f("%.1f ms", v), v -> v <= 3));
        t.add(target("mix ≥ 100 cases/s sustained", prev.note(prev.bestSustained),
                runs, r -> scenario(r, "mix, closed loop").casesPerSecond(),
                v -> f("%.1f cases/s (closed loop, " + options.mixClients() + " clients)", v), v -> v >= 100));
        t.add(target("hub overhead p99 ≤ 50 ms below saturation", prev.note(prev.overheadP99),
                runs, r -> sustainedOpen(r) ? scenario(r, "mix, open loop").overhead().p99() : Double.NaN,
                v -> f("%.1f ms at %d cases/s", v, options.rate()), v -> v <= 50));
        t.add(target("bundle latency ≤ 1.3 × critical path at the median", prev.note(prev.bundleRatio),
                runs, r -> sustainedOpen(r) ? scenario(r, "mix, open loop").bundleToCriticalPath()[0] : Double.NaN,
                v -> f("%.2f × at %d cases/s", v, options.rate()), v -> v <= 1.3));
        double rawMessages = messagingRatio <= 0 ? 0 : maxMessages(runs.get(0)) / messagingRatio;
        t.add(target("hub messages/s ≥ 0.5 × raw Artemis", prev.note(prev.messagingRatio), runs,
                r -> rawMessages <= 0 ? Double.NaN : maxMessages(r) / rawMessages,
                v -> f("%.3f of raw Artemis (the hub's busiest scenario)", v), v -> v >= 0.5));
        t.add(target("disk written ≤ 50 KB per restaurant case", prev.note("not measured per case (H2 file 952 MiB at 10k stored)"),
                runs, r -> scenario(r, "restaurant").writeBytesPerCase(), v -> f("%.0f KB", v / 1000), v -> v <= 50_000));
        t.add(target("idle hub CPU ≤ 10 ms per second", prev.note("not measured (issue 12: 40–47 ms/s)"),
                runs, r -> r.idle().hubCpuMsPerSecond(), v -> f("%.1f ms/s", v), v -> v <= 10));
        t.add(target("… the same without the JIT compiler, GC, VM and recorder threads", "–",
                runs, r -> round1(r.idle().hubCpuMsPerSecond() - r.idle().jitCpuMsPerSecond() - r.idle().gcCpuMsPerSecond()),
                v -> f("%.1f ms/s", v), v -> v <= 10));
        t.add(target("POST /api/v1/licences/verify, one per call, cached ≥ 3,000/s", prev.note(prev.verify),
                runs, r -> r.verify() == null ? Double.NaN : r.verify().endpointPerSecond(),
                v -> f("%.0f/s (16 clients)", v), v -> v >= 3000));
        return t;
    }

    private static double maxMessages(DatabaseRun r) {
        return r.scenarios().stream().mapToDouble(Scenario::messagesPerSecond).max().orElse(0);
    }

    private static boolean sustainedOpen(DatabaseRun r) {
        Scenario s = scenario(r, "mix, open loop");
        return s.notCompleted() == 0 && s.completed() > 0;
    }

    private static Scenario scenario(DatabaseRun r, String name) {
        return r.scenarios().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private interface Figure {
        double of(DatabaseRun run);
    }

    private interface Text {
        String of(double value);
    }

    private interface Judge {
        boolean met(double value);
    }

    /** Met only when met on every database measured; not measured when no database gave a figure. */
    private static Target target(String name, String previous, List<DatabaseRun> runs, Figure figure, Text text, Judge judge) {
        Map<String, String> measured = new LinkedHashMap<>();
        Boolean met = null;
        for (DatabaseRun r : runs) {
            double v = figure.of(r);
            if (Double.isNaN(v)) {
                measured.put(r.database(), "not measured here (the open-loop point not sustained, or not run on this database)");
                continue;
            }
            measured.put(r.database(), text.of(v));
            met = (met == null || met) && judge.met(v);
        }
        return new Target(name, previous, measured, met);
    }

    /** The figures of the previous full report (bench/results/2026-12-01.json) that the targets compare with. */
    private record Previous(String file, String cpuPerCase, String bestSustained, String overheadP99, String bundleRatio,
                            String messagingRatio, String verify) {

        String note(String figure) {
            return figure;
        }

        static Previous read(Path json) {
            try {
                JsonNode r = BenchHttp.JSON.readTree(json.toFile());
                JsonNode points = r.at("/stages/0/points");
                JsonNode best = null, open = null;
                for (JsonNode p : points) {
                    boolean sustained = p.get("completed").asInt() > 0 && p.get("notCompleted").asInt() == 0
                            && p.get("failedSubmissions").asInt() == 0
                            && (!p.get("mode").asText().equals("open") || p.get("casesPerSecond").asDouble() >= 0.95 * p.get("offered").asInt());
                    if (!sustained) {
                        continue;
                    }
                    if (best == null || p.get("casesPerSecond").asDouble() > best.get("casesPerSecond").asDouble()) {
                        best = p;
                    }
                    if (p.get("mode").asText().equals("open") && (open == null || p.get("offered").asInt() > open.get("offered").asInt())) {
                        open = p;
                    }
                }
                String at = best == null ? "" : " at " + best.get("mode").asText() + " " + best.get("offered").asInt();
                return new Previous(json.toString(),
                        best == null ? "–" : f("%.0f ms", best.get("hubCpuCores").asDouble() / best.get("casesPerSecond").asDouble() * 1000) + at,
                        best == null ? "–" : f("%.1f cases/s", best.get("casesPerSecond").asDouble()) + at,
                        open == null ? "–" : f("%.1f ms at %d/s", open.at("/overhead/p99").asDouble(), open.get("offered").asInt()),
                        open == null ? "–" : f("%.2f × at %d/s", open.at("/bundleToCriticalPath/0").asDouble(), open.get("offered").asInt()),
                        f("%.3f", r.at("/baselines/messagingRatio").asDouble()),
                        f("%.0f/s", r.at("/baselines/licenceVerification/endpointPerSecond").asDouble()));
            } catch (IOException | RuntimeException e) {
                return new Previous(json.toString(), "–", "–", "–", "–", "–", "–");
            }
        }
    }

    // ---- the report

    private Path write(Result r) throws IOException {
        Files.createDirectories(options.out());
        Path json = options.out().resolve(options.fileStem() + ".json");
        BenchHttp.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), r);
        Path md = options.out().resolve(options.fileStem() + ".md");
        Files.writeString(md, markdown(r));
        say("Results written to " + json + " and " + md);
        return md;
    }

    private String markdown(Result r) {
        StringBuilder md = new StringBuilder();
        md.append("# OneWindow Hub quick benchmark, ").append(r.date()).append("\n\n");
        md.append("Command: `").append(r.command()).append("` (").append(f("%.0f", r.wallSeconds())).append(" s wall time)\n\n");
        md.append("| setup | |\n|---|---|\n");
        r.setup().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));

        md.append("\n## Targets (issue 12)\n\nPrevious: the full report `").append(options.previous())
                .append("` (its best sustained point; it did not measure every figure).\n\n");
        md.append("| target | previous | ");
        r.runs().forEach(run -> md.append(run.database()).append(" | "));
        md.append("met |\n|---|---|");
        r.runs().forEach(run -> md.append("---|"));
        md.append("---|\n");
        for (Target t : r.targets()) {
            md.append("| ").append(t.target()).append(" | ").append(t.previous()).append(" | ");
            for (DatabaseRun run : r.runs()) {
                md.append(t.measured().getOrDefault(run.database(), "–")).append(" | ");
            }
            md.append(t.met() == null ? "not measured" : t.met() ? "yes" : "**no**").append(" |\n");
        }

        for (DatabaseRun run : r.runs()) {
            md.append("\n## ").append(run.database()).append("\n\n");
            md.append(f("Hub up in %.1f s; warm-up %d cases in %.0f s with %.0f ms of JIT compile time (%.0f ms of compiler-thread CPU); "
                            + "%d cases submitted in the run; database at the end, hub running: **%.1f MiB**.%n%n", run.startSeconds(),
                    run.warmUpCases(), run.warmUpSeconds(), run.warmUpCompileMs(), run.warmUpJitCpuMs(), run.casesSubmitted(),
                    run.databaseBytes() / 1048576.0));
            Idle idle = run.idle();
            md.append(f("Idle (%.0f s after the warm-up, nothing submitted): **%.1f ms of hub CPU per second** (of which compiler threads "
                            + "%.1f, GC, VM and recorder threads %.1f), %.1f statements/s, %.1f commits/s, %.0f bytes written/s.%n%n", idle.seconds(),
                    idle.hubCpuMsPerSecond(), idle.jitCpuMsPerSecond(), idle.gcCpuMsPerSecond(), idle.statementsPerSecond(),
                    idle.commitsPerSecond(), idle.writeBytesPerSecond()));
            if (!idle.busiestThreads().isEmpty()) {
                md.append("Its busiest threads while idle (ms of CPU per second; /proc/<pid>/task, digits as #): ");
                md.append(idle.busiestThreads().entrySet().stream().map(e -> f("`%s` %.1f", e.getKey(), e.getValue()))
                        .collect(java.util.stream.Collectors.joining(", "))).append(".\n\n");
            }
            md.append("| scenario | load | cases | not completed | cases/s | **hub CPU ms/case** | of which compiler threads | of which GC "
                    + "| JIT compile time ms/case | hub cores "
                    + "| bench JVM ms/case | of which simulators | database server ms/case | p50 ms | p99 ms | overhead p99 ms | bundle ÷ critical path p50 "
                    + "| messages/s | statements/case | executions/case | commits/case | rollbacks/case | bytes written/case |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Scenario s : run.scenarios()) {
                md.append(f("| %s | %s | %d | %d | %.1f | **%.1f** | %.1f | %.1f | %.1f | %.2f | %.1f | %.1f | %s | %.0f | %.0f | %.0f | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n",
                        s.name(), s.load(), s.completed(), s.notCompleted(), s.casesPerSecond(), s.hubCpuMsPerCase(),
                        s.jitCpuMsPerCase(), s.gcCpuMsPerCase(), s.compileMsPerCase(), s.hubCpuCores(), s.benchCpuMsPerCase(), s.simulatorCpuMsPerCase(),
                        run.database().startsWith("PostgreSQL") ? f("%.1f", s.databaseServerCpuMsPerCase()) : "in the hub", s.latency().p50(),
                        s.latency().p99(), s.overhead().p99(),
                        s.bundleToCriticalPath()[0] == 0 ? "–" : f("%.2f", s.bundleToCriticalPath()[0]),
                        s.messagesPerSecond(), s.statementsPerCase(), s.executionsPerCase(), s.commitsPerCase(), s.rollbacksPerCase(),
                        kb(s.writeBytesPerCase())));
            }
            md.append("\nStatements per case by type (select / insert / update / delete / other): ");
            List<String> parts = new ArrayList<>();
            for (Scenario s : run.scenarios()) {
                parts.add(s.name() + " " + String.join(" / ", s.statementsByTypePerCase().values().stream().map(v -> f("%.1f", v)).toList()));
            }
            md.append(String.join("; ", parts)).append(".\n");

            md.append("\n### Where the hub's CPU goes, per scenario (ms per case)\n\n");
            md.append("| stage |");
            run.scenarios().forEach(s -> md.append(" ").append(s.name()).append(" |"));
            md.append("\n|---|");
            run.scenarios().forEach(s -> md.append("---|"));
            md.append("\n");
            md.append("| JIT compiler threads (apart) |");
            run.scenarios().forEach(s -> md.append(f(" %.1f |", s.jitCpuMsPerCase())));
            md.append("\n| GC, VM and recorder threads (apart) |");
            run.scenarios().forEach(s -> md.append(f(" %.1f |", s.gcCpuMsPerCase())));
            md.append("\n");
            for (String stage : StageBreakdown.ORDER) {
                boolean any = run.scenarios().stream().anyMatch(s -> s.breakdown() != null && s.breakdown().stages().getOrDefault(stage, 0L) > 0);
                if (!any && (stage.equals(StageBreakdown.SIMULATORS) || stage.equals(StageBreakdown.COUNTERS))) {
                    continue;
                }
                md.append("| ").append(stage).append(" |");
                run.scenarios().forEach(s -> md.append(f(" %.1f (%.0f %%) |", s.stageMsPerCase().getOrDefault(stage, 0.0),
                        s.breakdown() == null ? 0 : s.breakdown().percent(stage))));
                md.append("\n");
            }
            md.append("| JFR samples |");
            run.scenarios().forEach(s -> md.append(" ").append(s.breakdown() == null ? 0 : s.breakdown().samples()).append(" |"));
            md.append("\n\n");
            for (Scenario s : run.scenarios()) {
                if (s.breakdown() != null && !s.breakdown().otherPackages().isEmpty()) {
                    List<String> other = new ArrayList<>();
                    s.breakdown().otherPackages().forEach((k, v) -> other.add("`" + k + "` " + Math.round(v * 1000.0 / s.breakdown().samples()) / 10.0 + " %"));
                    md.append("- ").append(s.name()).append(", \"other\" by top-frame package: ").append(String.join(", ", other)).append("\n");
                }
            }
            if (run.verify() != null) {
                LicenceVerificationBaseline v = run.verify();
                md.append(f("%nVerify, 16 clients, presented licence, cached, after %d s of warm-up: %.0f/s one per call (the hub: "
                                + "%.3f ms of CPU per call, of which compiler threads %.3f; %.2f cores), %.0f/s in batches of %d "
                                + "(%d errors); raw BouncyCastle SM2 %.0f/s on %d threads.%n",
                        LicenceVerificationBaseline.ENDPOINT_WARM_UP.toSeconds(), v.endpointPerSecond(), v.hubCpuMsPerCall(),
                        v.hubJitMsPerCall(), v.hubCores(), v.batchPerSecond(), v.batchSize(),
                        v.endpointErrors(), v.rawAllCores(), v.threads()));
            }
        }
        if (postgresFailure != null) {
            md.append("\nThe PostgreSQL run failed: `").append(postgresFailure).append("` (see the working directory's logs).\n");
        }
        md.append(f("%nRaw Artemis (same run, after the hub stopped; 380 B persistent, transacted, 4 producers / 8 consumers): "
                        + "%.0f messages/s, %.2f ms of CPU per message sent and received (broker, producers and consumers in the "
                        + "benchmark's JVM); the hub's busiest scenario ÷ that: %.3f.", r.rawArtemis().messagesPerSecond(),
                r.rawArtemis().cpuMsPerMessage(), r.messagingRatio()));
        md.append(f(" With ten messages sent per commit (as the outbox relay sends a commit's messages; consumers still take one per "
                        + "transaction): %.0f messages/s, %.2f ms of CPU per message.", r.rawArtemisBatched().messagesPerSecond(),
                r.rawArtemisBatched().cpuMsPerMessage()));
        r.runs().get(0).scenarios().stream().filter(s -> s.name().equals("restaurant") && s.casesPerSecond() > 0).findFirst()
                .ifPresent(s -> md.append(f(" A restaurant case sends %.1f messages: at the raw broker's cost that is %.1f ms "
                                + "(%.1f ms sent ten per commit) of CPU per case before any of the hub's own work.",
                        s.messagesPerSecond() / s.casesPerSecond(),
                        s.messagesPerSecond() / s.casesPerSecond() * r.rawArtemis().cpuMsPerMessage(),
                        s.messagesPerSecond() / s.casesPerSecond() * r.rawArtemisBatched().cpuMsPerMessage())));
        md.append('\n');
        md.append("""

                How it is measured (docs/benchmark.md, "bench/run --quick"): hub CPU is the process's user + system time from
                /proc over a scenario, from its first submission until its last case ended and the hub was quiet again (fewer than 20 statements a second, twice: the cases' data shares delivered), ÷ completed cases; it includes
                the clients' status reads of their cases and the hub's idle work over that time. The compiler threads' and
                the GC/VM threads' CPU (with JFR's and the attach listener's: the benchmark's recorders) come from /proc/<pid>/task and are given apart; "JIT compile time" is the hub's
                CompilationMXBean total (meter jvm.compilation.time: the compiler threads' elapsed time, which on a busy
                machine exceeds their CPU) over the same time. The stages come from the
                flight recording started with the hub's JVM (execution samples only, every 10 ms), execution samples of the scenario's window,
                each classified by the frame nearest the top of its stack that belongs to persistence (H2, PostgreSQL,
                Hikari, Spring JDBC, the hub's *Store classes), messaging (Artemis, JMS, Camel JMS; only with no Camel or
                hub frame above it: a consumer's routing and logic is "other"), outbound HTTP (Apache HttpClient, CXF,
                java.net.http, Camel HTTP); else intake on a request thread (Tomcat, Spring MVC; Jackson and Bean
                Validation there included); else other; ms per case = share of samples × (hub CPU − compiler − GC/VM threads) per case. Statements and
                commits are the hub's own counters (onewindow.database.*: each entry of a JDBC batch is a statement; commits
                are Connection.commit() calls plus writes in auto-commit mode). Bytes written are write_bytes of
                /proc/<pid>/io (on PostgreSQL plus the server's processes). The department simulators and the load
                generator run in the benchmark's JVM, not the hub's: their CPU is the "bench JVM" column.
                """);
        return md.toString();
    }

    private static String kb(double bytes) {
        return bytes >= 1_000_000 ? f("%.2f MB", bytes / 1e6) : f("%.1f KB", bytes / 1e3);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static void say(String line) {
        System.out.println(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " " + line);
    }
}
