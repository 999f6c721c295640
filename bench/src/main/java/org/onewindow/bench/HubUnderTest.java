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
import java.util.List;
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
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, HEAP));
        command.addAll(List.of("-jar", jar(), "--server.port=" + port, "--onewindow.data-dir=" + dataDir.toAbsolutePath(),
                "--onewindow.simulators.enabled=false",
                // one demo intake system plays every hall's load: the per-caller limit is for real callers
                "--onewindow.security.rate-limits.per-second=1000000", "--onewindow.security.rate-limits.burst=1000000"));
        settings.forEach(s -> command.add("--" + s));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            HubUnderTest hub = new HubUnderTest(process, port, log);
            hub.awaitHealthy(Duration.ofSeconds(120));
            return hub;
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

    private double metric(String path) {
        JsonNode reply = http.get(path);
        return reply.get("measurements").get(0).get("value").asDouble();
    }

    /**
     * Starts a Java Flight Recording (profile settings) now, after start-up and warm-up, so the hot spots it
     * shows are those of steady work and not of class loading.
     */
    void startRecording() {
        jcmd("JFR.start", "name=bench", "settings=profile");
    }

    /** Writes the recording to {@code file} and stops it. */
    void stopRecording(Path file) {
        jcmd("JFR.stop", "name=bench", "filename=" + file.toAbsolutePath());
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
