package org.onewindow.hub.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A health check that answers within a time limit: DOWN ("no answer within …") when the check it wraps does not.
 * Boot's checks have no limit of their own: the database check waits for a pooled connection as long as Hikari's
 * connection-timeout (30 s) while the database refuses or drops connections, and then for {@code isValid(0)}, which
 * waits for as long as the network does; the JMS check's connect waits for Artemis' connect timeout (10 s). A
 * readiness probe must answer within seconds. A check still hanging from an earlier call is waited for again rather
 * than started twice, so a dead database ties up one thread, not one per probe.
 */
final class BoundedHealthIndicator implements HealthIndicator {

    private final HealthIndicator check;
    private final Duration timeout;
    private final ExecutorService thread;
    private Future<Health> running;

    BoundedHealthIndicator(String name, HealthIndicator check, Duration timeout) {
        this.check = check;
        this.timeout = timeout;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread daemon = new Thread(runnable, "health-" + name);
            daemon.setDaemon(true);
            return daemon;
        });
    }

    @Override
    public Health health() {
        Future<Health> answer = start();
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    private synchronized Future<Health> start() {
        if (running == null || running.isDone()) {
            running = thread.submit(check::health);
        }
        return running;
    }

    void close() {
        thread.shutdownNow();
    }
}
