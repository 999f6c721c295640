package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged hub (hub/target/onewindow-hub.jar) in a JVM of its own, as it runs in production: the
 * benchmark measures it from outside (HTTP, /proc, its actuator), so the load generator's own work is not
 * counted as the hub's.
 */
final class HubUnderTest implements AutoCloseable {

    /** The hub's heap ceiling in every run: the target is that 1M stored cases fit in it. */
    static final String HEAP = "-Xmx512m";
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    private final int port;
    private final Path log;
    private final BenchHttp http;

    private HubUnderTest(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        // the hub's meters are read as the Prometheus scrape does (a JWT check, not a password hash per call)
        this.http = new BenchHttp(baseUrl(), 2, BenchHttp.METRICS);
    }

    static String jar() {
        String jar = System.getProperty("onewindow.hub.jar", "hub/target/onewindow-hub.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("the packaged hub is missing: " + jar + " (bench/run builds it)");
        }
        return jar;
    }

    /** Starts the hub and waits until /actuator/health says UP. */
    static HubUnderTest start(Path dataDir, Path log, List<String> settings) {
        return start(dataDir, log, settings, null);
    }

    /**
     * Starts the hub, with a flight recording from launch when {@code recording} is given, and waits until
     * /actuator/health says UP. The recording holds execution samples only (execution-samples.jfc, every 10 ms): what
     * the analysis reads, without the CPU that settings=profile's other events cost the hub. It starts with the JVM
     * because a recording started on a running JVM made it recompile some 20,000 methods (minutes of CPU that the first
     * measured stage would pay for, STACK.md); {@link #dumpRecording} writes what it holds so far, and the analysis
     * keeps the measured window only.
     */
    static HubUnderTest start(Path dataDir, Path log, List<String> settings, Path recording) {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, HEAP));
        if (recording != null) {
            command.add("-XX:StartFlightRecording=name=bench,settings=" + samplesOnly(recording) + ",dumponexit=true,filename="
                    + recording.toAbsolutePath());
        }
        // -Donewindow.bench.hub-jvm-options="..." for experiments (JIT or GC flags); the report's setup names them
        String extra = System.getProperty("onewindow.bench.hub-jvm-options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar(), "--server.port=" + port, "--onewindow.data-dir=" + dataDir.toAbsolutePath(),
                "--onewindow.simulators.enabled=false",
                // statements and commits per case (org.onewindow.hub.observability); off by default in the hub
                "--onewindow.observability.database-counters.enabled=true",
                // one demo intake system plays every hall's load: the per-caller limit is for real callers
                "--onewindow.security.rate-limits.per-second=1000000", "--onewindow.security.rate-limits.burst=1000000"));
        settings.forEach(s -> command.add("--" + s));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            HubUnderTest hub = new HubUnderTest(process, port, log);
            // generous: on a 2-core machine shared with builds, a start took up to 112 s
            hub.awaitHealthy(Duration.ofSeconds(300));
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recording's settings, written beside it from the benchmark's resources. */
    private static Path samplesOnly(Path recording) {
        Path settings = recording.toAbsolutePath().resolveSibling("execution-samples.jfc");
        try (var in = HubUnderTest.class.getResourceAsStream("/execution-samples.jfc")) {
            if (in == null) {
                throw new IllegalStateException("execution-samples.jfc is not on the benchmark's classpath");
            }
            Files.createDirectories(settings.getParent());
            Files.copy(in, settings, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.get("/actuator/health").path("status").asText().equals("UP")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet, or not UP yet (503)
            }
            sleep(250);
        }
        throw new IllegalStateException("the hub was not healthy within " + within + "; see " + log);
    }

    /**
     * Starts or stops async-profiler in the hub when the benchmark runs with -Donewindow.bench.async-profiler=<path of
     * libasyncProfiler.so> (tools.profiler:async-profiler on Maven Central): loaded through jcmd's JVMTI.agent_load, so
     * the hub starts as usual and only the window between the two calls is sampled. Does nothing otherwise.
     */
    /** Starts sampling the hub's CPU every millisecond (see {@link #profiler}). */
    void startProfile() {
        // event=cpu (perf events) sees every thread's CPU; itimer only fires on the scheduler's tick and missed most of an
        // idle hub's short wake-ups (81 samples for 1.5 s of CPU). itimer stays the fallback where perf events are refused.
        try {
            profiler("start,event=cpu,interval=1ms");
        } catch (IllegalStateException refused) {
            profiler("start,event=itimer,interval=1ms");
        }
    }

    /** Stops sampling and writes what was sampled since {@link #startProfile} as collapsed stacks. */
    void stopProfile(Path collapsed) {
        profiler("stop,collapsed,file=" + collapsed.toAbsolutePath());
    }

    private void profiler(String arguments) {
        String library = System.getProperty("onewindow.bench.async-profiler");
        if (library == null || library.isBlank()) {
            return;
        }
        try {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(process.pid()), "JVMTI.agent_load", library,
                    // quoted, or jcmd's parser takes the first '=' for a named argument of its own
                    "\"" + arguments + "\"")
                    .redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes());
            if (jcmd.waitFor() != 0 || !output.contains("return code: 0")) {
                throw new IllegalStateException("async-profiler " + arguments + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** User + system CPU time the hub's process has used so far (from /proc), in seconds. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: field 14 (utime) and 15 (stime) of proc(5) are indexes 11 and 12 here
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CPU seconds of the hub's JIT compiler threads ("C1/C2 CompilerThre…") and of its garbage collector, VM and
     * recorder threads ("GC Thread#…", "G1 …", "VM Thread", "VM Periodic Task", "JFR …", "Attach Listener"), from
     * /proc/&lt;pid&gt;/task: {jit, gc}. These threads are not in
     * JFR's execution samples, so the report gives them apart. Compiler threads that ended in between are missed.
     */
    double[] jitAndGcCpuSeconds() {
        double jit = 0, gc = 0;
        try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    boolean compiler = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler");
                    // with the collector: the VM's own threads, and the recorders the benchmark adds (JFR's sampler and
                    // recorder, the attach listener that loads async-profiler): idle, these took 24 ms/s (2026-12-06)
                    boolean collector = name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM ")
                            || name.startsWith("JFR ") || name.equals("Attach Listener");
                    if (!compiler && !collector) {
                        continue;
                    }
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
                    if (compiler) {
                        jit += seconds;
                    } else {
                        gc += seconds;
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while we listed them
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new double[]{jit, gc};
    }

    /**
     * CPU seconds of the hub's live threads so far, summed by thread name with digits replaced by '#' (so that a pool's
     * threads count together), from /proc/&lt;pid&gt;/task. Threads that ended in between are missed.
     */
    Map<String, Double> cpuSecondsByThreadName() {
        Map<String, Double> byName = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "#");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND,
                            Double::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while we listed them
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byName;
    }

    /** Bytes the hub's process has caused to be written to storage so far (write_bytes of /proc/&lt;pid&gt;/io). */
    long writeBytes() {
        return writeBytes(process.pid());
    }

    /** write_bytes of a process (/proc/&lt;pid&gt;/io); 0 when it ended or may not be read. */
    static long writeBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
                if (line.startsWith("write_bytes:")) {
                    return Long.parseLong(line.substring("write_bytes:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException gone) {
            // a process that ended, or one of another user
        }
        return 0;
    }

    /** Milliseconds the hub's JIT compilers have spent so far (CompilationMXBean.getTotalCompilationTime, via the hub's meter). */
    double compilationMs() {
        return counter("jvm.compilation.time");
    }

    /** A meter of the hub summed over its tags, e.g. onewindow.database.statements; 0 when absent. */
    double sum(String name) {
        return counter(name);
    }

    /** One tagged value of a meter of the hub, e.g. ("onewindow.database.statements", "type", "select"); 0 when absent. */
    double counter(String name, String tag, String value) {
        return counter(name + "?tag=" + tag + ":" + value);
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size now and at its peak, MiB (VmRSS, VmHWM). */
    double[] rssMiB() {
        try {
            double rss = 0, peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line) / 1024.0;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kib(line) / 1024.0;
                }
            }
            return new double[]{rss, peak};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long kib(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    /** Heap in use, MiB, from the hub's own meters. */
    double heapUsedMiB() {
        return metric("/actuator/metrics/jvm.memory.used?tag=area:heap") / (1024 * 1024);
    }

    /** Messages the broker's queues have taken in since start (Artemis's own meter, summed over queues). */
    double messagesAdded() {
        return metric("/actuator/metrics/artemis.messages.added");
    }

    /** A counter of the hub's meters, 0 when the hub has no such meter (e.g. the message log is off). */
    double counter(String name) {
        try {
            return metric("/actuator/metrics/" + name);
        } catch (RuntimeException absent) {
            return 0;
        }
    }

    private double metric(String path) {
        JsonNode reply = http.get(path);
        return reply.get("measurements").get(0).get("value").asDouble();
    }

    /** Writes what the recording started at launch holds so far to {@code file}; the recording goes on. */
    void dumpRecording(Path file) {
        jcmd("JFR.dump", "name=bench", "filename=" + file.toAbsolutePath());
    }

    /** Heap in use after a full collection (jcmd GC.run): what the hub's data really keeps, without garbage. */
    double heapAfterGcMiB() {
        jcmd("GC.run");
        sleep(500);
        return heapUsedMiB();
    }

    private void jcmd(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid())));
        command.addAll(List.of(arguments));
        try {
            Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", arguments) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the hub as an operator would (SIGTERM, graceful shutdown), so its flight recording is written. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
