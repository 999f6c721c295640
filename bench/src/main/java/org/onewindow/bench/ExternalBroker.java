package org.onewindow.bench;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The external Artemis broker several hubs share, as production runs it: a process of its own from the standalone
 * distribution (org.apache.activemq:apache-artemis bin zip, which bench/run unpacks into bench/target) with the broker
 * configuration of infra/artemis/single and infra/artemis/etc, and the JVM options {@code artemis create} writes into
 * the instance's etc/artemis.profile (the distribution's defaults, as infra/systemd runs it). Listens on a free port of
 * 127.0.0.1 only. A trimmed copy of the hub's test kit (hub testkit/ArtemisBroker), which the benchmark cannot use: it
 * is test code of another module, and it starts brokers with a test's small heap and first-tier JIT only.
 */
final class ExternalBroker implements AutoCloseable {

    /** The demo user of infra/artemis/etc/artemis-users.properties (role "hub"), usable on loopback only. */
    static final String USER = "onewindow";
    static final String PASSWORD = "onewindow";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;

    private ExternalBroker(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Creates a broker instance in {@code instance} (which must not exist yet), starts it and waits until it takes logins. */
    static ExternalBroker start(Path folder) {
        Path instance = folder.toAbsolutePath();
        Path home = artemisHome();
        Path infra = infraArtemis();
        int port = freePort();
        run(List.of("/bin/sh", home.resolve("bin/artemis").toString(), "create", instance.toString(),
                "--name", "onewindow-broker", "--user", USER, "--password", PASSWORD, "--require-login", "--silent",
                "--no-autotune", "--no-web", "--host", "127.0.0.1"));
        try (Stream<Path> shared = Files.list(infra.resolve("etc"))) {
            for (Path file : shared.toList()) {
                Files.copy(file, instance.resolve("etc").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(infra.resolve("single/broker.xml"), instance.resolve("etc/broker.xml"), StandardCopyOption.REPLACE_EXISTING);
            Path log = instance.resolve("log/console.log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", instance.resolve("bin/artemis").toString(), "run")
                    .directory(instance.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> environment = builder.environment();
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            // what differs per machine goes in as the system properties infra/artemis/single/broker.xml's placeholders read
            environment.put("JAVA_ARGS_APPEND", String.join(" ", List.of("-Donewindow.broker.name=onewindow-broker",
                    "-Donewindow.broker.host=127.0.0.1", "-Donewindow.broker.port=" + port,
                    "-Donewindow.broker.data-dir=" + instance.resolve("data"))));
            ExternalBroker broker = new ExternalBroker(builder.start(), port, log);
            broker.awaitLogin();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Artemis broker in " + instance, e);
        }
    }

    /** The hub's spring.artemis.broker-url. */
    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The broker's process (bin/artemis execs its JVM, so this is the JVM). */
    ProcessHandle process() {
        return process.toHandle();
    }

    private void awaitLogin() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with " + process.exitValue() + "; see " + log);
            }
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                    url() + "?reconnectAttempts=0&initialConnectAttempts=1&callTimeout=2000", USER, PASSWORD);
                 Connection connection = factory.createConnection()) {
                connection.start();
                return;
            } catch (JMSException notYet) {
                HubUnderTest.sleep(250);
            }
        }
        throw new IllegalStateException("the broker took no login within " + START_TIMEOUT + "; see " + log);
    }

    /** SIGTERM (Artemis stops cleanly), killed after 60 s if it has not. */
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

    /**
     * The unpacked distribution: the system property onewindow.artemis.home, else the one bench/run unpacks
     * (bench/target/apache-artemis-&lt;version&gt;).
     */
    static Path artemisHome() {
        String given = System.getProperty("onewindow.artemis.home");
        Path home = given != null ? Path.of(given).toAbsolutePath() : unpackedInBenchTarget();
        if (home == null || !Files.isRegularFile(home.resolve("bin/artemis"))) {
            throw new IllegalStateException("no Artemis distribution (bin/artemis) at " + home + ": bench/run --two-hubs unpacks"
                    + " it into bench/target, or give -Donewindow.artemis.home=<unpacked apache-artemis bin zip>");
        }
        return home;
    }

    private static Path unpackedInBenchTarget() {
        try (Stream<Path> found = Files.list(Path.of("bench/target"))) {
            return found.filter(p -> p.getFileName().toString().startsWith("apache-artemis-") && Files.isDirectory(p))
                    .map(Path::toAbsolutePath).findFirst().orElse(null);
        } catch (IOException missing) {
            return null;
        }
    }

    /** infra/artemis of the checkout, found from the working folder (the checkout under bench/run, bench/ under Maven). */
    private static Path infraArtemis() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/artemis/etc"))) {
                return dir.resolve("infra/artemis");
            }
        }
        throw new IllegalStateException("no infra/artemis above " + Path.of("").toAbsolutePath());
    }

    private static void run(List<String> command) {
        try {
            Process create = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(create.getInputStream().readAllBytes());
            if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
