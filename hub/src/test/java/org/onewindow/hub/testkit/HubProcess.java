package org.onewindow.hub.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The packaged hub (hub/target/onewindow-hub.jar) in a JVM of its own, so that a test can kill it
 * with SIGKILL as a power cut or an OOM killer would, and start it again on the same data.
 */
public final class HubProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    public HubProcess(Path dataDir, Path log, List<String> settings) {
        this(dataDir, log, settings, List.of());
    }

    /** @param jvmOptions options for the hub's JVM besides its heap limit (e.g. -XX:TieredStopAtLevel=1 for quicker starts) */
    public HubProcess(Path dataDir, Path log, List<String> settings, List<String> jvmOptions) {
        this(packagedJar(), dataDir, log, settings, jvmOptions);
    }

    /** @param jar the hub's jar: the packaged one, or one extracted from it (java -Djarmode=tools ... extract) */
    public HubProcess(Path jar, Path dataDir, Path log, List<String> settings, List<String> jvmOptions) {
        this.port = freePort();
        this.log = log;
        String java = ProcessHandle.current().info().command().orElse("java");
        command = new ArrayList<>(List.of(java, "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--onewindow.data-dir=" + dataDir));
        command.addAll(settings.stream().map(s -> "--" + s).toList());
    }

    /** hub/target/onewindow-hub.jar, as the build's system property onewindow.hub.jar names it. */
    public static Path packagedJar() {
        String jar = System.getProperty("onewindow.hub.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("onewindow.hub.jar must name the packaged hub (run with mvn verify): " + jar);
        }
        return Path.of(jar);
    }

    public HubProcess start() {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            awaitHealthy();
        } catch (RuntimeException | Error notHealthy) {
            // a hub that never came up is not left running on a test's data directory (which JUnit then deletes)
            process.destroyForcibly();
            throw notHealthy;
        }
        return this;
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        // 90 s was too short on a 2-core machine busy with other builds (a start took 80 s there)
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .alias("hub on port " + port + " healthy (log: " + log + ")")
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the hub exited with " + process.exitValue() + "; see " + log);
                    }
                    try {
                        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                        return health.statusCode() == 200 && health.body().startsWith("{\"status\":\"UP\"");
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
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
