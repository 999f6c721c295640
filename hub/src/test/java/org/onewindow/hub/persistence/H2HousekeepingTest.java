package org.onewindow.hub.persistence;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's file, written as the hub writes it (a commit at a time, WRITE_DELAY=0), stays compact when
 * housekeeping runs, and keeps every committed row: the same writes without it leave a file several times larger.
 */
class H2HousekeepingTest {

    private static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;RETENTION_TIME=0";

    @Test
    void theFileStaysCompactAndKeepsEveryRow(@TempDir Path dir) throws Exception {
        long without = write(dir.resolve("without"), false);
        long with = write(dir.resolve("with"), true);
        System.out.printf("H2 file after 3,000 rows and 9,000 commits: %d bytes without housekeeping, %d with%n", without, with);
        assertThat(with).as("file with housekeeping (%d bytes) against without (%d bytes)", with, without)
                .isLessThan(without / 2);
    }

    /** The hub's pattern: rows inserted, then updated a few times, each change its own commit; answers the file size. */
    private static long write(Path dir, boolean housekeeping) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("db") + SETTINGS);
        dataSource.setUser("sa");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // keeps the database open between the statements, as the hub's pool does
        try (var keepOpen = dataSource.getConnection()) {
            jdbc.sql("CREATE TABLE cases (case_id VARCHAR(40) PRIMARY KEY, status VARCHAR(20), request_json VARCHAR)").update();
            H2Housekeeping keeper = new H2Housekeeping(dataSource,
                    new PersistenceProperties(new PersistenceProperties.GroupCommitSettings(200, 1000),
                            new PersistenceProperties.H2Settings(1, 80, 4 * 1024 * 1024)));
            String request = "x".repeat(2_000);
            for (int n = 0; n < 3_000; n++) {
                jdbc.sql("INSERT INTO cases VALUES (?, 'ACCEPTED', ?)").params("C" + n, request).update();
                jdbc.sql("UPDATE cases SET status = 'IN_PROGRESS' WHERE case_id = ?").param("C" + n).update();
                jdbc.sql("UPDATE cases SET status = 'COMPLETED' WHERE case_id = ?").param("C" + n).update();
                if (housekeeping && n % 100 == 0) {
                    keeper.compact();
                }
            }
            if (housekeeping) {
                keeper.compact();
                assertThat(keeper.fillRate()).isGreaterThanOrEqualTo(50);
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM cases WHERE status = 'COMPLETED'").query(Integer.class).single()).isEqualTo(3_000);
        }
        return Files.size(dir.resolve("db.mv.db"));
    }
}
