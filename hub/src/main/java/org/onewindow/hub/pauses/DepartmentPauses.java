package org.onewindow.hub.pauses;

import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.departments.ConnectedDepartments;
import org.onewindow.hub.messaging.JmsQueues;
import org.onewindow.hub.operatoractions.OperatorAction;
import org.onewindow.hub.operatoractions.OperatorActionStore;
import org.onewindow.hub.persistence.GroupCommit;
import org.onewindow.hub.tasks.TaskDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Operators pause and resume a department's sending for a maintenance window (issue 14): while it is paused, its
 * tasks and shared data are not sent; they wait on its queues, nothing is lost, and calls already under way finish.
 * The pause is kept in the database (so it outlives a restart and holds for every hub sharing the database) and
 * applied to the department's routes by {@link RoutePauses}. Every pause and resume, done or refused, is audited
 * (operatoractions/OperatorActionStore). Departments are the connected ones ({@link ConnectedDepartments#all()}).
 */
@Component
public class DepartmentPauses {

    private static final Logger log = LoggerFactory.getLogger(DepartmentPauses.class);
    /** Queue depth is counted by browsing, up to this many messages. */
    private static final long DEPTH_CAP = 100_000;

    private final PauseStore store;
    private final RoutePauses routes;
    private final OperatorActionStore audit;
    private final GroupCommit groupCommit;
    private final ConnectedDepartments connected;
    private final ServiceCatalogue catalogue;
    private final CaseStore cases;
    private final JmsQueues queues;
    private final Clock clock;

    DepartmentPauses(PauseStore store, RoutePauses routes, OperatorActionStore audit, GroupCommit groupCommit,
                     ConnectedDepartments connected, ServiceCatalogue catalogue, CaseStore cases, JmsQueues queues, Clock clock) {
        this.store = store;
        this.routes = routes;
        this.audit = audit;
        this.groupCommit = groupCommit;
        this.connected = connected;
        this.catalogue = catalogue;
        this.cases = cases;
        this.queues = queues;
        this.clock = clock;
    }

    /**
     * Pauses the department's sending. Pausing a paused department keeps the first pause (its who, when and why) and
     * is audited as refused.
     *
     * @return the pause in force
     * @throws IllegalArgumentException for an unknown department, a blank reason or no operator (the message says which)
     */
    public DepartmentPause pause(String department, String reason, String operator) {
        requireConnected(department);
        requireOperator(operator);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to pause " + department + " (e.g. its maintenance window)");
        }
        Instant now = clock.instant();
        DepartmentPause wanted = new DepartmentPause(department, operator.strip(), now, reason.strip());
        DepartmentPause inForce = groupCommit.execute("department-pause", () -> {
            if (store.insert(wanted)) {
                audit.add(action(OperatorAction.Kind.PAUSE, department, operator, reason, OperatorAction.Outcome.DONE,
                        "sending to " + department + " paused; its tasks wait on its queue", now));
                return wanted;
            }
            DepartmentPause existing = store.find(department).orElse(wanted);
            audit.add(action(OperatorAction.Kind.PAUSE, department, operator, reason, OperatorAction.Outcome.REFUSED,
                    department + " is paused already, by " + existing.pausedBy() + " since " + existing.pausedAt(), now));
            return existing;
        });
        routes.apply();
        log.warn("{} paused sending to {}: {}", operator.strip(), department, reason.strip());
        return inForce;
    }

    /**
     * Resumes the department's sending; what waited on its queues is sent.
     *
     * @return false when it was not paused (audited as refused)
     * @throws IllegalArgumentException for an unknown department or no operator
     */
    public boolean resume(String department, String operator) {
        requireConnected(department);
        requireOperator(operator);
        Instant now = clock.instant();
        boolean resumed = groupCommit.execute("department-resume", () -> {
            boolean was = store.delete(department);
            audit.add(action(OperatorAction.Kind.RESUME, department, operator, null,
                    was ? OperatorAction.Outcome.DONE : OperatorAction.Outcome.REFUSED,
                    was ? "sending to " + department + " resumed" : department + " is not paused", now));
            return was;
        });
        routes.apply();
        if (resumed) {
            log.warn("{} resumed sending to {}", operator.strip(), department);
        }
        return resumed;
    }

    /** The paused departments, by code. */
    public Map<String, DepartmentPause> paused() {
        return store.all();
    }

    public boolean isPaused(String department) {
        return store.find(department).isPresent();
    }

    /**
     * What waits for the department: its QUEUED tasks in the database and the messages on its task queue.
     *
     * @throws IllegalArgumentException for an unknown department
     */
    public Waiting waiting(String department) {
        requireConnected(department);
        return waiting(department, cases.countTasksByDepartment(TaskStatus.QUEUED), isPaused(department));
    }

    /** What waits for each connected department, by code: one count of the queued tasks for them all. */
    public Map<String, Waiting> waitingAtEach() {
        Map<String, Long> queued = cases.countTasksByDepartment(TaskStatus.QUEUED);
        java.util.Set<String> paused = paused().keySet();
        Map<String, Waiting> waiting = new java.util.TreeMap<>();
        connected.all().forEach(department -> waiting.put(department, waiting(department, queued, paused.contains(department))));
        return waiting;
    }

    private Waiting waiting(String department, Map<String, Long> queuedByTaskDepartment, boolean paused) {
        long queued = queuedByTaskDepartment.entrySet().stream()
                .filter(e -> department.equals(catalogue.carrier(e.getKey()))).mapToLong(Map.Entry::getValue).sum();
        Long depth;
        try {
            depth = queues.depth(TaskDispatcher.QUEUE_PREFIX + department, DEPTH_CAP);
        } catch (RuntimeException e) {
            log.warn("Could not count the messages waiting for {}: {}", department, e.getMessage());
            depth = null;
        }
        return new Waiting(department, paused, queued, depth);
    }

    private static OperatorAction action(OperatorAction.Kind kind, String department, String operator, String reason,
                                         OperatorAction.Outcome outcome, String detail, Instant now) {
        return new OperatorAction(0, now, operator.strip(), kind, department, null, null, reason, outcome, detail);
    }

    private void requireConnected(String department) {
        connected.require(department);
    }

    private static void requireOperator(String operator) {
        OperatorAction.requireOperator(operator);
    }
}
