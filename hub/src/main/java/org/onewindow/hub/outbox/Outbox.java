package org.onewindow.hub.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
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

    Outbox(JdbcClient jdbc, Clock clock, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.relay = relay;
    }

    /** Adds a message to the current transaction; it is relayed once the transaction commits. */
    public void append(String destination, String messageKey, String payload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("the outbox is written only inside a transaction");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO outbox (destination, message_key, payload, created_at) VALUES (?, ?, ?, ?)")
                .params(destination, messageKey, payload, clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "message_id");
        pendingInThisTransaction().add(key.getKey().longValue());
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
