package org.onewindow.hub.health;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.onewindow.hub.testkit.Databases;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.DemoApplicants.WANG_WU;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;
import static org.awaitility.Awaitility.await;

/**
 * /actuator/health covers Camel, the broker and the database; the probes: readiness goes DOWN (503) while the database
 * or the broker does not answer, and answers within seconds meanwhile; liveness stays UP. One hub on its own
 * PostgreSQL database (closed to connections and opened again), whose broker is stopped at the end: the context is
 * not reused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthTest {

    private static final String DATABASE = "health" + System.nanoTime();
    /** onewindow.health.check-timeout-ms plus room for a busy CI machine; Hikari alone would wait 30 s */
    private static final Duration PROBE_ANSWERS_WITHIN = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedActiveMQ broker;

    @DynamicPropertySource
    static void ownPostgresDatabase(DynamicPropertyRegistry registry) throws Exception {
        postgres("CREATE DATABASE " + DATABASE);
        String dataDir = Files.createTempDirectory("onewindow-health-test-").toString();
        registry.add("spring.datasource.url", () -> Databases.Postgres.jdbcUrl(DATABASE));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("onewindow.data-dir", () -> dataDir);
    }

    @Test
    @Order(1)
    void readinessIsDownWhileTheDatabaseIsUnreachableAndLivenessStaysUp() throws Exception {
        HubClient anyone = new HubClient(port).anonymous();
        HubClient hall = new HubClient(port);
        hall.token(DemoCallers.HALL_XUANWU); // asked while the database answers
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(probe(anyone, "readiness").status()).isEqualTo(200));
        assertThat(probe(anyone, "readiness").json().get("status").asText()).isEqualTo("UP");
        long casesBefore = cases();
        String key = UUID.randomUUID().toString();
        assertThat(probe(anyone, "liveness").status()).isEqualTo(200);

        // the database refuses new connections and drops the hub's open ones, as a stopped or failed-over server does
        postgres("ALTER DATABASE " + DATABASE + " WITH ALLOW_CONNECTIONS false");
        postgres("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HubClient.Reply readiness = probe(anyone, "readiness");
                assertThat(readiness.status()).isEqualTo(503);
                assertThat(readiness.json().get("status").asText()).isEqualTo("DOWN");
            });
            assertThat(probe(anyone, "readiness").status()).isEqualTo(503);
            assertThat(probe(anyone, "liveness").status()).isEqualTo(200);
            JsonNode details = probe(new HubClient(port).as(DemoCallers.OPERATOR), "readiness").json();
            assertThat(details.at("/components/db/status").asText()).isEqualTo("DOWN");
            assertThat(details.at("/components/broker/status").asText()).isEqualTo("UP");
            assertRefusedForNow(hall.submit(key, enrolment("王五", WANG_WU)));
        } finally {
            postgres("ALTER DATABASE " + DATABASE + " WITH ALLOW_CONNECTIONS true");
        }

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(probe(anyone, "readiness").status()).isEqualTo(200));
        assertThat(cases()).as("nothing stored for the refused case").isEqualTo(casesBefore);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(hall.submit(key, enrolment("王五", WANG_WU)).status()).as("the same key again, once the hub is ready").isEqualTo(202));
    }

    @Test
    @Order(2)
    void brokerGoingDownTurnsTheHubAndReadinessDownAndLivenessStaysUp() throws Exception {
        HubClient operator = new HubClient(port).as(DemoCallers.OPERATOR);
        HubClient anyone = new HubClient(port).anonymous();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(operator.get("/actuator/health").status()).isEqualTo(200));
        HubClient.Reply up = operator.get("/actuator/health");
        JsonNode components = up.json().get("components");
        assertThat(up.json().get("status").asText()).isEqualTo("UP");
        assertThat(components.at("/camelHealth/status").asText()).isEqualTo("UP");
        assertThat(components.at("/broker/status").asText()).isEqualTo("UP");
        assertThat(components.at("/db/status").asText()).isEqualTo("UP");
        // status only for anyone
        assertThat(probe(anyone, "readiness").json().has("components")).isFalse();

        HubClient hall = new HubClient(port);
        hall.token(DemoCallers.HALL_XUANWU);
        long casesBefore = cases();
        broker.stop();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HubClient.Reply down = operator.get("/actuator/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(down.json().at("/components/broker/status").asText()).isEqualTo("DOWN");
        });
        assertThat(probe(anyone, "readiness").status()).isEqualTo(503);
        assertThat(probe(operator, "readiness").json().at("/components/broker/status").asText()).isEqualTo("DOWN");
        assertThat(probe(anyone, "liveness").status()).isEqualTo(200);
        // intake refuses what it could not send on, rather than answering 202 and piling the cases up. It reads readiness
        // at most onewindow.intake.availability-fresh (1 s) late: a case accepted in that moment waits in the outbox for
        // the broker (it is stored, not lost), so only the refused one must have left nothing behind
        AtomicInteger acceptedMeanwhile = new AtomicInteger();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HubClient.Reply answer = hall.submit(UUID.randomUUID().toString(), enrolment("王五", WANG_WU));
            if (answer.status() == 202) {
                acceptedMeanwhile.incrementAndGet();
            }
            assertRefusedForNow(answer);
        });
        assertThat(cases()).as("nothing stored for the refused case").isEqualTo(casesBefore + acceptedMeanwhile.get());
    }

    /** 503 problem+json with Retry-After, saying what to do, and nothing about the hub's insides. */
    private static void assertRefusedForNow(HubClient.Reply refused) {
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).contains("10");
        assertThat(refused.json().get("type").asText()).endsWith("hub-unavailable");
        assertThat(refused.body()).contains("Idempotency-Key").doesNotContain("Exception").doesNotContain("SQL");
    }

    private static long cases() throws SQLException {
        try (var connection = java.sql.DriverManager.getConnection(Databases.Postgres.jdbcUrl(DATABASE), "postgres", "postgres");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM cases")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** One probe, which must answer within seconds whatever is down. */
    private static HubClient.Reply probe(HubClient hub, String group) {
        long start = System.nanoTime();
        HubClient.Reply reply = hub.get("/actuator/health/" + group);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROBE_ANSWERS_WITHIN);
        return reply;
    }

    private static void postgres(String sql) throws SQLException {
        try (var connection = Databases.Postgres.SERVER.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
