package org.onewindow.hub.persistence;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Keeps the embedded H2 file compact. H2 compacts its file in its background writer thread, which WRITE_DELAY=0 (every
 * commit written before it returns, application.yaml) switches off: without it, every commit's new chunk stays in the
 * file next to the live pages it left behind, and the file grew to about ten times its live data. Called every few
 * seconds (routes/.../database-housekeeping.yaml), this does that housekeeping: while the live share of the file's
 * chunks is under the target, it rewrites the live pages of the emptiest chunks (at most {@code writeLimit} bytes a
 * call) so that those chunks are freed and their space is used again. What is committed is not touched: the rewritten
 * pages are copies, committed like any other change. On PostgreSQL it does nothing.
 */
@Component("databaseHousekeeping")
public class H2Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    private final DataSource dataSource;
    private final PersistenceProperties.H2Settings settings;
    private volatile boolean notH2;
    private volatile boolean announced;

    H2Housekeeping(DataSource dataSource, PersistenceProperties properties) {
        this.dataSource = dataSource;
        this.settings = properties.h2();
    }

    /** One round of compaction; answers whether chunks were rewritten. */
    public boolean compact() {
        if (notH2) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = mvStore(connection);
            if (store == null) {
                notH2 = true;
                return false;
            }
            int fillRate = store.getFileStore().getChunksFillRate();
            if (!announced) {
                announced = true;
                log.info("H2 housekeeping: {} % of the file's chunk space live, compacted below {} %", fillRate, settings.targetFillRate());
            }
            if (fillRate >= settings.targetFillRate()) {
                return false;
            }
            return store.compact(settings.targetFillRate(), settings.writeLimitBytes());
        } catch (SQLException | RuntimeException e) {
            log.warn("H2 housekeeping skipped: {}", e.toString());
            return false;
        }
    }

    /** The share of the file's chunk space that holds live pages, in percent (H2 only; -1 elsewhere). */
    public int fillRate() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = mvStore(connection);
            return store == null ? -1 : store.getFileStore().getChunksFillRate();
        } catch (SQLException e) {
            return -1;
        }
    }

    /** The H2 store behind a connection of the pool, or null when the database is not H2. */
    private static MVStore mvStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
    }
}
