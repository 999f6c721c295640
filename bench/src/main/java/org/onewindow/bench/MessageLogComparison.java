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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/run --message-log-comparison}: what the signed message log costs. Each round starts two packaged hubs
 * side by side, one with the message log on and one with it off (onewindow.message-log.enabled=false), each in a
 * fresh data folder with department simulators of its own, and drives both at the same time with the same closed-loop
 * load (a fixed number of the seeded demo cases, the same clients): whatever else the machine does at that moment
 * falls on both alike. The figure is CPU per case: each hub process's CPU time (from /proc) over its measured load ÷
 * the cases it completed. The order in which the two hubs start alternates between rounds.
 */
final class MessageLogComparison {

    static final String USAGE = """
            bench/run --message-log-comparison [--rounds 3] [--cases 200] [--clients 8] [--warm-up-cases 40]
                      [--latency-ms 50] [--out bench/results]
            """;

    record Options(int rounds, int cases, int clients, int warmUpCases, int latencyMs, Path out) {

        static Options parse(String... args) {
            Options o = new Options(3, 200, 8, 40, 50, Path.of("bench/results"));
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--message-log-comparison" -> { }
                    case "--rounds" -> o = new Options(number(args, ++i), o.cases, o.clients, o.warmUpCases, o.latencyMs, o.out);
                    case "--cases" -> o = new Options(o.rounds, number(args, ++i), o.clients, o.warmUpCases, o.latencyMs, o.out);
                    case "--clients" -> o = new Options(o.rounds, o.cases, number(args, ++i), o.warmUpCases, o.latencyMs, o.out);
                    case "--warm-up-cases" -> o = new Options(o.rounds, o.cases, o.clients, number(args, ++i), o.latencyMs, o.out);
                    case "--latency-ms" -> o = new Options(o.rounds, o.cases, o.clients, o.warmUpCases, number(args, ++i), o.out);
                    case "--out" -> o = new Options(o.rounds, o.cases, o.clients, o.warmUpCases, o.latencyMs, Path.of(args[++i]));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\nusage: " + USAGE);
                }
            }
            if (o.rounds < 1 || o.cases < 1 || o.clients < 1) {
                throw new IllegalArgumentException("--rounds, --cases and --clients must be at least 1\nusage: " + USAGE);
            }
            return o;
        }

        private static int number(String[] args, int i) {
            try {
                return Integer.parseInt(args[i]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(args[i - 1] + " needs a whole number\nusage: " + USAGE);
            }
        }
    }

    /**
     * One hub run.
     *
     * @param hubCpuMsPerCase   hub CPU time ÷ completed cases, ms
     * @param records           message log records written during the measured load (0 when off)
     */
    record Run(int round, boolean messageLog, int completed, int notCompleted, double seconds, double casesPerSecond,
               double hubCpuSeconds, double hubCpuMsPerCase, double hubCpuCores, double benchCpuCores, double p50Ms, double p99Ms,
               double records, double seals, double writerCpuMsPerCase, double databaseMiB) {
    }

    record Result(String date, String command, Map<String, Object> setup, List<Run> runs, Map<String, Object> summary) {
    }

    private MessageLogComparison() {
    }

    static Path run(Options options, String command) throws Exception {
        Path work = Path.of(System.getProperty("onewindow.bench.work", "bench/target/work"))
                .resolve("message-log-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(work);
        say("Working directory " + work);
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            runs.addAll(round(round, options, work));
        }
        Result result = new Result(LocalDate.now().toString(), command, setup(options), runs, summary(runs, options));
        return write(result, options.out());
    }

    /** One hub and its own department simulators. */
    private record Side(boolean on, String name, DepartmentSimulators simulators, HubUnderTest hub, LoadDriver driver) implements AutoCloseable {
        @Override
        public void close() {
            hub.close();
            simulators.close();
        }
    }

    private static List<Run> round(int round, Options options, Path work) throws Exception {
        // the hub started first in odd rounds is the one with the log on
        boolean[] order = round % 2 == 1 ? new boolean[]{true, false} : new boolean[]{false, true};
        try (Side first = side(round, order[0], options, work); Side second = side(round, order[1], options, work)) {
            // warm-up, not measured, both at once: JIT, pools, each department's first call
            both(() -> first.driver().closedLoop(options.clients(), Duration.ofMinutes(10), options.warmUpCases()),
                    () -> second.driver().closedLoop(options.clients(), Duration.ofMinutes(10), options.warmUpCases()));
            List<Run> measured = both(() -> measure(round, first, options, work), () -> measure(round, second, options, work));
            return first.on() ? measured : List.of(measured.get(1), measured.get(0));
        }
    }

    private static Side side(int round, boolean on, Options options, Path work) {
        String name = "round-" + round + "-" + (on ? "on" : "off");
        DepartmentSimulators simulators = new DepartmentSimulators(new SimulatorSettings(SimulatorSettings.SEEDED_STUBS, 100, 20_000,
                options.latencyMs()));
        List<String> settings = new ArrayList<>();
        simulators.hubSettings().forEach((k, v) -> settings.add(k + "=" + v));
        settings.add("onewindow.message-log.enabled=" + on);
        HubUnderTest hub = HubUnderTest.start(work.resolve(name).resolve("data"), work.resolve(name + ".log"), settings);
        simulators.callBackTo(hub.baseUrl());
        return new Side(on, name, simulators, hub, new LoadDriver(new BenchHttp(hub.baseUrl(), 16), Duration.ofSeconds(120), options.latencyMs()));
    }

    private static Run measure(int round, Side side, Options options, Path work) {
        HubUnderTest hub = side.hub();
        double recordsBefore = hub.counter("onewindow.message.log.written");
        double sealsBefore = hub.counter("onewindow.message.log.seals");
        double writerBefore = hub.counter("onewindow.message.log.writer.cpu");
        LoadDriver.Run load;
        ResourceSampler.Usage usage;
        try (ResourceSampler sampler = new ResourceSampler(hub)) {
            load = side.driver().closedLoop(options.clients(), Duration.ofMinutes(10), options.cases());
            usage = sampler.usage();
        }
        double records = hub.counter("onewindow.message.log.written") - recordsBefore;
        double seals = hub.counter("onewindow.message.log.seals") - sealsBefore;
        double writerCpu = hub.counter("onewindow.message.log.writer.cpu") - writerBefore;
        // the H2 file while the hub runs: what the load left, before a shutdown compacts it (or not)
        double databaseMiB = round(folderBytes(work.resolve(side.name()).resolve("data").resolve("db")) / 1048576.0);
        LoadPoint point = LoadPoint.of("closed", options.clients(), load, options.latencyMs(), usage);
        double seconds = Math.max(0.001, java.time.Duration.between(load.startedAt(), load.endedAt()).toNanos() / 1e9);
        Run run = new Run(round, side.on(), point.completed(), point.notCompleted() + point.failedSubmissions(), round(seconds),
                point.casesPerSecond(), round(usage.hubCpuSeconds()), round(usage.hubCpuSeconds() * 1000 / Math.max(1, point.completed())),
                point.hubCpuCores(), point.benchCpuCores(), point.latency().p50(), point.latency().p99(), records, seals,
                round(writerCpu * 1000 / Math.max(1, point.completed())), databaseMiB);
        say(String.format(Locale.ROOT, "  round %d, message log %s: %d cases in %.1f s (%.1f/s), hub CPU %.1f s = %.1f ms per case, "
                        + "%.0f records (%.1f per case), writer %.2f ms per case, p50 %.0f ms", round, side.on() ? "on " : "off", run.completed(),
                run.seconds(), run.casesPerSecond(), run.hubCpuSeconds(), run.hubCpuMsPerCase(), records,
                records / Math.max(1, run.completed()), run.writerCpuMsPerCase(), run.p50Ms()));
        return run;
    }

    private interface Task<T> {
        T call() throws Exception;
    }

    /** Runs both at the same time and waits for both; their results in order. */
    private static <T> List<T> both(Task<T> a, Task<T> b) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<T> first = pool.submit(a::call);
            java.util.concurrent.Future<T> second = pool.submit(b::call);
            return List.of(first.get(), second.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long folderBytes(Path folder) {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Map<String, Object> summary(List<Run> runs, Options options) {
        double on = Percentiles.median(runs.stream().filter(Run::messageLog).mapToDouble(Run::hubCpuMsPerCase).toArray());
        double off = Percentiles.median(runs.stream().filter(r -> !r.messageLog()).mapToDouble(Run::hubCpuMsPerCase).toArray());
        double recordsPerCase = Percentiles.median(runs.stream().filter(Run::messageLog).mapToDouble(r -> r.records() / Math.max(1, r.completed())).toArray());
        double throughputOn = Percentiles.median(runs.stream().filter(Run::messageLog).mapToDouble(Run::casesPerSecond).toArray());
        double throughputOff = Percentiles.median(runs.stream().filter(r -> !r.messageLog()).mapToDouble(Run::casesPerSecond).toArray());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("hubCpuMsPerCaseOn", round(on));
        summary.put("hubCpuMsPerCaseOff", round(off));
        // each round's two hubs ran at the same time: the difference within a round is the fair one
        double[] paired = runs.stream().filter(Run::messageLog).mapToDouble(r -> r.hubCpuMsPerCase() - runs.stream()
                .filter(o -> !o.messageLog() && o.round() == r.round()).findFirst().map(Run::hubCpuMsPerCase).orElse(r.hubCpuMsPerCase()))
                .toArray();
        double cost = Percentiles.median(paired);
        summary.put("costMsPerCase", round(cost));
        summary.put("costPerRoundMs", Arrays.stream(paired).map(MessageLogComparison::round).boxed().toList());
        summary.put("costPercent", round(cost * 100 / Math.max(0.001, off)));
        summary.put("recordsPerCase", round(recordsPerCase));
        summary.put("costMicrosPerRecord", round(cost * 1000 / Math.max(0.001, recordsPerCase)));
        double writer = Percentiles.median(runs.stream().filter(Run::messageLog).mapToDouble(Run::writerCpuMsPerCase).toArray());
        summary.put("writerCpuMsPerCase", round(writer));
        summary.put("writerCpuMicrosPerRecord", round(writer * 1000 / Math.max(0.001, recordsPerCase)));
        double mibOn = Percentiles.median(runs.stream().filter(Run::messageLog).mapToDouble(Run::databaseMiB).toArray());
        double mibOff = Percentiles.median(runs.stream().filter(r -> !r.messageLog()).mapToDouble(Run::databaseMiB).toArray());
        summary.put("databaseKiBPerCase", round((mibOn - mibOff) * 1024 / (options.cases() + options.warmUpCases())));
        summary.put("casesPerSecondOn", round(throughputOn));
        summary.put("casesPerSecondOff", round(throughputOff));
        return summary;
    }

    private static Path write(Result result, Path out) throws IOException {
        Files.createDirectories(out);
        Path json = out.resolve(result.date() + "-message-log.json");
        BenchHttp.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        StringBuilder md = new StringBuilder();
        Map<String, Object> s = result.summary();
        md.append("# What the signed message log costs — ").append(result.date()).append("\n\n");
        md.append("Command: `").append(result.command()).append("`\n\n");
        result.setup().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Summary (medians over the rounds; the difference is the median of each round's on − off)\n\n");
        md.append("| | message log on | message log off | difference |\n|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| hub CPU per case | %.1f ms | %.1f ms | %+.1f ms (%+.1f %%) |%n", s.get("hubCpuMsPerCaseOn"),
                s.get("hubCpuMsPerCaseOff"), s.get("costMsPerCase"), s.get("costPercent")));
        md.append(String.format(Locale.ROOT, "| … in each round | | | %s ms |%n", s.get("costPerRoundMs")));
        md.append(String.format(Locale.ROOT, "| completed cases/s (closed loop, both hubs at once) | %.2f | %.2f | |%n", s.get("casesPerSecondOn"),
                s.get("casesPerSecondOff")));
        md.append(String.format(Locale.ROOT, "| message log records per case | %.1f | – | %.0f µs of hub CPU per record |%n",
                s.get("recordsPerCase"), s.get("costMicrosPerRecord")));
        md.append(String.format(Locale.ROOT, "| of which the writer thread (inserts, seals) | %.2f ms per case | – | %.0f µs per record |%n",
                s.get("writerCpuMsPerCase"), s.get("writerCpuMicrosPerRecord")));
        md.append(String.format(Locale.ROOT, "| H2 file after the load, hub running (warm-up and measured cases) | | | %+.1f KiB per case |%n",
                s.get("databaseKiBPerCase")));
        md.append("\n## Every run\n\n| round | message log | cases | not completed | seconds | cases/s | hub CPU s | hub CPU ms/case "
                + "| hub cores | bench cores | p50 ms | p99 ms | records | seals | writer CPU ms/case | H2 file MiB |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run r : result.runs()) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %.1f | %.2f | %.1f | %.1f | %.2f | %.2f | %.0f | %.0f | %.0f | %.0f | %.2f | %.1f |%n",
                    r.round(), r.messageLog() ? "on" : "off", r.completed(), r.notCompleted(), r.seconds(), r.casesPerSecond(),
                    r.hubCpuSeconds(), r.hubCpuMsPerCase(), r.hubCpuCores(), r.benchCpuCores(), r.p50Ms(), r.p99Ms(), r.records(), r.seals(),
                    r.writerCpuMsPerCase(), r.databaseMiB()));
        }
        md.append("""

                How it is measured (docs/benchmark.md): each round starts two packaged hubs, each in its own JVM, fresh data
                folder and department simulators, one with the message log on and one off; warms both up at the same time
                with the warm-up cases, then drives both at the same time with the measured cases, the same clients and
                mix (%s; the department simulators answer after
                the latency above). Hub CPU is the process's user + system time from /proc over the measured load, so it
                includes the hub's idle work (pollers, the status feed) for as long as the load lasts. The records are the
                hub's own counter onewindow.message.log.written: every intake request (the clients' submissions and the
                GETs that follow each case), every department call and data share, every e-licence and data-exchange look-up.
                The writer thread's CPU (onewindow.message.log.writer.cpu, the thread's own CPU clock) is exact whatever else
                the machine does; the on/off difference also holds the callers' side (hashing, the Camel notifier) and moves
                with the machine's other work: compare it with the spread between runs of the same kind.
                """.formatted(CaseKind.describeMix()));
        Path file = out.resolve(result.date() + "-message-log.md");
        Files.writeString(file, md.toString());
        return file;
    }

    private static Map<String, Object> setup(Options o) {
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version")
                + ", load average before the run " + ResourceSampler.loadAverage());
        setup.put("hub", "packaged jar in its own JVM, " + HubUnderTest.HEAP + ", embedded Artemis, H2 file, fresh data folder per run");
        setup.put("load", o.clients() + " closed-loop clients per hub, " + o.cases() + " measured cases after " + o.warmUpCases()
                + " warm-up cases; " + o.rounds() + " round(s), each with both hubs side by side under the same load at the same time");
        setup.put("departments", "WireMock simulators in the benchmark's JVM, one set per hub, " + o.latencyMs() + " ms per answer");
        setup.put("message log", "the defaults of application.yaml: flush every 100 ms, a seal every 60 s or 10,000 records, "
                + "local time-stamping authority, no bodies kept");
        return setup;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void say(String line) {
        System.out.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
    }
}
