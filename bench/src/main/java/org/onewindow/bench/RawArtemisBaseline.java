package org.onewindow.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Baseline (b): Artemis on its own, the ceiling for the hub's messaging. An embedded broker as the hub
 * runs it (persistent journal, in-VM connections), producers and consumers with transacted sessions sending
 * persistent messages of the hub's task-message size, one message per transaction as the hub's outbox relay
 * and consumers do.
 */
final class RawArtemisBaseline {

    /**
     * @param cpuMsPerMessage the benchmark JVM's CPU (broker, producers and consumers together; the hub has stopped and
     *                        the simulators are idle) over the measured window ÷ messages consumed: what one persistent,
     *                        transacted message costs sent and received, the floor under the hub's messaging per message
     */
    record Result(int producers, int consumers, int messageBytes, double seconds, long messages, double messagesPerSecond,
                  double cpuMsPerMessage, int sentPerTransaction) {
    }

    static Result run(Path journal, int messageBytes, int producers, int consumers, Duration duration) throws Exception {
        return run(journal, messageBytes, producers, consumers, duration, 1);
    }

    /**
     * @param sentPerTransaction messages each producer sends per commit: 1 as the baseline always measured, or as many as
     *                           the hub's outbox relay sends in one transaction (a commit's messages); consumers take one
     *                           per transaction either way, as the hub's department consumers do
     */
    static Result run(Path journal, int messageBytes, int producers, int consumers, Duration duration, int sentPerTransaction)
            throws Exception {
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(journal.resolve("journal").toString())
                .setBindingsDirectory(journal.resolve("bindings").toString())
                .setLargeMessagesDirectory(journal.resolve("large").toString())
                .setPagingDirectory(journal.resolve("paging").toString())
                .addAcceptorConfiguration("in-vm", "vm://7");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        String text = "x".repeat(messageBytes);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong consumed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://7");
             Connection connection = factory.createConnection()) {
            connection.start();
            for (int p = 0; p < producers; p++) {
                threads.add(thread("raw-producer-" + p, () -> {
                    Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                    Queue queue = session.createQueue("bench.raw");
                    MessageProducer producer = session.createProducer(queue);
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                    while (running.get()) {
                        for (int i = 0; i < sentPerTransaction; i++) {
                            producer.send(session.createTextMessage(text));
                        }
                        session.commit();
                    }
                    session.close();
                }));
            }
            for (int c = 0; c < consumers; c++) {
                threads.add(thread("raw-consumer-" + c, () -> {
                    Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                    MessageConsumer consumer = session.createConsumer(session.createQueue("bench.raw"));
                    while (running.get()) {
                        if (consumer.receive(100) != null) {
                            session.commit();
                            consumed.incrementAndGet();
                        }
                    }
                    session.close();
                }));
            }
            // the first second warms the journal and the JIT; count from after it
            Thread.sleep(1_000);
            long before = consumed.get();
            double cpuBefore = ResourceSampler.benchCpuSeconds();
            long start = System.nanoTime();
            Thread.sleep(duration.toMillis());
            long messages = consumed.get() - before;
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMs = (ResourceSampler.benchCpuSeconds() - cpuBefore) * 1000;
            running.set(false);
            for (Thread t : threads) {
                t.join(5_000);
            }
            return new Result(producers, consumers, messageBytes, Math.round(seconds * 100) / 100.0, messages,
                    Math.round(messages / seconds * 10) / 10.0, Math.round(cpuMs / Math.max(1, messages) * 1000) / 1000.0,
                    sentPerTransaction);
        } finally {
            broker.stop();
        }
    }

    private interface JmsWork {
        void run() throws JMSException;
    }

    private static Thread thread(String name, JmsWork work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
