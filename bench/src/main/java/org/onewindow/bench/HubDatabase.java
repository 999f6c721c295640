package org.onewindow.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub's database as the benchmark sees it: where the hub is told to find it, how the benchmark writes
 * stored history into it while the hub is stopped, and how big it is. H2 is the hub's own file (the embedded
 * default); PostgreSQL is an embedded server (io.zonky) started for the run, as the postgres profile expects.
 */
final class HubDatabase implements AutoCloseable {

    private final Path dataDir;
    private final EmbeddedPostgres postgres;

    private HubDatabase(Path dataDir, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.postgres = postgres;
    }

    /** "h2" or "postgres", for file names. */
    String name() {
        return postgres == null ? "h2" : "postgres";
    }

    static HubDatabase h2(Path dataDir) {
        return new HubDatabase(dataDir, null);
    }

    static HubDatabase postgres(Path dataDir) {
        // the hub's pool and the benchmark's writer together
        return postgres(dataDir, Map.of("max_connections", "100"));
    }

    /** An embedded PostgreSQL server with these server settings (on top of io.zonky's defaults). */
    static HubDatabase postgres(Path dataDir, Map<String, String> serverSettings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("postgres")).setCleanDataDirectory(true);
            serverSettings.forEach(builder::setServerConfig);
            return new HubDatabase(dataDir, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /**
     * The server settings of infra/postgresql/onewindow.conf, production's ("name = value" lines, comments and quotes
     * removed): among them synchronous_commit = on, where io.zonky's default is off.
     */
    static Map<String, String> productionSettings() {
        Path include = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && include == null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/postgresql/onewindow.conf"))) {
                include = dir.resolve("infra/postgresql/onewindow.conf");
            }
        }
        if (include == null) {
            throw new IllegalStateException("no infra/postgresql/onewindow.conf above " + Path.of("").toAbsolutePath());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(include)) {
                String setting = line.replaceFirst("#.*$", "").strip();
                int equals = setting.indexOf('=');
                if (equals > 0) {
                    settings.put(setting.substring(0, equals).strip(), setting.substring(equals + 1).strip().replaceAll("^'(.*)'$", "$1"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    String kind() {
        return postgres == null ? "H2 (file, embedded default)" : "PostgreSQL (embedded server, postgres profile)";
    }

    /** The hub's settings for this database, on top of onewindow.data-dir. */
    List<String> hubSettings() {
        if (postgres == null) {
            return List.of();
        }
        List<String> settings = new java.util.ArrayList<>(List.of("spring.profiles.active=postgres"));
        settings.addAll(connectionSettings());
        return settings;
    }

    /** Where the hub finds this PostgreSQL server and as whom it logs in (with the postgres profile). */
    List<String> connectionSettings() {
        return List.of("spring.datasource.url=" + jdbcUrl(), "spring.datasource.username=postgres", "spring.datasource.password=");
    }

    private String jdbcUrl() {
        return postgres == null
                // the hub's own URL (application.yaml), so the benchmark opens the very same file
                ? "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/db/onewindow;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                : postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
    }

    Connection connect() throws SQLException {
        return postgres == null ? DriverManager.getConnection(jdbcUrl(), "sa", "") : DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    long sizeBytes() {
        if (postgres == null) {
            try {
                return Files.size(dataDir.resolve("db/onewindow.mv.db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_database_size(current_database())")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The PostgreSQL server's processes now: the postmaster (its pid is the first line of postmaster.pid in the data
     * directory; pg_ctl started it, so it is not this JVM's descendant) and its backends. Empty on H2.
     */
    List<ProcessHandle> serverProcesses() {
        if (postgres == null) {
            return List.of();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()).toList())
                    .orElse(List.of());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    long storedCases() {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM cases")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
