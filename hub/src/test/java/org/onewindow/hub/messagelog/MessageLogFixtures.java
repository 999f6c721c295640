package org.onewindow.hub.messagelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/** The message log's real parts with the demo keys of seeds/security, for tests of chain, seals and verification. */
final class MessageLogFixtures {

    static final Path SECURITY = Path.of("../seeds/security");

    /** The chain the tests' writers write unless they name another: a hub's instance id (host-port). */
    static final String CHAIN = "test-host-8080";

    private MessageLogFixtures() {
    }

    static byte[] read(String file) {
        try {
            return Files.readAllBytes(SECURITY.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate signerCertificate() {
        return Crypto.certificate(read(DemoKeys.SIGNING_CERTIFICATE), DemoKeys.SIGNING_CERTIFICATE);
    }

    static X509Certificate tsaCertificate() {
        return Crypto.certificate(read(DemoKeys.TSA_CERTIFICATE), DemoKeys.TSA_CERTIFICATE);
    }

    static SealSigner signer() {
        return new SealSigner(Crypto.privateKey(read(DemoKeys.SIGNING_KEY), DemoKeys.SIGNING_KEY), signerCertificate());
    }

    static LocalTimeStampAuthority authority(Clock clock) {
        return new LocalTimeStampAuthority(Crypto.privateKey(read(DemoKeys.TSA_KEY), DemoKeys.TSA_KEY), tsaCertificate(), clock);
    }

    static Sealer sealer(Clock clock) {
        return new Sealer(signer(), authority(clock));
    }

    /** A writer of {@link #CHAIN} that seals every {@code sealEvery} records (and otherwise only when told). */
    static MessageLogWriter writer(DataSource dataSource, int sealEvery, int queueCapacity) {
        return writer(dataSource, CHAIN, sealEvery, queueCapacity);
    }

    /** A writer of the chain named (a hub's instance id) that seals every {@code sealEvery} records. */
    static MessageLogWriter writer(DataSource dataSource, String chain, int sealEvery, int queueCapacity) {
        Clock clock = Clock.systemUTC();
        return new MessageLogWriter(new MessageLogStore(dataSource), chain, sealer(clock), clock,
                new MessageLogWriter.Settings(queueCapacity, Duration.ofMillis(50), Duration.ofMillis(10), 500, sealEvery, Duration.ofHours(1)));
    }

    /** An exchange that differs from every other by its number. */
    static LoggedExchange exchange(int n) {
        boolean soap = n % 3 == 0;
        return new LoggedExchange(Instant.parse("2026-12-03T02:00:00Z").plusMillis(n * 10L), n % 50, Channel.DEPARTMENT, "hub",
                soap ? "tax" : "social-insurance", soap ? "tax" : "social-insurance",
                soap ? "tax:DeedTaxAssessment" : "POST /si-gateway/v2/services/CB0101/applications",
                "OW20261203-9PK2R4V7Q" + (char) ('A' + n % 20), "OW20261203-9PK2R4V7QA-0" + (n % 9),
                n % 7 == 0 ? "503" : "200", Body.of(("{\"request\":" + n + ",\"name\":\"张三\"}").getBytes(StandardCharsets.UTF_8)),
                Body.of(("{\"answer\":" + n + "}").getBytes(StandardCharsets.UTF_8)));
    }

    static MessageLogVerifier verifier() {
        return new MessageLogVerifier(java.util.List.of(signerCertificate()), java.util.List.of(tsaCertificate()));
    }

    static Verification verify(DataSource dataSource) {
        try (LogSource source = new DatabaseLogSource(new MessageLogStore(dataSource), "test database")) {
            return verifier().verify(source);
        }
    }

    static void sql(DataSource dataSource, String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Swaps two rows of {@link #CHAIN}: see {@link #swap(DataSource, String, long, long, boolean)}. */
    static void swap(DataSource dataSource, long a, long b, boolean withHashes) {
        swap(dataSource, CHAIN, a, b, withHashes);
    }

    /**
     * Swaps the content of two rows of a chain, as someone reordering the log would: every column but chain and seq,
     * and the stored record_hash too when {@code withHashes}.
     */
    static void swap(DataSource dataSource, String chain, long a, long b, boolean withHashes) {
        String columns = "logged_at, duration_ms, channel, from_party, to_party, department, operation, case_id, task_id, status, "
                + "request_sha256, request_bytes, request_body, response_sha256, response_bytes, response_body";
        String hashFrom = withHashes ? "other" : "own";
        sql(dataSource,
                "CREATE TABLE swap_a AS SELECT * FROM message_log WHERE chain = '" + chain + "' AND seq = " + a,
                "CREATE TABLE swap_b AS SELECT * FROM message_log WHERE chain = '" + chain + "' AND seq = " + b,
                "DELETE FROM message_log WHERE chain = '" + chain + "' AND seq IN (" + a + ", " + b + ")",
                "INSERT INTO message_log (chain, seq, " + columns + ", record_hash) SELECT own.chain, " + a + ", "
                        + prefixed("other", columns) + ", " + hashFrom + ".record_hash FROM swap_b other, swap_a own",
                "INSERT INTO message_log (chain, seq, " + columns + ", record_hash) SELECT own.chain, " + b + ", "
                        + prefixed("other", columns) + ", " + hashFrom + ".record_hash FROM swap_a other, swap_b own",
                "DROP TABLE swap_a", "DROP TABLE swap_b");
    }

    private static String prefixed(String table, String columns) {
        return java.util.Arrays.stream(columns.split(", ")).map(c -> table + "." + c).collect(java.util.stream.Collectors.joining(", "));
    }
}
