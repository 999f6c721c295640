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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The SQL of the message log's tables (V6__message_log.sql, V14__message_log_chains.sql), in plain JDBC: the hub's
 * writer and controller use it on the hub's pool, and the verify and export command on a connection of its own,
 * without Spring. Records and seals belong to a chain (one per hub); positions and seal numbers count within it.
 */
final class MessageLogStore {

    /** The last record written: where the chain goes on. */
    record Tail(long seq, String recordHash) {
    }

    /** Where a chain ends: its last position and its last seal number (0 for none). */
    record ChainEnd(long lastSeq, long lastSealNo) {
    }

    record StoredCertificate(String fingerprint, String role, byte[] der) {
    }

    static final String SIGNER = "SIGNER", TSA = "TSA";

    /** SQLSTATE of a duplicate key, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String RECORD_COLUMNS = "seq, logged_at, duration_ms, channel, from_party, to_party, department, operation, "
            + "case_id, task_id, status, request_sha256, request_bytes, request_body, response_sha256, response_bytes, response_body, record_hash";
    private static final String SEAL_COLUMNS = "seal_no, first_seq, last_seq, sealed_at, previous_seal_hash, record_hashes, seal_hash, "
            + "signer, signature, time_stamp_token, time_stamped_at";

    private final DataSource dataSource;

    MessageLogStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the records of a chain in one transaction, as one JDBC batch (the chain: one more constant column). */
    void append(String chain, List<MessageLogRecord> records) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO message_log (chain, " + RECORD_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (MessageLogRecord r : records) {
                    insert.setString(1, chain);
                    setRecord(insert, r);
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

    void append(String chain, MessageLogSeal seal) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO message_log_seals (chain, " + SEAL_COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, chain);
            insert.setLong(2, seal.sealNo());
            insert.setLong(3, seal.firstSeq());
            insert.setLong(4, seal.lastSeq());
            insert.setObject(5, utc(seal.sealedAt()));
            insert.setString(6, seal.previousSealHash());
            bytes(insert, 7, seal.recordHashes());
            insert.setString(8, seal.sealHash());
            insert.setString(9, seal.signer());
            bytes(insert, 10, seal.signature());
            bytes(insert, 11, seal.timeStampToken());
            insert.setObject(12, utc(seal.timeStampedAt()));
            insert.executeUpdate();
        }
    }

    private static void setRecord(PreparedStatement insert, MessageLogRecord r) throws SQLException {
        insert.setLong(2, r.seq());
        insert.setObject(3, utc(r.loggedAt()));
        insert.setLong(4, r.durationMs());
        insert.setString(5, r.channel());
        insert.setString(6, r.fromParty());
        insert.setString(7, r.toParty());
        insert.setString(8, r.department());
        insert.setString(9, r.operation());
        insert.setString(10, r.caseId());
        insert.setString(11, r.taskId());
        insert.setString(12, r.status());
        insert.setString(13, r.requestSha256());
        insert.setObject(14, r.requestBytes(), Types.BIGINT);
        bytes(insert, 15, r.requestBody());
        insert.setString(16, r.responseSha256());
        insert.setObject(17, r.responseBytes(), Types.BIGINT);
        bytes(insert, 18, r.responseBody());
        insert.setString(19, r.recordHash());
    }

    /**
     * Keeps a signer's or time-stamping authority's certificate once, so that exports and verifiers find it. Hubs that
     * start together may both find it missing: the second insert's duplicate key means it is kept.
     */
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
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    List<StoredCertificate> certificates() throws SQLException {
        List<StoredCertificate> found = new ArrayList<>();
        query("SELECT fingerprint, role, certificate FROM message_log_certificates ORDER BY added_at, fingerprint", List.of(), rs ->
                found.add(new StoredCertificate(rs.getString(1), rs.getString(2), rs.getBytes(3))));
        return found;
    }

    /** The chains that have records or seals, each with its last position (0: seals only) and last seal number (0: none). */
    Map<String, ChainEnd> chainEnds() throws SQLException {
        Map<String, ChainEnd> ends = new TreeMap<>();
        // the seals first: the records they cover were written before them, so the positions read next include those
        query("SELECT chain, MAX(seal_no) FROM message_log_seals GROUP BY chain", List.of(),
                rs -> ends.put(rs.getString(1), new ChainEnd(0, rs.getLong(2))));
        query("SELECT chain, MAX(seq) FROM message_log GROUP BY chain", List.of(),
                rs -> ends.merge(rs.getString(1), new ChainEnd(rs.getLong(2), 0), (seals, records) -> new ChainEnd(records.lastSeq(), seals.lastSealNo())));
        return ends;
    }

