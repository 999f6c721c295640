package org.onewindow.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.seeds.simulators.SimulatorSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code bench/run --two-hubs}: throughput with two hubs against one, on the same machine. One PostgreSQL server (infra's
 * settings) and one external Artemis broker (infra/artemis/single) serve both configurations; the department simulators
 * and the load generator run in the benchmark's JVM. Each round measures ONE hub (hub-1 alone) and TWO hubs (hub-1 and
 * hub-2, the load spread over both as a round-robin load balancer would), in alternating order, with the same mix and
 * the same load: a closed loop of {@code --clients} clients (capacity) and an open loop at {@code --rate} cases/s. Per
 * point: cases/s, latency to completion, and the CPU of every process involved (each hub, the broker, PostgreSQL, the
 * load generator, the simulators) and of the whole machine.
 */
final class TwoHubs {

    static final String USAGE = """
            bench/run --two-hubs [--rounds 2] [--warm-up-seconds 120] [--seconds 60] [--clients 16] [--rate 8]
                      [--latency-ms 50] [--out bench/results] [--smoke]
              --smoke      one short round into bench/target/smoke-two-hubs: only checks that the mode works
            """;

    record Options(int rounds, int warmUpSeconds, int seconds, int clients, int rate, int latencyMs, Path out, boolean smoke) {

        static Options parse(String... args) {
            boolean smoke = List.of(args).contains("--smoke");
            Options o = smoke ? new Options(1, 5, 5, 4, 2, 50, Path.of("bench/target/smoke-two-hubs"), true)
                    : new Options(2, 120, 60, 16, 8, 50, Path.of("bench/results"), false);
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--two-hubs", "--smoke" -> { }
                    case "--rounds" -> o = new Options(n(args, ++i), o.warmUpSeconds, o.seconds, o.clients, o.rate, o.latencyMs, o.out, o.smoke);
                    case "--warm-up-seconds" -> o = new Options(o.rounds, n(args, ++i), o.seconds, o.clients, o.rate, o.latencyMs, o.out, o.smoke);
                    case "--seconds" -> o = new Options(o.rounds, o.warmUpSeconds, n(args, ++i), o.clients, o.rate, o.latencyMs, o.out, o.smoke);
                    case "--clients" -> o = new Options(o.rounds, o.warmUpSeconds, o.seconds, n(args, ++i), o.rate, o.latencyMs, o.out, o.smoke);
                    case "--rate" -> o = new Options(o.rounds, o.warmUpSeconds, o.seconds, o.clients, n(args, ++i), o.latencyMs, o.out, o.smoke);
                    case "--latency-ms" -> o = new Options(o.rounds, o.warmUpSeconds, o.seconds, o.clients, o.rate, n(args, ++i), o.out, o.smoke);
                    case "--out" -> o = new Options(o.rounds, o.warmUpSeconds, o.seconds, o.clients, o.rate, o.latencyMs,
                            Path.of(v(args, ++i)), o.smoke);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\nusage: " + USAGE);
                }
            }
            if (o.rounds < 1 || o.seconds < 1 || o.clients < 2 || o.rate < 1) {
                throw new IllegalArgumentException("--rounds, --seconds and --rate must be at least 1, --clients at least 2 (one per hub)"
                        + "\nusage: " + USAGE);
            }
            return o;
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

    /** What one process (or group of threads) used over a point: CPU seconds, ÷ wall time (cores), ÷ completed cases (ms). */
    record Cpu(double seconds, double cores, double msPerCase) {
    }

    /**
     * One measured load on one configuration, from just before its first submission until its last case ended and
     * every hub was quiet again (the cases' data shares delivered).
     *
     * @param casesPerSecond  completed cases ÷ (last CASE_COMPLETED − first submission)
     * @param latency         submission (as scheduled) → CASE_COMPLETED
     * @param cpu             by process: hub-1, hub-2 (two-hub points only), broker, PostgreSQL, load generator,
     *                        department simulators, all of them, the whole machine, and what others on the machine used
     * @param hubCompilerMsPerCase the hubs' JIT compiler threads (part of the hubs' CPU) ÷ cases: what warm-up left
     */
    record Point(int round, int hubs, String load, int submitted, int completed, int notCompleted, double windowSeconds,
                 double casesPerSecond, Percentiles latency, Map<String, Cpu> cpu, double hubCompilerMsPerCase) {
    }

