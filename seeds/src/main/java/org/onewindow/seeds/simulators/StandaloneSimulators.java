package org.onewindow.seeds.simulators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The department simulators in a process of their own, outside any hub, as the departments' systems outlive every
 * hub: for demos and walk-throughs of several hubs on one broker and one database (docs/operations.md). Started from
 * the packaged hub:
 * <pre>
 * java -cp hub/target/onewindow-hub.jar -Dloader.main=org.onewindow.seeds.simulators.StandaloneSimulators \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --base-port 19001 --hubs http://127.0.0.1:18081,http://127.0.0.1:18082 --settings-file departments.properties
 * </pre>
 * Every seeded simulator listens on 127.0.0.1, the departments in alphabetical order on the base port and the ports
 * after it. The settings the hubs need (each department's base-url and callback-secret, a secret drawn at start) are
 * printed and written to the settings file, which the hubs read with
 * {@code --spring.config.additional-location=file:departments.properties} and {@code --onewindow.simulators.enabled=false}.
 * Departments that decide later call back the first hub of the list that answers. No request journal is kept. It
 * runs until stopped (SIGTERM or Ctrl-C).
 */
public final class StandaloneSimulators {

    static final String USAGE = """
            usage: StandaloneSimulators --base-port PORT --hubs URL[,URL...] [--settings-file FILE]
                                        [--latency-ms MS] [--container-threads N]
              --base-port          the first department's port on 127.0.0.1; the others follow, in alphabetical order
              --hubs               the hubs' base URLs, tried in turn for each callback
              --settings-file      where to write the hubs' settings (properties); they are printed in any case
              --latency-ms         a delay every simulated department adds to its answers (default 0)
              --container-threads  Jetty threads per simulator (default 100)""";

    private StandaloneSimulators() {
    }

    /** What the command line asks for. */
    record Options(int basePort, List<String> hubs, Path settingsFile, int latencyMs, int containerThreads) {

        static Options parse(String... args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --option value, got " + String.join(" ", Arrays.asList(args).subList(i, args.length)));
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            List<String> unknown = given.keySet().stream()
                    .filter(name -> !List.of("base-port", "hubs", "settings-file", "latency-ms", "container-threads").contains(name)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s) " + unknown);
            }
            if (!given.containsKey("base-port") || !given.containsKey("hubs")) {
                throw new IllegalArgumentException("--base-port and --hubs are required");
            }
            List<String> hubs = Arrays.stream(given.get("hubs").split(",")).map(String::strip).filter(h -> !h.isEmpty())
                    .map(h -> h.replaceAll("/+$", "")).toList();
            hubs.forEach(hub -> {
                if (!hub.matches("https?://[^/\\s]+")) {
                    throw new IllegalArgumentException("a hub is a base URL such as http://127.0.0.1:18081, not " + hub);
                }
            });
            if (hubs.isEmpty()) {
                throw new IllegalArgumentException("--hubs names no hub");
            }
            int basePort = number(given, "base-port", "0");
            if (basePort < 1024 || basePort > 65000) {
                throw new IllegalArgumentException("--base-port must be between 1024 and 65000, not " + basePort);
            }
            return new Options(basePort, hubs, given.containsKey("settings-file") ? Path.of(given.get("settings-file")) : null,
                    number(given, "latency-ms", "0"), number(given, "container-threads", "100"));
        }

        private static int number(Map<String, String> given, String name, String otherwise) {
            String value = given.getOrDefault(name, otherwise);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        // before the first logger exists: Logback's default would print Jetty's DEBUG lines
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/onewindow/seeds/simulators/standalone-logback.xml");
        }
        DepartmentSimulators simulators = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulators.close();
            stopped.countDown();
        }, "stop-simulators"));
        List<String> lines = settingsLines(simulators.hubSettings());
        if (options.settingsFile() != null) {
            write(options.settingsFile(), lines);
        }
        System.out.println("# the hubs' settings" + (options.settingsFile() == null ? "" : " (written to " + options.settingsFile() + ")"));
        lines.forEach(System.out::println);
        System.out.println("# department simulators ready on 127.0.0.1; callbacks to " + String.join(", ", options.hubs()));
        System.out.flush();
        stopped.await();
    }

    /** Every seeded simulator on its fixed port, calling back to the hubs; no journal. */
    static DepartmentSimulators start(Options options) {
        DepartmentSimulators simulators = new DepartmentSimulators(new SimulatorSettings(SimulatorSettings.SEEDED_STUBS,
                options.containerThreads(), 0, options.latencyMs(), options.basePort()));
        simulators.callBackTo(options.hubs());
        return simulators;
    }

    /** The settings as lines of a properties file, in the simulators' order. */
    static List<String> settingsLines(Map<String, Object> settings) {
        List<String> lines = new ArrayList<>();
        settings.forEach((name, value) -> lines.add(name + "=" + value));
        return lines;
    }

    /** Readable by its owner only: it holds the departments' callback secrets. */
    private static void write(Path file, List<String> lines) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.deleteIfExists(absolute);
        try {
            Files.createFile(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(absolute);
        }
        List<String> all = new ArrayList<>();
        all.add("# written by StandaloneSimulators: the department simulators' addresses and callback secrets, for the hubs");
        all.addAll(lines);
        Files.write(absolute, all, StandardCharsets.UTF_8);
    }
}