    /** The last position and seal number of one chain; empty when it has neither records nor seals. */
    Optional<ChainEnd> chainEnd(String chain) throws SQLException {
        long lastSealNo = lastSeal(chain).map(MessageLogSeal::sealNo).orElse(0L);
        long lastSeq = maxSeq(chain).orElse(0);
        return lastSealNo == 0 && lastSeq == 0 ? Optional.empty() : Optional.of(new ChainEnd(lastSeq, lastSealNo));
    }

    Optional<Tail> lastRecord(String chain) throws SQLException {
        List<Tail> tail = new ArrayList<>();
        query("SELECT seq, record_hash FROM message_log WHERE chain = ? ORDER BY seq DESC LIMIT 1", List.of(chain),
                rs -> tail.add(new Tail(rs.getLong(1), rs.getString(2))));
        return tail.stream().findFirst();
    }

    Optional<MessageLogSeal> lastSeal(String chain) throws SQLException {
        return firstSeal("SELECT " + SEAL_COLUMNS + " FROM message_log_seals WHERE chain = ? ORDER BY seal_no DESC LIMIT 1", List.of(chain));
    }

    /** The seal of the chain after seal number {@code sealNo}, in order. */
    Optional<MessageLogSeal> sealAfter(String chain, long sealNo) throws SQLException {
        return firstSeal("SELECT " + SEAL_COLUMNS + " FROM message_log_seals WHERE chain = ? AND seal_no > ? ORDER BY seal_no LIMIT 1",
                List.of(chain, sealNo));
    }

    Optional<MessageLogSeal> sealCovering(String chain, long seq) throws SQLException {
        return firstSeal("SELECT " + SEAL_COLUMNS + " FROM message_log_seals WHERE chain = ? AND first_seq <= ? AND last_seq >= ? "
                + "ORDER BY seal_no LIMIT 1", List.of(chain, seq, seq));
    }

    /** The hashes of the chain's records after {@code seq}, in order: the unsealed tail a restarted writer seals next. */
    List<byte[]> hashesAfter(String chain, long seq) throws SQLException {
        List<byte[]> hashes = new ArrayList<>();
        query("SELECT record_hash FROM message_log WHERE chain = ? AND seq > ? ORDER BY seq", List.of(chain, seq),
                rs -> hashes.add(Hashes.unhex(rs.getString(1))));
        return hashes;
    }

    /** At most {@code limit} records of the chain with {@code afterSeq < seq <= upToSeq}, in order. */
    List<MessageLogRecord> records(String chain, long afterSeq, long upToSeq, int limit) throws SQLException {
        List<MessageLogRecord> records = new ArrayList<>(Math.min(limit, 1024));
        query("SELECT " + RECORD_COLUMNS + " FROM message_log WHERE chain = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
                List.of(chain, afterSeq, upToSeq, limit), rs -> records.add(record(rs)));
        return records;
    }

    Optional<String> recordHash(String chain, long seq) throws SQLException {
        List<String> hash = new ArrayList<>();
        query("SELECT record_hash FROM message_log WHERE chain = ? AND seq = ?", List.of(chain, seq), rs -> hash.add(rs.getString(1)));
        return hash.stream().findFirst();
    }

    /** Per chain, the first and last position of the records logged in {@code [from, to)}; chains without any are left out. */
    Map<String, long[]> seqRanges(Instant from, Instant to) throws SQLException {
        Map<String, long[]> ranges = new TreeMap<>();
        query("SELECT chain, MIN(seq), MAX(seq) FROM message_log WHERE logged_at >= ? AND logged_at < ? GROUP BY chain",
                List.of(utc(from), utc(to)), rs -> ranges.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)}));
        return ranges;
    }

    OptionalLong maxSeq(String chain) throws SQLException {
        return lastRecord(chain).map(t -> OptionalLong.of(t.seq())).orElse(OptionalLong.empty());
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