    /** One load, one hub against two: medians over the rounds. */
    record Comparison(String load, double[] casesPerSecond, double[] p50, double[] p99, double[] hubsMsPerCase,
                      double[] allMsPerCase, double[] machineCores, double throughputRatio) {
    }

    record Result(String date, String command, double wallSeconds, Map<String, Object> setup, List<Comparison> comparisons,
                  List<Point> points, List<HubLogSummary.Logged> logged) {
    }

    static final String ALL = "all of the above";
    static final String MACHINE = "whole machine";
    static final String OTHERS = "others on the machine";
    private static final String BROKER = "broker (Artemis)";
    private static final String POSTGRES = "PostgreSQL";
    private static final String LOAD = "load generator";
    private static final String SIMULATORS = "department simulators";
    private static final int QUIET_COMMITS = 5;

    private final Options options;
    private final Path work;
    private final List<Point> points = new ArrayList<>();
    private final Map<String, HubUnderTest> running = new LinkedHashMap<>();
    /** Per hub, the byte ranges of its log written while it served (from healthy to the stop), for the log summary. */
    private final Map<String, List<long[]>> servedLog = new LinkedHashMap<>();
    private final Map<String, Long> servingSince = new LinkedHashMap<>();
    /** The running hubs' addresses, as the load balancer sees them (read by the callback balancer's thread). */
    private volatile List<String> liveUrls = List.of();
    private DepartmentSimulators simulators;
    private HubDatabase database;
    private ExternalBroker broker;

