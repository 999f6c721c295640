package org.onewindow.hub.outbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.hub.cluster.HubInstance;
import org.onewindow.hub.persistence.GroupCommits;
import org.onewindow.hub.testkit.Databases;
import org.apache.camel.ProducerTemplate;
import org.onewindow.hub.testkit.MutableClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox's claim-send-delete cycle on H2 and PostgreSQL. */
class OutboxDatabaseTest {

    private static final long CLAIM_TIMEOUT_MS = 15_000;
    private static final long SWEEP_AGE_MS = 2_000;

    @ParameterizedTest
    @EnumSource(Databases.class)
    void messagesExistOnlyIfTheirTransactionCommits(Databases database) {
        Fixture f = new Fixture(database.fresh());
        f.transaction.executeWithoutResult(tx -> {
            f.outbox.append("onewindow.tasks.tax", "T-1", "{}");
            tx.setRollbackOnly();
        });
        f.transaction.executeWithoutResult(tx -> f.outbox.append("onewindow.tasks.tax", "T-2", "{\"a\":1}"));
        assertThat(f.keys()).containsExactly("T-2");
        assertThatThrownBy(() -> f.outbox.append("onewindow.tasks.tax", "T-3", "{}"))
                .hasMessageContaining("only inside a transaction");
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aCommitsMessagesAreReadBackByIdAndARolledBackOneIsNotThere(Databases database) {
        Fixture f = new Fixture(database.fresh());
        f.transaction.executeWithoutResult(tx -> {
            f.outbox.append("onewindow.tasks.tax", "T-1", "one");
            f.outbox.append("onewindow.tasks.police", "T-2", "two");
        });
        List<Long> ids = new java.util.ArrayList<>(f.jdbc.sql("SELECT message_id FROM outbox ORDER BY message_id").query(Long.class).list());
        ids.add(999_999L); // written by a unit whose savepoint was rolled back
        List<OutboxMessage> committed = f.relay.committed(ids);
        assertThat(committed).extracting(OutboxMessage::messageKey).containsExactly("T-1", "T-2");
        assertThat(committed).extracting(OutboxMessage::destination).containsExactly("onewindow.tasks.tax", "onewindow.tasks.police");
        f.relay.delivered(committed);
        assertThat(f.keys()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void theSweepClaimsWhatItTakesUntilTheClaimTimesOut(Databases database) {
        Fixture f = new Fixture(database.fresh());
        f.transaction.executeWithoutResult(tx -> {
            f.outbox.append("onewindow.tasks.tax", "T-1", "one");
            f.outbox.append("onewindow.tasks.police", "T-2", "two");
        });
        f.clock.advance(Duration.ofMillis(SWEEP_AGE_MS + 1));
        List<OutboxMessage> swept = f.relay.claimStale();
        assertThat(swept).extracting(OutboxMessage::messageKey).containsExactly("T-1", "T-2");
        assertThat(f.relay.claimStale()).as("claimed by the first sweep").isEmpty();

        f.relay.delivered(List.of(swept.get(0)));
        f.clock.advance(Duration.ofMillis(CLAIM_TIMEOUT_MS + 1));
        assertThat(f.relay.claimStale()).as("the undelivered one, after its claim ran out")
                .extracting(OutboxMessage::messageKey).containsExactly("T-2");
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void theSweepLeavesFreshMessagesToTheRelayAfterCommit(Databases database) {
        Fixture f = new Fixture(database.fresh());
        f.transaction.executeWithoutResult(tx -> f.outbox.append("onewindow.tasks.tax", "T-1", "one"));
        assertThat(f.relay.claimStale()).isEmpty();
        f.clock.advance(Duration.ofMillis(SWEEP_AGE_MS + 1));
        assertThat(f.relay.claimStale()).extracting(OutboxMessage::messageKey).containsExactly("T-1");
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void messagesInFlightAreNeverSweptHowEverLongTheyTake(Databases database) {
        Fixture f = new Fixture(database.fresh());
        f.transaction.executeWithoutResult(tx -> f.outbox.append("onewindow.tasks.tax", "T-1", "one"));
        List<Long> ids = f.jdbc.sql("SELECT message_id FROM outbox").query(Long.class).list();
        f.relay.markInFlight(ids);
        f.clock.advance(Duration.ofMillis(SWEEP_AGE_MS * 10));
        assertThat(f.relay.claimStale()).as("being sent by the relay after its commit").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aHandOverThatFailsAfterTheCommitLeavesTheMessagesToTheSweep(Databases database) {
        // as while Camel is still starting: the send to the relay's route is taken, then fails
        ProducerTemplate starting = (ProducerTemplate) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ProducerTemplate.class}, (proxy, method, args) -> {
                    if (method.getName().equals("asyncSendBody")) {
                        return CompletableFuture.failedFuture(new IllegalStateException("CamelContext is starting"));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Fixture f = new Fixture(database.fresh(), starting);
        f.transaction.executeWithoutResult(tx -> f.outbox.append("onewindow.tasks.tax", "T-1", "one"));
        f.clock.advance(Duration.ofMillis(SWEEP_AGE_MS + 1));
        assertThat(f.relay.claimStale()).as("released when the hand-over failed").extracting(OutboxMessage::messageKey)
                .containsExactly("T-1");
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aRestartedHubTakesItsOwnRowsAtOnceAndAnotherHubOnlyAfterTheClaimExpired(Databases database) {
        DataSource dataSource = database.fresh();
        Fixture first = new Fixture(dataSource, handedOverAndNeverDone(), "hub-a");
        // written and handed to the relay, which never gets to send it: the hub is killed
        first.transaction.executeWithoutResult(tx -> first.outbox.append("onewindow.tasks.tax", "T-1", "one"));

        Fixture other = new Fixture(dataSource, null, "hub-b");
        other.clock.advance(Duration.ofMillis(SWEEP_AGE_MS + 1));
        assertThat(other.relay.claimStale()).as("hub-a's claim, from the row's insert, still holds").isEmpty();

        Fixture restarted = new Fixture(dataSource, null, "hub-a");
        restarted.relay.releaseClaimsOfPreviousRun();
        restarted.clock.advance(Duration.ofMillis(SWEEP_AGE_MS + 1));
        assertThat(restarted.relay.claimStale()).as("hub-a again: its previous run's row, without waiting for the claim")
                .extracting(OutboxMessage::messageKey).containsExactly("T-1");
        assertThat(other.relay.claimStale()).as("claimed anew by hub-a").isEmpty();

        other.clock.advance(Duration.ofMillis(CLAIM_TIMEOUT_MS + 1));
        assertThat(other.relay.claimStale()).as("hub-a's new claim expired: hub-b takes it")
                .extracting(OutboxMessage::messageKey).containsExactly("T-1");
        assertThat(first.jdbc.sql("SELECT claimed_by FROM outbox").query(String.class).single()).isEqualTo("hub-b");
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void anotherHubsRestartReleasesNothingOfThisHub(Databases database) {
        DataSource dataSource = database.fresh();
        Fixture a = new Fixture(dataSource, handedOverAndNeverDone(), "hub-a");
        a.transaction.executeWithoutResult(tx -> a.outbox.append("onewindow.tasks.tax", "T-1", "one"));
        Fixture b = new Fixture(dataSource, null, "hub-b");
        b.relay.releaseClaimsOfPreviousRun();
        b.clock.advance(Duration.ofMillis(SWEEP_AGE_MS + 1));
        assertThat(b.relay.claimStale()).as("hub-a is relaying it").isEmpty();
    }

    /** A relay route that takes the hand-over and is still sending (a hub killed meanwhile never finishes it). */
    private ProducerTemplate handedOverAndNeverDone() {
        return (ProducerTemplate) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ProducerTemplate.class}, (proxy, method, args) -> {
                    if (method.getName().equals("asyncSendBody")) {
                        return new CompletableFuture<>();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class Fixture {
        final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
        final JdbcClient jdbc;
        final OutboxRelay relay;
        final Outbox outbox;
        final TransactionTemplate transaction;

        Fixture(DataSource dataSource) {
            this(dataSource, null);
        }

        Fixture(DataSource dataSource, ProducerTemplate producer) {
            this(dataSource, producer, "hub-test");
        }

        Fixture(DataSource dataSource, ProducerTemplate producer, String instanceId) {
            jdbc = JdbcClient.create(dataSource);
            // no Camel here: the hand-over after commit fails quietly and the sweep is what is tested
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
            // the group commit not started: each unit in a transaction of its own; no broker: publish is not called
            relay = new OutboxRelay(jdbc, clock, producer, GroupCommits.unstarted(dataSource),
                    new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("vm://0"), HubInstance.named(instanceId),
                    CLAIM_TIMEOUT_MS, SWEEP_AGE_MS, 100);
            outbox = new Outbox(jdbc, clock, relay, HubInstance.named(instanceId), CLAIM_TIMEOUT_MS);
            transaction = new TransactionTemplate(transactions);
        }

        List<String> keys() {
            return jdbc.sql("SELECT message_key FROM outbox ORDER BY message_id").query(String.class).list();
        }
    }
}
