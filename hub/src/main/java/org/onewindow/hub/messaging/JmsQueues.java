package org.onewindow.hub.messaging;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and takes messages of a queue by their MessageKey property (a task's or share's id), through plain JMS, so
 * that it works with the embedded broker and with an external Artemis (or cluster) alike: browsing never consumes,
 * and taking is one local JMS transaction.
 */
@Component
public class JmsQueues {

    /** Keys per selector: a selector stays short enough for any broker. */
    private static final int KEYS_PER_SELECTOR = 100;
    /** How long a take waits for one more matching message before it counts the queue as done. */
    private static final long TAKE_WAIT_MS = 300;

    private final JmsTemplate jms;

    JmsQueues(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
    }

    /** A message as it waits on a queue: its text body and its string, number and boolean properties. */
    public record Browsed(String messageKey, String body, Map<String, Object> properties, long timestamp) {
        public Browsed {
            properties = Map.copyOf(properties);
        }
    }

    /** The messages of the queue carrying one of these keys, without taking them; the first one per key. */
    public Map<String, Browsed> browse(String queue, Collection<String> messageKeys) {
        Map<String, Browsed> found = new LinkedHashMap<>();
        for (List<String> chunk : chunks(messageKeys)) {
            jms.execute(session -> {
                try (QueueBrowser browser = session.createBrowser(session.createQueue(queue), selector(chunk))) {
                    Enumeration<?> messages = browser.getEnumeration();
                    while (messages.hasMoreElements()) {
                        Browsed message = read((Message) messages.nextElement());
                        found.putIfAbsent(message.messageKey(), message);
                    }
                }
                return null;
            }, true);
        }
        return found;
    }

    /** Messages waiting on the queue and not yet handed to a consumer, counted by browsing it (at most {@code cap}). */
    public long depth(String queue, long cap) {
        Long depth = jms.execute(session -> {
            long count = 0;
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
                Enumeration<?> messages = browser.getEnumeration();
                while (count < cap && messages.hasMoreElements()) {
                    messages.nextElement();
                    count++;
                }
            }
            return count;
        }, true);
        return depth == null ? 0 : depth;
    }

    /** Takes (removes) every message of the queue carrying one of these keys, in one JMS transaction per chunk; how many. */
    public int take(String queue, Collection<String> messageKeys) {
        int taken = 0;
        for (List<String> chunk : chunks(messageKeys)) {
            Integer count = jms.execute(session -> {
                int n = 0;
                try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector(chunk))) {
                    while (consumer.receive(TAKE_WAIT_MS) != null) {
                        n++;
                    }
                }
                session.commit();
                return n;
            }, true);
            taken += count == null ? 0 : count;
        }
        return taken;
    }

    private static Browsed read(Message message) throws JMSException {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            Object value = message.getObjectProperty(name);
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                properties.put(name, value);
            }
        }
        String body = message instanceof TextMessage text ? text.getText() : null;
        return new Browsed(message.getStringProperty("MessageKey"), body, properties, message.getJMSTimestamp());
    }

    /** {@code MessageKey IN ('a', 'b')}, each key quoted as a JMS selector string literal. */
    static String selector(Collection<String> keys) {
        return "MessageKey IN (" + String.join(", ", keys.stream().map(k -> "'" + k.replace("'", "''") + "'").toList()) + ")";
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(keys));
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += KEYS_PER_SELECTOR) {
            chunks.add(all.subList(i, Math.min(all.size(), i + KEYS_PER_SELECTOR)));
        }
        return chunks;
    }
}