    private TwoHubs(Options options) {
        this.options = options;
        this.work = Path.of(System.getProperty("onewindow.bench.work", "bench/target/work"))
                .resolve("two-hubs-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    static Path run(Options options, String command) throws Exception {
        return new TwoHubs(options).run(command);
    }

    private Path run(String command) throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(work);
        say("Working directory " + work + " (hub logs, the broker's instance, PostgreSQL's data)");
        String loadAverage = ResourceSampler.loadAverage();
        ScheduledExecutorService callbacks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-callback-balancer");
            t.setDaemon(true);
            return t;
        });
        // interrupted (Ctrl-C): no hub or broker process is left running behind the benchmark
        Thread cleanUp = new Thread(this::stopEverything, "bench-two-hubs-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            simulators = new DepartmentSimulators(new SimulatorSettings(SimulatorSettings.SEEDED_STUBS,
                    Math.max(50, options.clients() * 4), 0, options.latencyMs()));
            database = HubDatabase.postgres(work, HubDatabase.productionSettings());
            broker = ExternalBroker.start(work.resolve("broker"));
            say("PostgreSQL and the broker (" + broker.url() + ") are up");
            // the registry's callbacks go to the running hubs in turn, as through a load balancer's address
            AtomicLong tick = new AtomicLong();
            callbacks.scheduleAtFixedRate(() -> {
                List<String> urls = liveUrls;
                if (!urls.isEmpty()) {
                    simulators.callBackTo(urls.get((int) (tick.getAndIncrement() % urls.size())));
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            for (int round = 1; round <= options.rounds(); round++) {
                // odd rounds: one hub first; even rounds: two first, so that a drift of the machine falls on both alike
                int[] order = round % 2 == 1 ? new int[]{1, 2} : new int[]{2, 1};
                for (int hubs : order) {
                    configuration(round, hubs);
                }
            }
        } finally {
            callbacks.shutdownNow();
            stopEverything();
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        }
        double wall = Math.round((System.nanoTime() - started) / 1e8) / 10.0;
        List<HubLogSummary.Logged> logged = new ArrayList<>();
        servedLog.forEach((id, ranges) -> logged.addAll(HubLogSummary.of(id, log(id), ranges, 8)));
        Result result = new Result(LocalDate.now().toString(), command, wall, setup(loadAverage), compare(), points, logged);
        return write(result);
    }

    /** Brings the running hubs to {@code hubs}, warms them up together, then measures the closed and the open loop. */
    private void configuration(int round, int hubs) {
        while (running.size() > hubs) {
            stop("hub-" + running.size());
        }
        while (running.size() < hubs) {
            start("hub-" + (running.size() + 1));
        }
        List<BenchHttp> clients = running.values().stream().map(h -> new BenchHttp(h.baseUrl(), 16)).toList();
        Duration drain = Duration.ofSeconds(120);
        say(String.format("Round %d, %d hub(s): warm-up, %d clients for %d s", round, hubs, options.clients(), options.warmUpSeconds()));
        new LoadDriver(clients, drain, options.latencyMs(), CaseKind::draw)
                .closedLoop(options.clients(), Duration.ofSeconds(options.warmUpSeconds()), 100_000);
        say(String.format("  warm-up done, quiet after %.0f s", awaitQuiet()));
        Duration time = Duration.ofSeconds(options.seconds());
        measure(round, hubs, "closed loop, " + options.clients() + " clients", "closed", options.clients(),
                () -> new LoadDriver(clients, drain, options.latencyMs(), CaseKind::draw).closedLoop(options.clients(), time, 100_000));
        measure(round, hubs, "open loop, " + options.rate() + " cases/s", "open", options.rate(),
                () -> new LoadDriver(clients, drain, options.latencyMs(), CaseKind::draw).openLoop(options.rate(), time, 100_000));
    }

    private void measure(int round, int hubs, String load, String mode, int offered, Supplier<LoadDriver.Run> driver) {
        Map<String, Double> before = cpuSeconds();
        Map<Long, Long> simulatorsBefore = CpuClocks.simulatorNanos();
        double compilerBefore = compilerSeconds();
        long t0 = System.nanoTime();
        LoadDriver.Run run = driver.get();
        double settled = awaitQuiet();
        double window = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> after = cpuSeconds();
        double simulatorSeconds = CpuClocks.simulatorNanosSince(simulatorsBefore) / 1e9;
        LoadPoint point = LoadPoint.of(mode, offered, run, options.latencyMs(), new ResourceSampler.Usage(0, 0, 0, 0, 0));
        int cases = Math.max(1, point.completed());

        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((process, seconds) -> used.put(process, seconds - before.getOrDefault(process, 0.0)));
        double benchJvm = used.remove(LOAD);
        used.put(LOAD, Math.max(0, benchJvm - simulatorSeconds));
        used.put(SIMULATORS, simulatorSeconds);
        double machine = used.remove(MACHINE);
        double ours = used.values().stream().mapToDouble(Double::doubleValue).sum();
        used.put(ALL, ours);
        used.put(MACHINE, machine);
        used.put(OTHERS, Math.max(0, machine - ours));
        Map<String, Cpu> cpu = new LinkedHashMap<>();
        used.forEach((process, seconds) -> cpu.put(process, new Cpu(round2(seconds), round2(seconds / window), round1(seconds * 1000 / cases))));

        Point p = new Point(round, hubs, load, point.submitted() + point.failedSubmissions(), point.completed(),
                point.notCompleted() + point.failedSubmissions(), round1(window), point.casesPerSecond(), point.latency(), cpu,
                round1((compilerSeconds() - compilerBefore) * 1000 / cases));
        points.add(p);
        say(String.format("  %d hub(s), %s: %d cases (%d not completed), %.1f cases/s, p50 %.0f ms, p99 %.0f ms, quiet %.0f s after; "
                        + "CPU ms/case: hubs %.1f, broker %.1f, PostgreSQL %.1f, load generator %.1f, simulators %.1f, all %.1f; machine %.2f cores",
                hubs, load, p.completed(), p.notCompleted(), p.casesPerSecond(), p.latency().p50(), p.latency().p99(), settled,
                hubsMsPerCase(p), cpu.get(BROKER).msPerCase(), cpu.get(POSTGRES).msPerCase(), cpu.get(LOAD).msPerCase(),
                cpu.get(SIMULATORS).msPerCase(), cpu.get(ALL).msPerCase(), cpu.get(MACHINE).cores()));
    }

    /** CPU seconds so far of each running hub, the broker, PostgreSQL, this JVM and the whole machine. */
    private Map<String, Double> cpuSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        running.forEach((id, hub) -> seconds.put(id, hub.cpuSeconds()));
        seconds.put(BROKER, CpuClocks.tree(broker.process()));
        seconds.put(POSTGRES, database.serverProcesses().stream().findFirst().map(CpuClocks::tree).orElse(0.0));
        seconds.put(LOAD, ResourceSampler.benchCpuSeconds());
        seconds.put(MACHINE, CpuClocks.machineBusy());
        return seconds;
    }

    private double compilerSeconds() {
        return running.values().stream().mapToDouble(h -> h.jitAndGcCpuSeconds()[0]).sum();
    }

    private void start(String id) {
        List<String> settings = new ArrayList<>(List.of("spring.profiles.active=postgres,external-broker",
                "spring.artemis.broker-url=" + broker.url(), "spring.artemis.user=" + ExternalBroker.USER,
                "spring.artemis.password=" + ExternalBroker.PASSWORD, "onewindow.instance.id=" + id));
        settings.addAll(database.connectionSettings());
        simulators.hubSettings().forEach((k, v) -> settings.add(k + "=" + v));
        long t0 = System.nanoTime();
        HubUnderTest hub = HubUnderTest.start(work.resolve(id).resolve("data"), log(id), settings);
        servingSince.put(id, log(id).toFile().length());
        running.put(id, hub);
        liveUrls = running.values().stream().map(HubUnderTest::baseUrl).toList();
        say(String.format("%s up in %.1f s (%s)", id, (System.nanoTime() - t0) / 1e9, hub.baseUrl()));
    }

    /** Stops a hub as an operator would (graceful shutdown); the load balancer stops sending to it first. */
    private void stop(String id) {
        HubUnderTest hub = running.remove(id);
        liveUrls = running.values().stream().map(HubUnderTest::baseUrl).toList();
        if (!liveUrls.isEmpty()) {
            simulators.callBackTo(liveUrls.get(0));
        }
        if (hub != null) {
            servedLog.computeIfAbsent(id, k -> new ArrayList<>()).add(new long[]{servingSince.remove(id), log(id).toFile().length()});
            hub.close();
            say(id + " stopped");
        }
    }

    private Path log(String id) {
        return work.resolve(id + ".log");
    }

    /**
     * Waits until every running hub's work has settled, at most 3 minutes: a second with fewer than
     * {@value #QUIET_COMMITS} commits per hub (an idle hub's heartbeat and pollers stay below it), twice in a row.
     * Commits, not statements: a writer that fails and tries again (the second hub's message log on main at b413858,
     * see the report's log summary) runs statements every second but commits nothing.
     */
    private double awaitQuiet() {
        long started = System.nanoTime();
        double before = commits();
        int quietSeconds = 0;
        while (quietSeconds < 2 && System.nanoTime() - started < 180_000_000_000L) {
            HubUnderTest.sleep(1_000);
            double now = commits();
            quietSeconds = now - before < QUIET_COMMITS * running.size() ? quietSeconds + 1 : 0;
            before = now;
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private double commits() {
        return running.values().stream().mapToDouble(h -> h.sum("onewindow.database.commits")).sum();
    }

    private synchronized void stopEverything() {
        new ArrayList<>(running.keySet()).forEach(this::stop);
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                say("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            database = null;
        }
        if (simulators != null) {
            simulators.close();
            simulators = null;
        }
    }

    /** For each load: one hub against two, each figure the median over the rounds. */
    private List<Comparison> compare() {
        List<Comparison> comparisons = new ArrayList<>();
        for (String load : points.stream().map(Point::load).distinct().toList()) {
            double[][] f = new double[6][2];
            for (int hubs = 1; hubs <= 2; hubs++) {
                int h = hubs;
                List<Point> of = points.stream().filter(p -> p.load().equals(load) && p.hubs() == h).toList();
                f[0][h - 1] = Percentiles.median(of.stream().mapToDouble(Point::casesPerSecond).toArray());
                f[1][h - 1] = Percentiles.median(of.stream().mapToDouble(p -> p.latency().p50()).toArray());
                f[2][h - 1] = Percentiles.median(of.stream().mapToDouble(p -> p.latency().p99()).toArray());
                f[3][h - 1] = Percentiles.median(of.stream().mapToDouble(TwoHubs::hubsMsPerCase).toArray());
                f[4][h - 1] = Percentiles.median(of.stream().mapToDouble(p -> p.cpu().get(ALL).msPerCase()).toArray());
                f[5][h - 1] = Percentiles.median(of.stream().mapToDouble(p -> p.cpu().get(MACHINE).cores()).toArray());
            }
            comparisons.add(new Comparison(load, f[0], f[1], f[2], f[3], f[4], f[5], round2(f[0][1] / Math.max(0.001, f[0][0]))));
        }
        return comparisons;
    }

    static double hubsMsPerCase(Point p) {
        return round1(p.cpu().entrySet().stream().filter(e -> e.getKey().startsWith("hub-")).mapToDouble(e -> e.getValue().msPerCase()).sum());
    }

    private Path write(Result result) throws IOException {
        Path out = options.out();
        Files.createDirectories(out);
        String stem = result.date() + "-two-hubs";
        BenchHttp.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve(stem + ".json").toFile(), result);
        Path md = out.resolve(stem + ".md");
        Files.writeString(md, TwoHubsReport.markdown(result));
        return md;
    }

    private Map<String, Object> setup(String loadAverage) {
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version")
                + ", load average before the run " + loadAverage);
        setup.put("hubs", "packaged jar, each in its own JVM (" + HubUnderTest.HEAP + "), profiles postgres and external-broker, "
                + "onewindow.instance.id hub-1 / hub-2; ONE hub: hub-1 alone (hub-2 stopped); TWO hubs: both, started "
                + "before the warm-up of their configuration");
        setup.put("broker", "Apache Artemis " + ExternalBroker.artemisHome().getFileName().toString().replace("apache-artemis-", "")
                + " in its own process, infra/artemis/single/broker.xml and infra/artemis/etc, the JVM options of the"
                + " distribution's etc/artemis.profile");
        setup.put("database", "PostgreSQL (io.zonky embedded server) with infra/postgresql/onewindow.conf's settings"
                + " (synchronous_commit = on); the hubs log in as the superuser");
        setup.put("departments", "WireMock simulators in the benchmark's JVM, " + options.latencyMs() + " ms per answer, no request "
                + "journal; the real-estate registry's callbacks go to the running hubs in turn (every 100 ms to the next)");
        setup.put("load", "the mix, the same load generator for both configurations, spread over the running hubs as a "
                + "round-robin load balancer would (closed loop: client c keeps to hub c mod n; open loop: case i goes to hub i mod n)");
        setup.put("points", "per configuration: " + options.warmUpSeconds() + " s warm-up with " + options.clients()
                + " clients (not measured); closed loop, " + options.clients() + " clients; open loop, " + options.rate()
                + " cases/s; " + options.seconds() + " s of submissions each, measured until the last case ended and the hubs were quiet");
        setup.put("rounds", options.rounds() + " (odd rounds: one hub first; even: two hubs first)");
        setup.put("commit", BenchRunner.commit());
        return setup;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void say(String line) {
        System.out.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
    }
}
