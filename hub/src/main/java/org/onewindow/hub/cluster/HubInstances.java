package org.onewindow.hub.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The hubs sharing this database, by their heartbeats (table hub_instances, the SQL of which is all here). This hub
 * beats every {@code onewindow.cluster.heartbeat-every}; a hub that has not beaten for {@code onewindow.cluster.lease}, or
 * that stopped cleanly, is gone, and what it held (tasks it was sending, outbox rows it was relaying) may be taken over.
 * A hub restarted under the same instance id takes over what its previous run held at once: that run is this hub's past.
 */
@Component
public class HubInstances implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HubInstances.class);

    /** Starts before anything that sends or consumes (Camel, the web server) and stops after them. */
    static final int PHASE = Integer.MIN_VALUE + 2_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final HubInstance me;
    private final Duration heartbeatEvery;
    private final Duration lease;
    private volatile ScheduledExecutorService beats;
    private volatile Instant lastTwinWarning = Instant.EPOCH;

    HubInstances(JdbcClient jdbc, Clock clock, HubInstance me,
                 @Value("${onewindow.cluster.heartbeat-every}") Duration heartbeatEvery,
                 @Value("${onewindow.cluster.lease}") Duration lease) {
        if (lease.compareTo(heartbeatEvery.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("onewindow.cluster.lease (" + lease + ") must be at least twice "
                    + "onewindow.cluster.heartbeat-every (" + heartbeatEvery + "), or a hub that is merely slow counts as gone");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.me = me;
        this.heartbeatEvery = heartbeatEvery;
        this.lease = lease;
    }

    /** This hub's instance id. */
    public String me() {
        return me.id();
    }

    /** This start of this hub: what it holds now is marked with it (a restarted hub is a new run of the same instance). */
    public String myRun() {
        return me.runId();
    }

    /**
     * Whether a holder (a run id, or null for none) can no longer be working on what it holds: no hub instance runs it now
     * with a fresh heartbeat. A run of an instance that has restarted since is gone at once, whatever the lease.
     */
    public boolean isRunGone(String runId) {
        if (runId == null) {
            return true;
        }
        if (runId.equals(me.runId())) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM hub_instances WHERE run_id = ? AND stopped_at IS NULL AND heartbeat_at >= ?")
                .params(runId, utc(clock.instant().minus(lease))).query(Long.class).single() == 0;
    }

    @Override
    public void start() {
        Instant now = clock.instant();
        int updated = jdbc.sql("UPDATE hub_instances SET run_id = ?, started_at = ?, heartbeat_at = ?, stopped_at = NULL WHERE instance_id = ?")
                .params(me.runId(), utc(now), utc(now), me.id()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO hub_instances (instance_id, run_id, started_at, heartbeat_at) VALUES (?, ?, ?, ?)")
                    .params(me.id(), me.runId(), utc(now), utc(now)).update();
        }
        log.info("Hub instance {} started (run {}); heartbeat every {}, gone after {} without one", me.id(), me.runId(), heartbeatEvery, lease);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hub-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::beat, heartbeatEvery.toMillis(), heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
        beats = executor;
    }

    void beat() {
        try {
            Instant now = clock.instant();
            int beaten = jdbc.sql("UPDATE hub_instances SET heartbeat_at = ? WHERE instance_id = ? AND run_id = ?")
                    .params(utc(now), me.id(), me.runId()).update();
            if (beaten == 0 && now.isAfter(lastTwinWarning.plus(Duration.ofMinutes(1)))) {
                lastTwinWarning = now;
                log.error("Another hub process started with this hub's instance id {}: two hubs must never share one "
                        + "(onewindow.instance.id); each would take over the other's work", me.id());
            }
        } catch (RuntimeException e) {
            // the database is down: the other hubs will count this one as gone after the lease, and take over its work
            log.warn("Hub heartbeat not written: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = beats;
        beats = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        try {
            // a clean stop: the others may take over at once whatever this hub still held
            jdbc.sql("UPDATE hub_instances SET stopped_at = ? WHERE instance_id = ? AND run_id = ?")
                    .params(utc(clock.instant()), me.id(), me.runId()).update();
        } catch (RuntimeException e) {
            log.warn("Could not record the hub's stop; the others take over after the lease: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return beats != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
