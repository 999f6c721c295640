package org.onewindow.hub.messagelog;

import javax.sql.DataSource;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The SQL of the message log's tables (V6__message_log.sql), in plain JDBC: the hub's writer and controller use it
 * on the hub's pool, and the verify and export command on a connection of its own, without Spring.
 */
final class MessageLogStore {

    /** The last record written: where the chain goes on. */
    record Tail(long seq, String recordHash) {
    }

    record StoredCertificate(String fingerprint, String role, byte[] der) {
    }

    static final String SIGNER = "SIGNER", TSA = "TSA";

    private static final String RECORD_COLUMNS = "seq, logged_at, duration_ms, channel, from_party, to_party, department, operation, "
            + "case_id, task_id, status, request_sha256, request_bytes, request_body, response_sha256, response_bytes, response_body, record_hash";
    private static final String SEAL_COLUMNS = "seal_no, first_seq, last_seq, sealed_at, previous_seal_hash, record_hashes, seal_hash, "
            + "signer, signature, time_stamp_token, time_stamped_at";

    private final DataSource dataSource;

    MessageLogStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the records in one transaction, as one JDBC batch. */
    void append(List<MessageLogRecord> records) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO message_log (" + RECORD_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (MessageLogRecord r : records) {
                    insert.setLong(1, r.seq());
                    insert.setObject(2, utc(r.loggedAt()));
                    insert.setLong(3, r.durationMs());
                    insert.setString(4, r.channel());
                    insert.setString(5, r.fromParty());
                    insert.setString(6, r.toParty());
                    insert.setString(7, r.department());
                    insert.setString(8, r.operation());
                    insert.setString(9, r.caseId());
                    insert.setString(10, r.taskId());
                    insert.setString(11, r.status());
                    insert.setString(12, r.requestSha256());
                    insert.setObject(13, r.requestBytes(), Types.BIGINT);
                    bytes(insert, 14, r.requestBody());
                    insert.setString(15, r.responseSha256());
                    insert.setObject(16, r.responseBytes(), Types.BIGINT);
                    bytes(insert, 17, r.responseBody());
                    insert.setString(18, r.recordHash());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    void append(MessageLogSeal seal) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO message_log_seals (" + SEAL_COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seal.sealNo());
            insert.setLong(2, seal.firstSeq());
            insert.setLong(3, seal.lastSeq());
            insert.setObject(4, utc(seal.sealedAt()));
            insert.setString(5, seal.previousSealHash());
            bytes(insert, 6, seal.recordHashes());
            insert.setString(7, seal.sealHash());
            insert.setString(8, seal.signer());
            bytes(insert, 9, seal.signature());
            bytes(insert, 10, seal.timeStampToken());
            insert.setObject(11, utc(seal.timeStampedAt()));
            insert.executeUpdate();
        }
    }

