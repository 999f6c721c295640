package org.onewindow.hub.materials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The notices given, so that the printable page can be fetched again by its number, with the system that asked
 * for each (it alone reads it again) and whose data it concerns.
 */
@Repository
public class NoticeStore {

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    NoticeStore(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** A notice asked for and given, with the system that asked ({@code requestedBy}) and whose data it concerns. */
    public record GivenNotice(OneTimeNotice notice, String requestedBy, java.util.Set<String> parties) {
    }

    /**
     * @param requestedBy the system that asked (its client id)
     * @param parties     the full ID numbers and credit codes of the applicant and every material holder
     */
    public void save(OneTimeNotice notice, String requestedBy, java.util.Set<String> parties) {
        try {
            jdbc.sql("""
                            INSERT INTO notices (notice_id, service_code, notice_json, created_at, requested_by, parties)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(notice.noticeId(), notice.serviceCode(), objectMapper.writeValueAsString(notice),
                            notice.issuedAt().atOffset(ZoneOffset.UTC), requestedBy, String.join(",", new java.util.TreeSet<>(parties)))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<GivenNotice> find(String noticeId) {
        return jdbc.sql("SELECT notice_json, requested_by, parties FROM notices WHERE notice_id = ?").param(noticeId)
                .query((rs, n) -> {
                    try {
                        String parties = rs.getString("parties");
                        return new GivenNotice(objectMapper.readValue(rs.getString("notice_json"), OneTimeNotice.class),
                                rs.getString("requested_by"), parties == null || parties.isEmpty() ? java.util.Set.of()
                                        : java.util.Set.of(parties.split(",")));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("notice " + noticeId + " is unreadable", e);
                    }
                })
                .optional();
    }
}
