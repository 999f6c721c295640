package org.onewindow.hub.materials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.Optional;

/** The notices given, so that the printable page can be fetched again by its number. */
@Repository
public class NoticeStore {

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    NoticeStore(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    public void save(OneTimeNotice notice) {
        try {
            jdbc.sql("INSERT INTO notices (notice_id, service_code, notice_json, created_at) VALUES (?, ?, ?, ?)")
                    .params(notice.noticeId(), notice.serviceCode(), objectMapper.writeValueAsString(notice),
                            notice.issuedAt().atOffset(ZoneOffset.UTC))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<OneTimeNotice> find(String noticeId) {
        return jdbc.sql("SELECT notice_json FROM notices WHERE notice_id = ?").param(noticeId).query(String.class).optional()
                .map(json -> {
                    try {
                        return objectMapper.readValue(json, OneTimeNotice.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("notice " + noticeId + " is unreadable", e);
                    }
                });
    }
}
