package org.onewindow.hub.outbox;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox's side the routes call (routes/outbox-relay.yaml). A message is claimed before it is
 * sent, so two relays never send it at the same time; it is deleted once the broker has it. A claim
 * that outlives its timeout (the relay died) is taken over; a message sent twice that way is
 * harmless because every consumer is idempotent.
 */
@Component("outboxRelay")
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProducerTemplate producer;
    private final Duration claimTimeout;
    private final Duration sweepAge;
    private final int batchSize;
    private final TransactionTemplate transaction;

    OutboxRelay(JdbcClient jdbc, Clock clock, ProducerTemplate producer, PlatformTransactionManager transactions,
                @Value("${onewindow.outbox.claim-timeout-ms}") long claimTimeoutMs,
                @Value("${onewindow.outbox.sweep-age-ms}") long sweepAgeMs,
                @Value("${onewindow.outbox.batch-size}") int batchSize) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.producer = producer;
        this.claimTimeout = Duration.ofMillis(claimTimeoutMs);
        this.sweepAge = Duration.ofMillis(sweepAgeMs);
        this.batchSize = batchSize;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Claims left by a previous run of the hub belong to no one now. */
    @EventListener(ApplicationReadyEvent.class)
    void releaseClaimsOfPreviousRun() {
        int released = jdbc.sql("UPDATE outbox SET claimed_until = NULL WHERE claimed_until IS NOT NULL").update();
        if (released > 0) {
            log.info("Released {} outbox message(s) claimed before the last stop; they will be relayed again", released);
        }
    }

    /** Called after a commit: hand the new messages to the relay route without delaying the caller. */
    void relaySoon(List<Long> messageIds) {
        try {
            producer.asyncSendBody("seda:outbox-fresh", messageIds);
        } catch (RuntimeException e) {
            // the sweep relays them; the transaction that wrote them has committed and must not fail
            log.warn("Could not hand {} outbox message(s) to the relay now; the sweep will: {}", messageIds.size(), e.getMessage());
        }
    }

    /** The given messages, for this relay alone; messages someone else holds or already sent are left out. */
    public List<OutboxMessage> claim(List<Long> messageIds) {
        Instant now = clock.instant();
        List<Long> claimed = new ArrayList<>();
        // one commit for the whole batch: each commit is a disk write, the relay's main cost under load
        transaction.executeWithoutResult(status -> {
            for (Long id : messageIds) {
                int updated = jdbc.sql("UPDATE outbox SET claimed_until = ? WHERE message_id = ? AND (claimed_until IS NULL OR claimed_until < ?)")
                        .params(now.plus(claimTimeout).atOffset(ZoneOffset.UTC), id, now.atOffset(ZoneOffset.UTC))
                        .update();
                if (updated == 1) {
                    claimed.add(id);
                }
            }
        });
        if (claimed.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT message_id, destination, message_key, payload FROM outbox WHERE message_id IN ("
                        + String.join(",", claimed.stream().map(id -> "?").toList()) + ") ORDER BY message_id")
                .params(new ArrayList<Object>(claimed))
                .query((rs, n) -> new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Messages that were not relayed right after their commit, oldest first. */
    public List<OutboxMessage> claimStale() {
        Instant now = clock.instant();
        List<Long> stale = jdbc.sql("""
                        SELECT message_id FROM outbox
                        WHERE (claimed_until IS NULL AND created_at < ?) OR claimed_until < ?
                        ORDER BY message_id LIMIT ?""")
                .params(now.minus(sweepAge).atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), batchSize)
                .query(Long.class).list();
        if (!stale.isEmpty()) {
            log.info("Relaying {} outbox message(s) left behind", stale.size());
        }
        return claim(stale);
    }

    /**
     * The broker has these messages: they leave the outbox, in one statement. Should the relay die before,
     * their claims run out and the sweep sends them again, which idempotent consumers absorb.
     */
    public void delivered(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM outbox WHERE message_id IN (" + String.join(",", messages.stream().map(m -> "?").toList()) + ")")
                .params(new ArrayList<Object>(messages.stream().map(OutboxMessage::messageId).toList()))
                .update();
    }
}
