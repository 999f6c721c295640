package org.onewindow.hub.testkit;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Apache Artemis broker (or two) in processes of their own, built from the standalone distribution
 * (org.apache.activemq:apache-artemis bin zip, unpacked by hub/pom.xml's profile faults into the path of the system
 * property onewindow.artemis.home) and configured with the very files of infra/artemis: {@code bin/artemis create} makes
 * an instance in a temporary folder, the infra files replace its etc/, and what differs per machine (ports, data
 * folder, node names) goes in as the system properties those files' placeholders read. Every node listens on a free
 * port of 127.0.0.1 only. A test can kill a node with SIGKILL, stop it, start it again on its journal, on an empty
 * journal (a lost broker) or on a damaged one. Every process still running when the test JVM exits is killed.
 */
public final class ArtemisBroker implements AutoCloseable {

    /** The demo user of infra/artemis/etc/artemis-users.properties, role "hub". */
    public static final String USER = "onewindow";
    public static final String PASSWORD = "onewindow";

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "artemis-broker-killer"));
    }

    private final Kind kind;
    private final List<Node> nodes;

    private enum Kind { SINGLE, PRIMARY_BACKUP, CLUSTER }

    private ArtemisBroker(Kind kind, List<Node> nodes) {
        this.kind = kind;
        this.nodes = nodes;
    }

    /** One broker from infra/artemis/single. */
    public static ArtemisBroker single() {
        Path root = temporaryRoot();
        return new ArtemisBroker(Kind.SINGLE, List.of(
                new Node(root.resolve("broker"), "single/broker.xml", "onewindow-broker", freePort(), 0, Role.ACTIVE)));
    }

    /** A primary and its replicating backup from infra/artemis/primary-backup. */
    public static ArtemisBroker primaryBackup() {
        Path root = temporaryRoot();
        int primaryPort = freePort();
        int backupPort = freePort();
        return new ArtemisBroker(Kind.PRIMARY_BACKUP, List.of(
                new Node(root.resolve("primary"), "primary-backup/primary/broker.xml", "onewindow-primary",
                        primaryPort, backupPort, Role.ACTIVE),
                new Node(root.resolve("backup"), "primary-backup/backup/broker.xml", "onewindow-backup",
                        backupPort, primaryPort, Role.BACKUP)));
    }

    /** Two nodes of a symmetric cluster from infra/artemis/cluster. */
    public static ArtemisBroker cluster() {
        Path root = temporaryRoot();
        int first = freePort();
        int second = freePort();
        return new ArtemisBroker(Kind.CLUSTER, List.of(
                new Node(root.resolve("node-1"), "cluster/broker.xml", "onewindow-node-1", first, second, Role.CLUSTERED),
                new Node(root.resolve("node-2"), "cluster/broker.xml", "onewindow-node-2", second, first, Role.CLUSTERED)));
    }

    /** Starts every node and waits until it serves (a backup: until it holds the primary's journal). */
    public ArtemisBroker start() {
        nodes.forEach(Node::launch);
        nodes.forEach(Node::awaitReady);
        return this;
    }

    /** What the hub is given as ONEWINDOW_BROKER_URL: one node, or the pair/both nodes with failover. */
    public String url() {
        return switch (kind) {
            case SINGLE -> nodes.get(0).url();
            case PRIMARY_BACKUP, CLUSTER -> nodes.stream().map(Node::url)
                    .collect(Collectors.joining(",", "(", ")?ha=true&reconnectAttempts=-1"));
        };
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    /** The single broker, the primary of a pair, the first node of a cluster. */
    public Node primary() {
        return nodes.get(0);
    }

    public Node backup() {
        if (kind != Kind.PRIMARY_BACKUP) {
            throw new IllegalStateException("only a primary/backup pair has a backup");
        }
        return nodes.get(1);
    }

    @Override
    public void close() {
        // the backup first, so that it does not take over from a primary stopping on purpose
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).stop();
        }
    }

    private enum Role { ACTIVE, BACKUP, CLUSTERED }

    /** One broker process and its instance folder (bin/, etc/, data/, log/). */
    public static final class Node {
        private final Path instance;
        private final String brokerXml;
        private final String name;
        private final int port;
        private final int peerPort;
        private final Role role;
        private Process process;
        private long logOffset;

        private Node(Path instance, String brokerXml, String name, int port, int peerPort, Role role) {
            this.instance = instance;
            this.brokerXml = brokerXml;
            this.name = name;
            this.port = port;
            this.peerPort = peerPort;
            this.role = role;
            create();
        }

        public int port() {
            return port;
        }

        /** This node alone: tcp://127.0.0.1:port. */
        public String url() {
            return "tcp://127.0.0.1:" + port;
        }

        public Path dataDir() {
            return instance.resolve("data");
        }

        public Path journalDir() {
            return dataDir().resolve("journal");
        }

        /** The broker's own console output, for a failing test's message. */
        public Path log() {
            return instance.resolve("log").resolve("console.log");
        }

        public boolean isAlive() {
            return process != null && process.isAlive();
        }

        /** Starts the process and waits until it serves clients (a backup: until it is in sync with its primary). */
        public Node start() {
            launch();
            awaitReady();
            return this;
        }

        /** SIGKILL: no shutdown hook, the journal as the disk holds it. */
        public Node kill() {
            if (isAlive()) {
                process.destroyForcibly();
                waitFor(process, Duration.ofSeconds(30));
                RUNNING.remove(process);
            }
            return this;
        }

        /** SIGTERM: Artemis stops cleanly (its shutdown hook); killed after 30 s if it has not. */
        public Node stop() {
            if (isAlive()) {
                process.destroy();
                if (!waitFor(process, Duration.ofSeconds(30))) {
                    process.destroyForcibly();
                    waitFor(process, Duration.ofSeconds(30));
                }
                RUNNING.remove(process);
            }
            return this;
        }

        /** Stopped if running, then started on the same journal. */
        public Node restart() {
            stop();
            return start();
        }

        /** Killed if running, its data folder deleted (journal, bindings, paging): a lost or replaced broker. */
        public Node restartWithEmptyJournal() {
            kill();
            deleteTree(dataDir());
            return start();
        }

        /**
         * Killed if running, then every message journal file overwritten with random bytes over the records after
         * its header (the first 64 KiB after byte 32, where a lightly loaded broker's records are): a disk or a
         * restore that garbled the journal. Not started again: the test decides when.
         */
        public Node damageJournal() {
            kill();
            Random garbage = new Random(port);
            try (Stream<Path> files = Files.list(journalDir())) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".amq")).toList()) {
                    try (RandomAccessFile journal = new RandomAccessFile(file.toFile(), "rw")) {
                        byte[] noise = new byte[(int) Math.min(64 * 1024, Math.max(0, journal.length() - 32))];
                        garbage.nextBytes(noise);
                        journal.seek(32);
                        journal.write(noise);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot damage the journal of " + name, e);
            }
            return this;
        }

        private void create() {
            Path home = artemisHome();
            Path infra = infraArtemis();
            run(List.of("/bin/sh", home.resolve("bin/artemis").toString(), "create", instance.toString(),
                    "--name", name, "--user", USER, "--password", PASSWORD, "--require-login", "--silent",
                    "--no-autotune", "--no-web", "--host", "127.0.0.1"), instance.getParent());
            try (Stream<Path> shared = Files.list(infra.resolve("etc"))) {
                for (Path file : shared.toList()) {
                    Files.copy(file, instance.resolve("etc").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
                Files.copy(infra.resolve(brokerXml), instance.resolve("etc/broker.xml"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void launch() {
            if (isAlive()) {
                throw new IllegalStateException(name + " is running already");
            }
            try {
                Files.createDirectories(log().getParent());
                logOffset = Files.exists(log()) ? Files.size(log()) : 0;
                ProcessBuilder builder = new ProcessBuilder("/bin/sh", instance.resolve("bin/artemis").toString(), "run")
                        .directory(instance.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
                Map<String, String> environment = builder.environment();
                // a small heap: a test's broker holds a few thousand messages at most
                environment.put("JAVA_ARGS", "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                        + " -Dlog4j2.disableJmx=true --add-opens java.base/jdk.internal.misc=ALL-UNNAMED");
                environment.put("JAVA_ARGS_APPEND", String.join(" ", List.of(
                        "-Donewindow.broker.name=" + name,
                        "-Donewindow.broker.host=127.0.0.1",
                        "-Donewindow.broker.advertised-host=127.0.0.1",
                        "-Donewindow.broker.port=" + port,
                        "-Donewindow.broker.peer-host=127.0.0.1",
                        "-Donewindow.broker.peer-port=" + peerPort,
                        "-Donewindow.broker.data-dir=" + dataDir())));
                process = builder.start();
                RUNNING.add(process);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start broker " + name, e);
            }
        }

        private void awaitReady() {
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log());
                }
                boolean ready = switch (role) {
                    // AMQ221024: the backup holds a copy of the primary's journal and follows it
                    case BACKUP -> logSinceStart().contains("AMQ221024");
                    case ACTIVE -> acceptsLogin();
                    // AMQ221027: the cluster bridge to the other node is up (the second node's start completes both)
                    case CLUSTERED -> acceptsLogin() && (!peerExpected() || logSinceStart().contains("AMQ221027"));
                };
                if (ready) {
                    return;
                }
                sleep(200);
            }
            throw new IllegalStateException(name + " not ready within " + START_TIMEOUT + "; see " + log());
        }

        /** A clustered node waits for its bridge only when the other node is listening already. */
        private boolean peerExpected() {
            try (var socket = new java.net.Socket(InetAddress.getLoopbackAddress(), peerPort)) {
                return true;
            } catch (IOException notListening) {
                return false;
            }
        }

        private boolean acceptsLogin() {
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                    url() + "?reconnectAttempts=0&initialConnectAttempts=1&callTimeout=2000", USER, PASSWORD);
                 Connection connection = factory.createConnection()) {
                connection.start();
                return true;
            } catch (JMSException notYet) {
                return false;
            }
        }

        private String logSinceStart() {
            try {
                byte[] all = Files.readAllBytes(log());
                return new String(all, (int) Math.min(logOffset, all.length), (int) Math.max(0, all.length - logOffset));
            } catch (IOException e) {
                return "";
            }
        }
    }

    private static Path artemisHome() {
        String home = System.getProperty("onewindow.artemis.home");
        if (home == null || !Files.isRegularFile(Path.of(home, "bin", "artemis"))) {
            throw new IllegalStateException("onewindow.artemis.home must name the unpacked Artemis distribution"
                    + " (run with ./mvnw verify -Pfaults, which unpacks it into hub/target): " + home);
        }
        return Path.of(home);
    }

    /** infra/artemis of the checkout, found from the working folder (hub/ under Maven). */
    static Path infraArtemis() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/artemis/etc"))) {
                return dir.resolve("infra/artemis");
            }
        }
        throw new IllegalStateException("no infra/artemis above " + Path.of("").toAbsolutePath());
    }

    private static Path temporaryRoot() {
        try {
            Path root = Files.createTempDirectory("onewindow-artemis-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command, Path directory) {
        try {
            Files.createDirectories(directory);
            Process create = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(create.getInputStream().readAllBytes());
            if (!waitFor(create, Duration.ofSeconds(120)) || create.exitValue() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a temporary folder
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
