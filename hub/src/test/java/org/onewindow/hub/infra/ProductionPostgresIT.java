package org.onewindow.hub.infra;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.ProductionPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/postgresql as the fault suite uses it: the server runs with the include's settings, and the hub's user made by
 * create-database.sql can migrate the hub's schema with the hub's own Flyway scripts and work in it.
 */
@Tag("faults") // a PostgreSQL server of its own: run by ./mvnw verify -Pfaults with the rest of the fault suite's kit
class ProductionPostgresIT {

    @Test
    void runsWithTheIncludesSettingsAndTheHubsUserMigratesItsSchema() throws Exception {
        Map<String, String> include = ProductionPostgres.settings(ProductionPostgres.include());
        assertThat(include).containsEntry("synchronous_commit", "on").containsKey("max_connections");

        try (ProductionPostgres postgres = ProductionPostgres.start()) {
            for (String setting : new String[] {"synchronous_commit", "fsync", "max_connections", "shared_buffers",
                    "checkpoint_timeout", "wal_level"}) {
                assertThat(postgres.show(setting)).as(setting).isEqualTo(include.get(setting));
            }
            assertThat(postgres.show("listen_addresses")).isEqualTo("127.0.0.1");

            Flyway.configure().dataSource(postgres.jdbcUrl(), ProductionPostgres.USER, ProductionPostgres.PASSWORD)
                    .locations("classpath:db/migration").load().migrate();

            try (Connection hub = postgres.connect(); Statement statement = hub.createStatement();
                 ResultSet tables = statement.executeQuery("SELECT count(*) FROM information_schema.tables"
                         + " WHERE table_schema = 'onewindow' AND table_name IN ('cases', 'case_tasks', 'outbox')")) {
                tables.next();
                assertThat(tables.getInt(1)).as("the hub's tables in its schema").isEqualTo(3);
            }
        }
    }
}
