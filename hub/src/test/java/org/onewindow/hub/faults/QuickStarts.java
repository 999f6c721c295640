package org.onewindow.hub.faults;

import org.onewindow.hub.testkit.HubProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fault suite starts hubs dozens of times on 2 cores, so it starts them the quick way: the packaged jar extracted
 * (Spring Boot's {@code java -Djarmode=tools -jar … extract}, plain jars a class-data archive can hold), one training
 * start of the hub that writes the classes it loaded to a dynamic class-data sharing archive (JDK 13+,
 * -XX:ArchiveClassesAtExit), and every start after it mapping that archive instead of loading and verifying those
 * classes again; and the JIT's first tier only (C1), which compiles less during a start. A suite measures losses, not
 * speed: bench/ runs the packaged jar with the JVM's defaults. Should the archive not be written, hubs start without it.
 */
final class QuickStarts {

    private static Path jar;
    private static List<String> jvmOptions;

    private QuickStarts() {
    }

    /** The jar the suite's hubs run. */
    static synchronized Path jar(Path work) throws Exception {
        prepare(work);
        return jar;
    }

    /** The JVM options of the suite's hubs. */
    static synchronized List<String> jvmOptions(Path work) throws Exception {
        prepare(work);
        return jvmOptions;
    }

    private static void prepare(Path folder) throws Exception {
        if (jar != null) {
            return;
        }
        // absolute: the hub refuses an H2 file path relative to its working directory
        Path work = folder.toAbsolutePath();
        Path packaged = HubProcess.packagedJar();
        Path extracted = work.resolve("hub-extracted");
        deleteTree(extracted);
        run(List.of(java(), "-Djarmode=tools", "-jar", packaged.toString(), "extract", "--destination", extracted.toString()),
                work.resolve("extract.log"));
        Path extractedJar = extracted.resolve(packaged.getFileName());
        Path archive = work.resolve("hub.jsa");
        Files.deleteIfExists(archive);
        List<String> quick = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        // the training start: the embedded default on a data folder of its own, stopped cleanly once healthy (the JVM
        // writes the archive as it exits)
        Path trainingData = Files.createDirectories(work.resolve("training-data"));
        List<String> training = new ArrayList<>(quick);
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        try (HubProcess hub = new HubProcess(extractedJar, trainingData, work.resolve("training.log"), List.of(), training)) {
            hub.start();
        } catch (RuntimeException trainingFailed) {
            // the hubs start without the archive, only slower
            System.err.println("QuickStarts: the training start failed, hubs start without a class-data archive: " + trainingFailed);
            Files.deleteIfExists(archive);
        }
        if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
            quick.add("-XX:SharedArchiveFile=" + archive);
        }
        jvmOptions = List.copyOf(quick);
        jar = extractedJar;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void run(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
