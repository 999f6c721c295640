package org.onewindow.hub.messagelog;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.hub.testkit.Databases;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.messagelog.MessageLogFixtures.exchange;
import static org.onewindow.hub.messagelog.MessageLogFixtures.verify;

/**
 * V14__message_log_chains.sql on H2 and PostgreSQL: the log one hub wrote before there were chains becomes the chain
 * single-hub and verifies as before; a hub that then starts writes a chain of its own from its genesis, beside it.
 */
class MessageLogChainMigrationTest {

    static final String RECORD_COLUMNS = "seq, logged_at, duration_ms, channel, from_party, to_party, department, operation, case_id, "
            + "task_id, status, request_sha256, request_bytes, request_body, response_sha256, response_bytes, response_body, record_hash";
    static final String SEAL_COLUMNS = "seal_no, first_seq, last_seq, sealed_at, previous_seal_hash, record_hashes, seal_hash, signer, "
            + "signature, time_stamp_token, time_stamped_at";

    @ParameterizedTest
    @EnumSource(Databases.class)
    void theLogOfOneHubBecomesTheSingleHubChainAndANewHubStartsItsOwn(Databases database) throws SQLException {
        DataSource before = database.migratedTo("12");
        writeTheLogOfOneHub(database, before);

        Flyway.configure().dataSource(before).locations("classpath:db/migration").load().migrate();

        Verification migrated = verify(before);
        assertThat(migrated.ok()).as(migrated.summary()).isTrue();
        assertThat(migrated.chains()).singleElement().satisfies(chain -> {
            assertThat(chain.name()).isEqualTo("single-hub");
            assertThat(chain.records()).isEqualTo(250);
            assertThat(chain.seals()).isEqualTo(3);
        });

        MessageLogWriter hub = MessageLogFixtures.writer(before, "hall-a-8080", 100, 1_000);
        hub.start();
        for (int i = 251; i <= 270; i++) {
            hub.offer(exchange(i));
        }
        hub.flushAndSeal(Duration.ofSeconds(30));
        hub.stop();

        Verification both = verify(before);
        assertThat(both.ok()).as(both.summary()).isTrue();
        assertThat(both.summary()).contains("chain hall-a-8080: 20 records (positions 1–20), 1 seal",
                "chain single-hub: 250 records (positions 1–250), 3 seals");
        MessageLogStore store = new MessageLogStore(before);
        assertThat(store.lastSeal("hall-a-8080").orElseThrow().previousSealHash()).as("its first seal follows its own genesis")
                .isEqualTo(Chains.genesis("hall-a-8080")).isNotEqualTo(Hashes.GENESIS);
        assertThat(store.lastSeal("single-hub").orElseThrow().lastSeq()).as("the old chain is left as it was").isEqualTo(250);
    }

    /**
     * The rows the hub wrote before V14: 250 records sealed 1–100, 101–200, 201–250, from genesis 0…0. The writer of
     * chain single-hub writes exactly these (same canonical form, same genesis); they are copied without the chain.
     */
    private static void writeTheLogOfOneHub(Databases database, DataSource before) throws SQLException {
        DataSource written = database.fresh();
        MessageLogWriter writer = MessageLogFixtures.writer(written, Chains.SINGLE_HUB, 100, 1_000);
        writer.start();
        for (int i = 1; i <= 250; i++) {
            writer.offer(exchange(i));
        }
        writer.flushAndSeal(Duration.ofSeconds(30));
        writer.stop();
        copy(written, before, "message_log", RECORD_COLUMNS);
        copy(written, before, "message_log_seals", SEAL_COLUMNS);
        copy(written, before, "message_log_certificates", "fingerprint, role, certificate, added_at");
    }

    private static void copy(DataSource from, DataSource to, String table, String columns) throws SQLException {
        int count = columns.split(", ").length;
        try (Connection source = from.getConnection(); Connection target = to.getConnection();
             PreparedStatement select = source.prepareStatement("SELECT " + columns + " FROM " + table);
             PreparedStatement insert = target.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                     + String.join(", ", Collections.nCopies(count, "?")) + ")");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                for (int i = 1; i <= count; i++) {
                    insert.setObject(i, rows.getObject(i));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
