package org.onewindow.hub.messagelog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.hub.testkit.Databases;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.messagelog.MessageLogFixtures.exchange;

/**
 * Export of a period and verification elsewhere, through the command (MessageLogCommand, what hub/message-log runs):
 * exit codes and output as an auditor sees them.
 */
class MessageLogArchiveTest {

    static DataSource db;
    static String url;

    @TempDir
    Path folder;

    /** 250 records logged 10 ms apart from 2026-12-03T02:00:00.010Z, sealed 1–100, 101–200, 201–250. */
    @BeforeAll
    static void writeAndSeal() throws Exception {
        db = Databases.H2.fresh();
        try (var connection = db.getConnection()) {
            url = connection.getMetaData().getURL() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        }
        MessageLogWriter writer = MessageLogFixtures.writer(db, 100, 1_000);
        writer.start();
        for (int i = 1; i <= 250; i++) {
            writer.offer(exchange(i));
        }
        writer.flushAndSeal(Duration.ofSeconds(30));
        writer.stop();
    }

    record Run(int exit, String out, String err) {
    }

    static Run command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = MessageLogCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDatabaseVerifiesThroughTheCommand() {
        Run run = command("verify", "--jdbc-url", url, "--user", "sa",
                "--signer-certificate", "../seeds/security/message-log-signing-certificate.pem",
                "--tsa-certificate", "../seeds/security/tsa-certificate.pem");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("OK: database jdbc:h2:file:", "250 records (positions 1–250), 3 seals").doesNotContain("trusting");
    }

    @Test
    void aPeriodIsExportedWidenedToWholeSealsAndVerifiesWithoutTheDatabase() {
        Path archive = folder.resolve("log.zip");
        // records 130 to 170: all inside seal 2
        Run export = command("export", "--jdbc-url", url, "--from", "2026-12-03T02:00:01.300Z", "--to", "2026-12-03T02:00:01.701Z",
                "--out", archive.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported 100 record(s) and 1 seal(s) of 1 chain(s)",
                "chain " + MessageLogFixtures.CHAIN + ": 100 record(s) (positions 101–200), 1 seal(s)");

        Run verify = command("verify", "--archive", archive.toString());

        assertThat(verify.exit()).as(verify.err() + verify.out()).isZero();
        assertThat(verify.out()).contains("OK: archive", "chain " + MessageLogFixtures.CHAIN + ": 100 records (positions 101–200), 1 seal",
                "trusting the certificates the log carries");
    }

    @Test
    void anArchiveExportedBeforeChainsStillVerifiesAsTheSingleHubChain() throws IOException {
        Path archive = folder.resolve("log.zip");
        command("export", "--jdbc-url", url, "--from", "2026-12-03T02:00:01.300Z", "--to", "2026-12-03T02:00:01.701Z", "--out", archive.toString());
        // format 1: the anchor at the top of the manifest, no chain anywhere
        Path before = rewrite(archive, (entry, text) -> switch (entry) {
            case "manifest.json" -> {
                try {
                    var json = new com.fasterxml.jackson.databind.ObjectMapper();
                    var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(text);
                    var chain = (com.fasterxml.jackson.databind.node.ObjectNode) manifest.remove("chains").get(0);
                    chain.remove("chain");
                    manifest.put("format", MessageLogArchive.SINGLE_CHAIN_FORMAT).setAll(chain);
                    yield json.writeValueAsString(manifest);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            case "records.jsonl", "seals.jsonl" -> text.replace("{\"chain\":\"" + MessageLogFixtures.CHAIN + "\",", "{");
            default -> text;
        });

        Run verify = command("verify", "--archive", before.toString());

        assertThat(verify.exit()).as(verify.err() + verify.out()).isZero();
        assertThat(verify.out()).contains("OK: archive", "chain single-hub: 100 records (positions 101–200), 1 seal");
    }

    @Test
    void aWholeDayExportsEveryRecord() {
        Path archive = folder.resolve("day.zip");
        assertThat(command("export", "--jdbc-url", url, "--from", "2026-12-03", "--to", "2026-12-03", "--zone", "UTC",
                "--out", archive.toString()).exit()).isZero();

        assertThat(command("verify", "--archive", archive.toString()).out()).contains("250 records (positions 1–250), 3 seals");
    }

    @Test
    void aChangedByteInAnArchiveIsNamed() throws IOException {
        Path archive = folder.resolve("log.zip");
        command("export", "--jdbc-url", url, "--from", "2026-12-03T02:00:01.300Z", "--to", "2026-12-03T02:00:01.701Z", "--out", archive.toString());
        Path tampered = rewrite(archive, "records.jsonl", text -> text.replace("\"OW20261203-9PK2R4V7QA-04\"", "\"OW20261203-9PK2R4V7QA-05\""));

        Run verify = command("verify", "--archive", tampered.toString());

        // the first record of 101–200 whose task id ends in -04: exchange(n) has task -0(n % 9), n = 103
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("FAILED: archive", "record 103: altered", "seal 2 no longer verifies");
    }

    @Test
    void anArchiveWithAnotherAnchorFailsAtItsFirstRecord() throws IOException {
        Path archive = folder.resolve("log.zip");
        command("export", "--jdbc-url", url, "--from", "2026-12-03T02:00:01.300Z", "--to", "2026-12-03T02:00:01.701Z", "--out", archive.toString());
        Path tampered = rewrite(archive, "manifest.json", text -> text.replaceFirst("\"previousRecordHash\" : \"[0-9a-f]{64}\"",
                "\"previousRecordHash\" : \"" + "1".repeat(64) + "\""));

        Run verify = command("verify", "--archive", tampered.toString());

        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("record 101: altered");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(command().exit()).isEqualTo(2);
        assertThat(command("verify", "--archive").err()).contains("--archive needs a value");
        assertThat(command("export", "--from", "yesterday", "--to", "2026-12-03", "--out", "x.zip").err()).contains("not a time: yesterday");
        assertThat(command("verify", "--archive", folder.resolve("missing.zip").toString()).exit()).isEqualTo(2);
    }

    private Path rewrite(Path archive, String entry, java.util.function.UnaryOperator<String> change) throws IOException {
        return rewrite(archive, (name, text) -> name.equals(entry) ? change.apply(text) : text);
    }

    /** A copy of the archive with each entry's text changed by {@code change} (name, text); an entry it leaves alone is copied. */
    static Path rewrite(Path archive, java.util.function.BinaryOperator<String> change) throws IOException {
        Path copy = archive.resolveSibling("tampered-" + archive.getFileName());
        boolean changedAny = false;
        try (ZipFile in = new ZipFile(archive.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] content = in.getInputStream(e).readAllBytes();
                if (!e.isDirectory() && !e.getName().endsWith(".pem")) {
                    String text = new String(content, StandardCharsets.UTF_8);
                    String changed = change.apply(e.getName(), text);
                    changedAny |= !changed.equals(text);
                    content = changed.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        assertThat(changedAny).as("the tampering changes the archive").isTrue();
        return copy;
    }
}
