package org.onewindow.hub.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Rows of data_access_log. */
@Repository
class AccessLogStore {

    /** One logged read, as the holder sees it. */
    record LoggedRead(Instant readAt, String caller, DataKind dataKind, String what, String purpose, String caseId,
                      Outcome outcome, String refusalReason) {
    }

    enum Outcome { GRANTED, REFUSED }

    private final JdbcClient jdbc;

    AccessLogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DataRead read, Outcome outcome, String refusalReason, Instant at) {
        jdbc.sql("""
                        INSERT INTO data_access_log (read_at, caller, holder_id, data_kind, what, purpose, case_id, outcome, refusal_reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(at.atOffset(ZoneOffset.UTC), read.caller(), read.holderId(), read.dataKind().name(), read.what(),
                        read.purpose(), read.caseId(), outcome.name(), refusalReason)
                .update();
    }

    /** One page of a holder's reads, newest first. */
    List<LoggedRead> ofHolder(String holderId, int page, int size) {
        return jdbc.sql("SELECT * FROM data_access_log WHERE holder_id = ? ORDER BY read_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(holderId, size, (long) page * size)
                .query(AccessLogStore::row).list();
    }

    long countOfHolder(String holderId) {
        return jdbc.sql("SELECT COUNT(*) FROM data_access_log WHERE holder_id = ?").param(holderId).query(Long.class).single();
    }

    private static LoggedRead row(ResultSet rs, int n) throws SQLException {
        return new LoggedRead(rs.getObject("read_at", OffsetDateTime.class).toInstant(), rs.getString("caller"),
                DataKind.valueOf(rs.getString("data_kind")), rs.getString("what"), rs.getString("purpose"), rs.getString("case_id"),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("refusal_reason"));
    }
}
