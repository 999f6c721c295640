package org.onewindow.hub.outbox;

import org.onewindow.hub.cluster.HubInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes messages in the same database transaction as the change that causes them (transactional
 * outbox). Nothing reaches the broker unless the change committed, and nothing committed is lost: the
 * relay publishes right after commit, and sweeps up whatever a crash or a broker outage left behind.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OutboxRelay relay;
    private final HubInstance hub;
    private final Duration claimTimeout;

    Outbox(JdbcClient jdbc, Clock clock, OutboxRelay relay, HubInstance hub,
           @Value("${onewindow.outbox.claim-timeout-ms}") long claimTimeoutMs) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.relay = relay;
        this.hub = hub;
        this.claimTimeout = Duration.ofMillis(claimTimeoutMs);
    }

    /**
     * Adds a message to the current transaction; it is relayed once the transaction commits. The row is born claimed by
     * this hub, until claim-timeout: another hub sharing the database relays it only if this one has not by then.
     */
    public void append(String destination, String messageKey, String payload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("the outbox is written only inside a transaction");
        }
        KeyHolder key = new GeneratedKeyHolder();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO outbox (destination, message_key, payload, created_at, claimed_by, claimed_until) VALUES (?, ?, ?, ?, ?, ?)")
                .params(destination, messageKey, payload, now.atOffset(ZoneOffset.UTC), hub.id(),
                        now.plus(claimTimeout).atOffset(ZoneOffset.UTC))
                .update(key, "message_id");
        pendingInThisTransaction().add(key.getKey().longValue());
    }

    /** Whether a message with this key still waits in the outbox (not yet with the broker). */
    public boolean holds(String messageKey) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE message_key = ?").param(messageKey).query(Long.class).single() > 0;
    }

    /** Rows not yet relayed to the broker and the oldest one's time, in one query (for the gauges). */
    Lag lag() {
        return jdbc.sql("SELECT COUNT(*) AS waiting, MIN(created_at) AS oldest FROM outbox")
                .query((rs, n) -> {
                    OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
                    return new Lag(rs.getLong("waiting"), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    /** @param oldest null when none waits */
    record Lag(long rows, Instant oldest) {
    }

    private List<Long> pendingInThisTransaction() {
        @SuppressWarnings("unchecked")
        List<Long> pending = (List<Long>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Long> ids = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
                    if (status == STATUS_COMMITTED) {
                        relay.relaySoon(List.copyOf(ids));
                    }
                }
            });
            pending = ids;
        }
        return pending;
    }
}
