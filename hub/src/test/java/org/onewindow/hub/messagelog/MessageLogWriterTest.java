package org.onewindow.hub.messagelog;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.Databases;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.messagelog.MessageLogFixtures.exchange;
import static org.onewindow.hub.messagelog.MessageLogFixtures.verify;

/** The writer: batches, a full queue that is never silent, a clean stop that writes and seals, a restart that goes on. */
class MessageLogWriterTest {

    final DataSource db = Databases.H2.fresh();
    final MessageLogStore store = new MessageLogStore(db);

    @Test
    void aFullQueueLosesExchangesOnlyAfterWaitingAndTheLogSaysHowMany() throws SQLException {
        MessageLogWriter writer = MessageLogFixtures.writer(db, 100, 5);
        // not started: nothing takes from the queue, so the sixth exchange finds it full
        for (int i = 1; i <= 8; i++) {
            long start = System.nanoTime();
            writer.offer(exchange(i));
            if (i > 5) {
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the caller waits offer-timeout").isGreaterThanOrEqualTo(Duration.ofMillis(45));
            }
        }
        assertThat(writer.status().lost()).isEqualTo(3);
        writer.start();
        writer.flushAndSeal(Duration.ofSeconds(10));
        writer.stop();

        List<MessageLogRecord> records = store.records(MessageLogFixtures.CHAIN, 0, 100, 100);
        assertThat(records).hasSize(6);
        assertThat(records.get(0).channel()).isEqualTo("MESSAGE_LOG");
        assertThat(records.get(0).status()).isEqualTo("3 exchange(s) not logged: the queue was full for 50 ms");
        assertThat(verify(db).ok()).isTrue();
    }

    @Test
    void aCleanStopWritesAndSealsWhatIsQueued() throws SQLException {
        MessageLogWriter writer = MessageLogFixtures.writer(db, 1_000, 1_000);
        writer.start();
        for (int i = 1; i <= 40; i++) {
            writer.offer(exchange(i));
        }
        writer.stop();

        assertThat(store.maxSeq(MessageLogFixtures.CHAIN).orElse(0)).isEqualTo(40);
        assertThat(store.lastSeal(MessageLogFixtures.CHAIN).orElseThrow().lastSeq()).isEqualTo(40);
        Verification result = verify(db);
        assertThat(result.ok()).isTrue();
        assertThat(result.unsealed()).isZero();
    }

    @Test
    void aRestartedWriterGoesOnWithTheChainAndTheSeals() {
        MessageLogWriter first = MessageLogFixtures.writer(db, 1_000, 1_000);
        first.start();
        for (int i = 1; i <= 30; i++) {
            first.offer(exchange(i));
        }
        first.stop();

        MessageLogWriter second = MessageLogFixtures.writer(db, 1_000, 1_000);
        second.start();
        for (int i = 31; i <= 50; i++) {
            second.offer(exchange(i));
        }
        second.flushAndSeal(Duration.ofSeconds(10));
        second.stop();

        Verification result = verify(db);
        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.records()).isEqualTo(50);
        assertThat(result.seals()).isEqualTo(2);
    }

    @Test
    void anExternalAuthorityOverHttpTimeStampsSealsAndAnOutageOnlyDelaysThem() throws IOException {
        LocalTimeStampAuthority authority = MessageLogFixtures.authority(Clock.systemUTC());
        AtomicBoolean down = new AtomicBoolean(true);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", exchange -> {
            byte[] query = exchange.getRequestBody().readAllBytes();
            if (down.get() || !"application/timestamp-query".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                byte[] reply = authority.respond(query);
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            }
            exchange.close();
        });
        server.start();
        try {
            TimeStamper remote = new HttpTimeStampAuthority(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa"),
                    Duration.ofSeconds(2));
            MessageLogWriter writer = new MessageLogWriter(store, MessageLogFixtures.CHAIN, new Sealer(MessageLogFixtures.signer(), remote), Clock.systemUTC(),
                    new MessageLogWriter.Settings(100, Duration.ofMillis(50), Duration.ofMillis(10), 100, 1_000, Duration.ofHours(1)));
            writer.start();
            for (int i = 1; i <= 20; i++) {
                writer.offer(exchange(i));
            }
            writer.flushAndSeal(Duration.ofSeconds(10));
            assertThat(writer.status().seals()).isZero();
            assertThat(writer.status().lastProblem()).contains("cannot seal records 1–20", "answered HTTP 503");
            assertThat(verify(db).unsealed()).isEqualTo(20);

            down.set(false);
            writer.flushAndSeal(Duration.ofSeconds(10));
            writer.stop();

            Verification result = verify(db);
            assertThat(result.ok()).as(result.summary()).isTrue();
            assertThat(result.seals()).isEqualTo(1);
            assertThat(result.unsealed()).isZero();
        } finally {
            server.stop(0);
        }
    }
}
