package org.onewindow.hub.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskStatus;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The tasks that wait at each department: queued, sent, waiting for a callback, dead-lettered. Counted by one query over
 * the status index, kept for {@code fresh} (the console polls every few seconds, Prometheus scrapes every 15 s: one query
 * serves them all), and exported as the gauge {@code onewindow.tasks{department, status}}.
 */
public class TaskBacklog {

    public static final String METER = "onewindow.tasks";
    /** The statuses counted: open work and dead letters (finished tasks are history, for the statistics). */
    public static final Set<TaskStatus> COUNTED = EnumSet.of(TaskStatus.QUEUED, TaskStatus.SENT, TaskStatus.AWAITING_CALLBACK,
            TaskStatus.DEAD_LETTERED);

    private final CaseStore store;
    private final Clock clock;
    private final Duration fresh;
    private volatile Snapshot snapshot;

    public TaskBacklog(CaseStore store, Clock clock, Duration fresh, MeterRegistry registry, Iterable<String> departments) {
        this.store = store;
        this.clock = clock;
        this.fresh = fresh;
        for (String department : departments) {
            for (TaskStatus status : COUNTED) {
                Gauge.builder(METER, this, b -> b.count(department, status))
                        .description("tasks of a department in a status (open work and dead letters)")
                        .tag("department", department).tag("status", status.name()).register(registry);
            }
        }
    }

    /** Tasks of the department in the status now (at most {@code fresh} old). */
    public long count(String department, TaskStatus status) {
        return current().counts().getOrDefault(department, Map.of()).getOrDefault(status, 0L);
    }

    /** Every department's counts (departments without any counted task are absent). */
    public Map<String, Map<TaskStatus, Long>> all() {
        return current().counts();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        long now = clock.millis();
        if (s == null || now - s.takenAt() >= fresh.toMillis()) {
            synchronized (this) {
                s = snapshot;
                if (s == null || now - s.takenAt() >= fresh.toMillis()) {
                    s = new Snapshot(now, store.countTasksByDepartment(COUNTED));
                    snapshot = s;
                }
            }
        }
        return s;
    }

    private record Snapshot(long takenAt, Map<String, Map<TaskStatus, Long>> counts) {
    }
}
