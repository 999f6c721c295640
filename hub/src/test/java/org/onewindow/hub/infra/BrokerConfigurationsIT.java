package org.onewindow.hub.infra;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.client.FailoverEventType;
import org.apache.activemq.artemis.jms.client.ActiveMQConnection;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.ArtemisBroker;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker configurations of infra/artemis, each started as real Artemis processes by the test kit (the standalone
 * distribution, as in production): what the hub relies on of each holds, and the kit can do to a broker what the
 * fault suite needs (kill -9, restart on the journal, restart on an empty or damaged journal).
 */
@Tag("faults") // real broker processes: run by ./mvnw verify -Pfaults, which unpacks the Artemis distribution
class BrokerConfigurationsIT {

    private static final String QUEUE = "onewindow.tasks.tax";

    @Test
    void singleBrokerKeepsAPersistentMessageThroughKillAndLosesItWithAnEmptyJournal() throws Exception {
        try (ArtemisBroker broker = ArtemisBroker.single().start()) {
            String body = "task-" + UUID.randomUUID();
            send(broker.url(), QUEUE, body);

            broker.primary().kill().start();
            assertThat(receive(broker.url(), QUEUE, 10_000)).isEqualTo(body);

            send(broker.url(), QUEUE, "lost-" + body);
            broker.primary().restartWithEmptyJournal();
            assertThat(receive(broker.url(), QUEUE, 2_000)).as("a message of the deleted journal").isNull();
        }
    }

    @Test
    void singleBrokerRefusesAClientWithoutTheLoginAndStartsOnADamagedJournal() throws Exception {
        try (ArtemisBroker broker = ArtemisBroker.single().start()) {
            assertThatThrownBy(() -> send(broker.url(), QUEUE, "no login", "intruder", "guess"))
                    .isInstanceOf(JMSSecurityException.class);

            for (int i = 0; i < 50; i++) {
                send(broker.url(), QUEUE, "task-" + i);
            }
            broker.primary().damageJournal().start();

            // whatever of the journal survived, the broker serves again: a new message goes through
            send(broker.url(), "onewindow.tasks.police", "after the damage");
            assertThat(receive(broker.url(), "onewindow.tasks.police", 10_000)).isEqualTo("after the damage");
        }
    }

    @Test
    void backupTakesOverWhenThePrimaryIsKilledWithItsMessages() throws Exception {
        try (ArtemisBroker pair = ArtemisBroker.primaryBackup().start()) {
            String body = "task-" + UUID.randomUUID();
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(pair.url(),
                    ArtemisBroker.USER, ArtemisBroker.PASSWORD);
            try (factory; ActiveMQConnection connection = (ActiveMQConnection) factory.createConnection()) {
                CountDownLatch failedOver = new CountDownLatch(1);
                connection.setFailoverListener(event -> {
                    if (event == FailoverEventType.FAILOVER_COMPLETED) {
                        failedOver.countDown();
                    }
                });
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                producer.send(session.createTextMessage(body));
                session.commit();

                pair.primary().kill();

                // the same connection moves to the backup, which holds the message the primary had
                assertThat(failedOver.await(60, TimeUnit.SECONDS)).as("failover to the backup").isTrue();
                Session afterFailover = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = afterFailover.createConsumer(afterFailover.createQueue(QUEUE));
                connection.start();
                TextMessage received = (TextMessage) consumer.receive(30_000);
                assertThat(received).as("the message after failover").isNotNull();
                assertThat(received.getText()).isEqualTo(body);
                afterFailover.commit();
            }
            assertThat(pair.backup().isAlive()).isTrue();
            assertThat(pair.primary().isAlive()).isFalse();
        }
    }

    @Test
    void clusterDeliversAMessageSentToOneNodeToAConsumerOnTheOther() throws Exception {
        try (ArtemisBroker cluster = ArtemisBroker.cluster().start()) {
            String body = "task-" + UUID.randomUUID();
            send(cluster.node(0).url(), QUEUE, body);

            // redistribution moves it to node 2 once a consumer is there
            assertThat(receive(cluster.node(1).url(), QUEUE, 30_000)).isEqualTo(body);
            assertThat(receive(cluster.node(0).url(), QUEUE, 1_000)).as("the same message twice").isNull();
        }
    }

    private static void send(String url, String queue, String body) throws JMSException {
        send(url, queue, body, ArtemisBroker.USER, ArtemisBroker.PASSWORD);
    }

    private static void send(String url, String queue, String body, String user, String password) throws JMSException {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, user, password);
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(session.createTextMessage(body));
            session.commit();
        }
    }

    /** The next message's text, or null if none came within the time. */
    private static String receive(String url, String queue, long timeoutMs) throws JMSException {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, ArtemisBroker.USER, ArtemisBroker.PASSWORD);
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            TextMessage message = (TextMessage) consumer.receive(timeoutMs);
            session.commit();
            return message == null ? null : message.getText();
        }
    }
}
