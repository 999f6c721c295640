package org.onewindow.hub.outbox;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import org.apache.camel.ProducerTemplate;
import org.onewindow.hub.cluster.HubInstance;
import org.onewindow.hub.persistence.GroupCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outbox's side the routes call (routes/outbox-relay.yaml). Right after a commit, its messages are read back
 * by id, sent to the broker in ONE transacted JMS session (one journal write for all of them, however many cases
 * the commit carried) and deleted in one statement. They are marked in flight in this hub meanwhile, so the sweep
 * never sends them a second time. A row is born claimed by the hub that wrote it (Outbox.append: claimed_by,
 * claimed_until, in the same insert), so that with several hubs on one database the others leave it alone until that
 * claim expires; a relay that fails gives its claim up at once, and a restarted hub gives up what its previous run held.
 * The sweep, for what a crash or a broker outage left behind, claims the rows it takes, so two relays never send one
 * at the same time; a message sent twice anyway is harmless because every consumer is idempotent (the task's holder
 * decides, TaskLedger.markSent).
 */
@Component("outboxRelay")
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProducerTemplate producer;
    private final GroupCommit groupCommit;
    private final JmsTemplate jms;
    private final Duration claimTimeout;
    private final Duration sweepAge;
    private final int batchSize;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final HubInstance hub;

    OutboxRelay(JdbcClient jdbc, Clock clock, ProducerTemplate producer, GroupCommit groupCommit, ConnectionFactory connectionFactory, HubInstance hub,
                @Value("${onewindow.outbox.claim-timeout-ms}") long claimTimeoutMs,
                @Value("${onewindow.outbox.sweep-age-ms}") long sweepAgeMs,
                @Value("${onewindow.outbox.batch-size}") int batchSize) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.producer = producer;
        this.groupCommit = groupCommit;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.claimTimeout = Duration.ofMillis(claimTimeoutMs);
        this.sweepAge = Duration.ofMillis(sweepAgeMs);
        this.batchSize = batchSize;
        this.hub = hub;
    }

    /**
     * Claims this hub held before its last stop belong to no one now: that run was this hub (same instance id), and it
     * is gone. Other hubs' claims are left to expire.
     */
    @EventListener(ApplicationReadyEvent.class)
    void releaseClaimsOfPreviousRun() {
        int released = jdbc.sql("UPDATE outbox SET claimed_until = NULL WHERE claimed_by = ? AND claimed_until IS NOT NULL")
                .param(hub.id()).update();
        if (released > 0) {
            log.info("Released {} outbox message(s) this hub held before its last stop; they will be relayed again", released);
        }
    }

    /** Called after a commit: hand the new messages to the relay route without delaying the caller. */
    void relaySoon(List<Long> messageIds) {
        markInFlight(messageIds);
        try {
            // a hand-over that fails later (a case accepted while Camel is still starting: the web server takes
            // requests a few seconds before the routes run) must release its messages too, or the sweep, which leaves
            // messages in flight alone, never sends them and the case waits for ever
            producer.asyncSendBody("seda:outbox-fresh", messageIds).whenComplete((done, failure) -> {
                if (failure != null) {
                    handOverFailed(messageIds, failure);
                }
            });
        } catch (RuntimeException e) {
            // the sweep relays them; the transaction that wrote them has committed and must not fail
            handOverFailed(messageIds, e);
        }
    }

    private void handOverFailed(List<Long> messageIds, Throwable failure) {
        released(messageIds);
        unclaimed(messageIds);
        log.warn("Could not hand {} outbox message(s) to the relay now; the sweep will: {}", messageIds.size(), failure.getMessage());
    }

    /**
     * Relays the messages of a commit that just happened: read back, sent in one broker transaction, deleted. Should
     * anything fail (the broker down, the hub stopping), they stay in the outbox and the sweep takes them.
     */
    public void relay(List<Long> messageIds) {
        try {
            List<OutboxMessage> messages = committed(messageIds);
            publish(messages);
            delivered(messages);
        } catch (RuntimeException e) {
            unclaimed(messageIds);
            throw e;
        } finally {
            released(messageIds);
        }
    }

    /** Relays what the sweep finds left behind. */
    public void sweep() {
        List<OutboxMessage> messages = claimStale();
        publish(messages);
        delivered(messages);
    }

    /** The messages of a commit that just happened, as written (a row rolled back with its unit is simply not there). */
    List<OutboxMessage> committed(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT message_id, destination, message_key, payload FROM outbox WHERE message_id IN ("
                        + placeholders(messageIds.size()) + ") ORDER BY message_id")
                .params(new ArrayList<Object>(messageIds))
                .query((rs, n) -> new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * Messages that were not relayed right after their commit, oldest first, claimed for this relay: those no hub holds
     * (sweep-age after they were written), and those whose holder's claim expired (a hub killed before it relayed what
     * it wrote, or a sweep that failed).
     */
    List<OutboxMessage> claimStale() {
        Instant now = clock.instant();
        OffsetDateTime utcNow = now.atOffset(ZoneOffset.UTC);
        List<Long> stale = jdbc.sql("""
                        SELECT message_id FROM outbox
                        WHERE (claimed_until IS NULL AND created_at < ?) OR claimed_until < ?
                        ORDER BY message_id LIMIT ?""")
                .params(now.minus(sweepAge).atOffset(ZoneOffset.UTC), utcNow, batchSize)
                .query(Long.class).list().stream().filter(id -> !inFlight.contains(id)).toList();
        if (stale.isEmpty()) {
            return List.of();
        }
        List<Long> claimed = groupCommit.execute("outbox-claim", () -> {
            List<Long> mine = new ArrayList<>();
            for (Long id : stale) {
                if (jdbc.sql("UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE message_id = ? AND (claimed_until IS NULL OR claimed_until < ?)")
                        .params(hub.id(), now.plus(claimTimeout).atOffset(ZoneOffset.UTC), id, utcNow).update() == 1) {
                    mine.add(id);
                }
            }
            return mine;
        });
        if (!claimed.isEmpty()) {
            log.info("Relaying {} outbox message(s) left behind", claimed.size());
        }
        return committed(claimed);
    }

    /** A relay after commit failed: its rows are no one's, for the sweep (of any hub) after sweep-age. Best effort. */
    private void unclaimed(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        try {
            jdbc.sql("UPDATE outbox SET claimed_until = NULL WHERE message_id IN (" + placeholders(messageIds.size()) + ")")
                    .params(new ArrayList<Object>(messageIds)).update();
        } catch (RuntimeException e) {
            // the database is down too: the claims expire after claim-timeout instead
            log.debug("Could not release outbox claims: {}", e.getMessage());
        }
    }

    /** Sends the messages to their queues in one broker transaction: all of them are with the broker, or none. */
    void publish(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jms.execute(session -> {
            for (OutboxMessage message : messages) {
                TextMessage text = session.createTextMessage(message.payload());
                text.setStringProperty("MessageKey", message.messageKey());
                try (MessageProducer sender = session.createProducer(session.createQueue(message.destination()))) {
                    sender.send(text);
                }
            }
            // JmsTemplate commits only its own send methods; a cached session closed uncommitted is rolled back
            session.commit();
            return null;
        }, true);
    }

    /** The broker has these messages: they leave the outbox, in one statement of the next group commit. */
    void delivered(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<Object> ids = new ArrayList<>(messages.stream().map(OutboxMessage::messageId).toList());
        groupCommit.run("outbox-delivered", () -> jdbc.sql("DELETE FROM outbox WHERE message_id IN (" + placeholders(ids.size()) + ")")
                .params(ids).update());
    }

    /** Messages this relay is sending now: the sweep leaves them alone. */
    void markInFlight(Collection<Long> messageIds) {
        inFlight.addAll(messageIds);
    }

    /** Messages this relay no longer holds (sent and deleted, or failed: the sweep takes them after sweep-age). */
    private void released(Collection<Long> messageIds) {
        inFlight.removeAll(messageIds);
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
