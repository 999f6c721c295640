package org.onewindow.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.Databases;
import org.onewindow.hub.testkit.HubClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.LI_SI;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

/** The production database: the whole hub on the postgres profile, against a real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
class PostgresEndToEndTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        String database = "hub" + System.nanoTime();
        try (var connection = Databases.Postgres.SERVER.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE " + database);
        }
        String dataDir = Files.createTempDirectory("onewindow-pg-test-").toString();
        registry.add("spring.datasource.url", () -> Databases.Postgres.jdbcUrl(database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("onewindow.data-dir", () -> dataDir);
    }

    @Test
    void casesCompleteAndAreRejectedOnPostgres() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        HubClient hub = new HubClient(port);
        String completed = hub.submitAccepted(UUID.randomUUID().toString(), enrolment("张三", ZHANG_SAN));
        String rejected = hub.submitAccepted(UUID.randomUUID().toString(), enrolment("李四", LI_SI));
        JsonNode done = awaitStatus(hub, completed, "COMPLETED", Duration.ofSeconds(20));
        awaitStatus(hub, rejected, "REJECTED", Duration.ofSeconds(20));
        assertThat(done.get("timeline").findValuesAsText("type")).containsOnlyOnce("TASK_COMPLETED");
        // the status guards in case_tasks, not a separate idempotency table, keep the consumers idempotent
        assertThat(jdbc.sql("SELECT status FROM case_tasks WHERE case_id IN (?, ?) ORDER BY case_id").params(completed, rejected)
                .query(String.class).list()).containsExactlyInAnyOrder("COMPLETED", "REJECTED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single()).isZero();
    }
}
