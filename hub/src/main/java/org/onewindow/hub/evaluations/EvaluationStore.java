package org.onewindow.hub.evaluations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Rows of evaluations. */
@Repository
class EvaluationStore {

    private final JdbcClient jdbc;

    EvaluationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new evaluation's id; a second one of the same case and applicant fails on the table's unique constraint. */
    long insert(String caseId, String applicantId, int level, String channel, String comment, List<String> tags, String givenBy,
                boolean defaultRating, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO evaluations (case_id, applicant_id, level, channel, comment, tags, given_by, default_rating, evaluated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, applicantId, level, channel, comment, tags.isEmpty() ? null : String.join(",", tags), givenBy,
                        defaultRating, utc(at))
                .update(key, "evaluation_id");
        return key.getKey().longValue();
    }

    boolean exists(String caseId, String applicantId) {
        return jdbc.sql("SELECT COUNT(*) FROM evaluations WHERE case_id = ? AND applicant_id = ?").params(caseId, applicantId)
                .query(Long.class).single() > 0;
    }

    Optional<Row> find(long evaluationId) {
        return jdbc.sql("SELECT * FROM evaluations WHERE evaluation_id = ?").param(evaluationId).query(this::row).optional();
    }

    List<Row> ofCase(String caseId) {
        return jdbc.sql("SELECT * FROM evaluations WHERE case_id = ? ORDER BY evaluation_id").param(caseId).query(this::row).list();
    }

    record Row(long evaluationId, String caseId, int level, String channel, String comment, List<String> tags, String givenBy,
               boolean defaultRating, Instant evaluatedAt) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String tags = rs.getString("tags");
        return new Row(rs.getLong("evaluation_id"), rs.getString("case_id"), rs.getInt("level"), rs.getString("channel"),
                rs.getString("comment"), tags == null ? List.of() : Arrays.asList(tags.split(",")), rs.getString("given_by"),
                rs.getBoolean("default_rating"), rs.getObject("evaluated_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