    /** Keeps a signer's or time-stamping authority's certificate once, so that exports and verifiers find it. */
    void keep(String role, X509Certificate certificate, Instant now) throws SQLException {
        String fingerprint = Crypto.fingerprint(certificate);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement find = connection.prepareStatement("SELECT 1 FROM message_log_certificates WHERE fingerprint = ?")) {
                find.setString(1, fingerprint);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO message_log_certificates (fingerprint, role, certificate, added_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, fingerprint);
                insert.setString(2, role);
                bytes(insert, 3, Crypto.der(certificate));
                insert.setObject(4, utc(now));
                insert.executeUpdate();
            }
        }
    }

    List<StoredCertificate> certificates() throws SQLException {
        List<StoredCertificate> found = new ArrayList<>();
        query("SELECT fingerprint, role, certificate FROM message_log_certificates ORDER BY added_at, fingerprint", List.of(), rs ->
                found.add(new StoredCertificate(rs.getString(1), rs.getString(2), rs.getBytes(3))));
        return found;
    }

    Optional<Tail> lastRecord() throws SQLException {
        List<Tail> tail = new ArrayList<>();
        query("SELECT seq, record_hash FROM message_log ORDER BY seq DESC LIMIT 1", List.of(), rs -> tail.add(new Tail(rs.getLong(1), rs.getString(2))));
        return tail.stream().findFirst();
    }

    Optional<MessageLogSeal> lastSeal() throws SQLException {
        return firstSeal("SELECT " + SEAL_COLUMNS + " FROM message_log_seals ORDER BY seal_no DESC LIMIT 1", List.of());
    }

    /** The seal after seal number {@code sealNo}, in order. */
    Optional<MessageLogSeal> sealAfter(long sealNo) throws SQLException {
        return firstSeal("SELECT " + SEAL_COLUMNS + " FROM message_log_seals WHERE seal_no > ? ORDER BY seal_no LIMIT 1", List.of(sealNo));
    }

    Optional<MessageLogSeal> sealCovering(long seq) throws SQLException {
        return firstSeal("SELECT " + SEAL_COLUMNS + " FROM message_log_seals WHERE first_seq <= ? AND last_seq >= ? ORDER BY seal_no LIMIT 1",
                List.of(seq, seq));
    }

    /** The hashes of the records after {@code seq}, in order: the unsealed tail a restarted writer seals next. */
    List<byte[]> hashesAfter(long seq) throws SQLException {
        List<byte[]> hashes = new ArrayList<>();
        query("SELECT record_hash FROM message_log WHERE seq > ? ORDER BY seq", List.of(seq), rs -> hashes.add(Hashes.unhex(rs.getString(1))));
        return hashes;
    }

    /** At most {@code limit} records with {@code afterSeq < seq <= upToSeq}, in order. */
    List<MessageLogRecord> records(long afterSeq, long upToSeq, int limit) throws SQLException {
        List<MessageLogRecord> records = new ArrayList<>(Math.min(limit, 1024));
        query("SELECT " + RECORD_COLUMNS + " FROM message_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
                List.of(afterSeq, upToSeq, limit), rs -> records.add(record(rs)));
        return records;
    }

    Optional<String> recordHash(long seq) throws SQLException {
        List<String> hash = new ArrayList<>();
        query("SELECT record_hash FROM message_log WHERE seq = ?", List.of(seq), rs -> hash.add(rs.getString(1)));
        return hash.stream().findFirst();
    }

    /** The first and last position of the records logged in {@code [from, to)}; empty when there are none. */
    Optional<long[]> seqRange(Instant from, Instant to) throws SQLException {
        List<long[]> range = new ArrayList<>();
        query("SELECT MIN(seq), MAX(seq) FROM message_log WHERE logged_at >= ? AND logged_at < ?", List.of(utc(from), utc(to)), rs -> {
            long first = rs.getLong(1);
            if (!rs.wasNull()) {
                range.add(new long[]{first, rs.getLong(2)});
            }
        });
        return range.stream().findFirst();
    }

    OptionalLong maxSeq() throws SQLException {
        return lastRecord().map(t -> OptionalLong.of(t.seq())).orElse(OptionalLong.empty());
    }

    private Optional<MessageLogSeal> firstSeal(String sql, List<Object> params) throws SQLException {
        List<MessageLogSeal> seals = new ArrayList<>();
        query(sql, params, rs -> seals.add(seal(rs)));
        return seals.stream().findFirst();
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> params, Row row) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private static MessageLogRecord record(ResultSet rs) throws SQLException {
        return new MessageLogRecord(rs.getLong("seq"), rs.getObject("logged_at", OffsetDateTime.class).toInstant(), rs.getLong("duration_ms"),
                rs.getString("channel"), rs.getString("from_party"), rs.getString("to_party"), rs.getString("department"),
                rs.getString("operation"), rs.getString("case_id"), rs.getString("task_id"), rs.getString("status"),
                rs.getString("request_sha256"), nullableLong(rs, "request_bytes"), rs.getBytes("request_body"),
                rs.getString("response_sha256"), nullableLong(rs, "response_bytes"), rs.getBytes("response_body"),
                rs.getString("record_hash"));
    }

    private static MessageLogSeal seal(ResultSet rs) throws SQLException {
        return new MessageLogSeal(rs.getLong("seal_no"), rs.getLong("first_seq"), rs.getLong("last_seq"),
                rs.getObject("sealed_at", OffsetDateTime.class).toInstant(), rs.getString("previous_seal_hash"), rs.getBytes("record_hashes"),
                rs.getString("seal_hash"), rs.getString("signer"), rs.getBytes("signature"), rs.getBytes("time_stamp_token"),
                rs.getObject("time_stamped_at", OffsetDateTime.class).toInstant());
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void bytes(PreparedStatement statement, int index, byte[] value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARBINARY);
        } else {
            statement.setBytes(index, value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
