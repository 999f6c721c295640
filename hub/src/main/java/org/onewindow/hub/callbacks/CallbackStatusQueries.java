package org.onewindow.hub.callbacks;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.Undecided;
import org.onewindow.hub.caselog.CaseLogContext;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.hub.catalogue.WorkingDuration;
import org.onewindow.hub.pauses.DepartmentPauses;
import org.onewindow.hub.persistence.GroupCommit;
import org.onewindow.hub.tasks.TaskLedger;
import org.onewindow.schemas.catalogue.Department;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks a department that decides by callback where a task stands, when its callback is late or was lost (the hub was
 * down when the department called, or stopped right after the department accepted). Each round (run by the hub's
 * scheduler, {@link CallbackSchedule}: one hub of a cluster) asks about the tasks awaiting their callback for longer
 * than onewindow.tasks.status-query-after (working time), each at most once in that time:
 * <ul>
 *   <li>decided: the decision is recorded exactly as its callback would have been (TaskLedger.recordCallback: the same
 *   events; a callback arriving later changes nothing);</li>
 *   <li>still working: nothing changes; the task is asked again status-query-after later;</li>
 *   <li>unknown to the department: logged, and left to the callback deadline ({@link CallbackDeadline});</li>
 *   <li>the query failed (the department unreachable, its breaker open, a 5xx): nothing changes, and the department is
 *   not asked again in this round; its tasks are asked in the next.</li>
 * </ul>
 * Only departments whose adapter offers a status query are asked (the kit's department-task-status template, endpoint
 * direct:task-status-&lt;department&gt;), and none an operator has paused. A round with nothing due is one query, over
 * the index case_tasks(status, department, updated_at); tasks decided on time cost nothing. Every query is a department exchange
 * like any other: the message log records it with its case and task.
 */
@Component
public class CallbackStatusQueries {

    private static final Logger log = LoggerFactory.getLogger(CallbackStatusQueries.class);
    /** A department offers status queries on direct:task-status-&lt;department&gt;. */
    static final String ENDPOINT = "direct:task-status-";

    /** What asking about one task came to. */
    enum Result { DECIDED, STILL_WORKING, UNKNOWN_TASK, CONTRACT_FAULT, FAILED }

    /** @param detail what the department answered, in words for a task's reason */
    record Asked(Result result, String detail) {
    }

    /** What one round did. */
    public record Round(int asked, int decided, int stillWorking, int unknown, int failed) {
    }

    private final ProducerTemplate producer;
    private final CamelContext camel;
    private final StatusQueryStore store;
    private final TaskLedger ledger;
    private final GroupCommit groupCommit;
    private final ServiceCatalogue catalogue;
    private final DepartmentPauses pauses;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final WorkingDuration after;
    private final int batchSize;

    CallbackStatusQueries(ProducerTemplate producer, StatusQueryStore store, TaskLedger ledger, GroupCommit groupCommit,
                          ServiceCatalogue catalogue, DepartmentPauses pauses, WorkingCalendar calendar, Clock clock,
                          @Value("${onewindow.tasks.status-query-after}") String after,
                          @Value("${onewindow.tasks.status-query-batch-size}") int batchSize) {
        this.producer = producer;
        this.camel = producer.getCamelContext();
        this.store = store;
        this.ledger = ledger;
        this.groupCommit = groupCommit;
        this.catalogue = catalogue;
        this.pauses = pauses;
        this.calendar = calendar;
        this.clock = clock;
        this.after = WorkingDuration.parse(after);
        this.batchSize = batchSize;
    }

    /** One round at the clock's now: asks about up to status-query-batch-size tasks, longest waiting first. */
    public Round round() {
        Set<String> departments = askable();
        if (departments.isEmpty()) {
            return new Round(0, 0, 0, 0, 0);
        }
        Instant cutoff = calendar.minus(clock.instant(), after);
        List<StatusQueryStore.AwaitingTask> due = store.due(departments, cutoff, cutoff, batchSize);
        if (due.isEmpty()) {
            return new Round(0, 0, 0, 0, 0); // the usual round: one query, nothing more
        }
        // departments an operator paused are not asked (nor are those failing in this round); their tasks wait
        Set<String> skipped = new HashSet<>(pauses.paused().keySet());
        int[] counts = new int[Result.values().length];
        for (StatusQueryStore.AwaitingTask task : due) {
            String carrier = catalogue.carrier(task.department());
            if (skipped.contains(carrier)) {
                continue;
            }
            Result result = ask(task).result();
            counts[result.ordinal()]++;
            if (result == Result.FAILED) {
                skipped.add(carrier);
            }
        }
        Round round = new Round(java.util.Arrays.stream(counts).sum(), counts[Result.DECIDED.ordinal()],
                counts[Result.STILL_WORKING.ordinal()], counts[Result.UNKNOWN_TASK.ordinal()],
                counts[Result.FAILED.ordinal()] + counts[Result.CONTRACT_FAULT.ordinal()]);
        log.info("Status queries: asked about {} of {} task(s) awaiting a callback for over {}: {} decided, {} still being worked on, "
                        + "{} unknown to their department, {} failed (no answer, or one breaking the contract)", round.asked(), due.size(), after, round.decided(),
                round.stillWorking(), round.unknown(), round.failed());
        return round;
    }

    /** Whether the hub may ask the department (or its carrier) about its tasks now: it offers queries and is not paused. */
    boolean mayAsk(String department) {
        String carrier = catalogue.carrier(department);
        return offering().contains(carrier) && !pauses.isPaused(carrier);
    }

    /** Asks the department about one task awaiting its callback, records the query, and a decision as its callback. */
    Asked ask(StatusQueryStore.AwaitingTask task) {
        String carrier = catalogue.carrier(task.department());
        TaskMessage message = new TaskMessage(task.taskId(), task.caseId(), task.department(), task.itemCode(), null, null, null);
        try (CaseLogContext.Scope ignored = CaseLogContext.forTask(task.caseId(), task.taskId())) {
            Object answer;
            try {
                answer = producer.requestBody(ENDPOINT + carrier, message);
            } catch (RuntimeException failed) {
                DepartmentContractException broken = cause(failed, DepartmentContractException.class);
                if (broken != null) {
                    record(task, StatusQueryStore.Answer.CONTRACT_FAULT);
                    log.warn("{} answered the status query for task {} breaking its contract: {}", carrier, task.taskId(), broken.getMessage());
                    return new Asked(Result.CONTRACT_FAULT, "its answer broke its contract: " + broken.getMessage());
                }
                String why = unanswered(failed);
                log.warn("Could not ask {} about task {} ({}); nothing changes, it is asked again later", carrier, task.taskId(), why);
                return new Asked(Result.FAILED, "it could not be asked (" + why + ")");
            }
            if (answer instanceof TaskOutcome outcome) {
                groupCommit.run("status-query-decided", () -> {
                    record(task, StatusQueryStore.Answer.DECIDED);
                    ledger.recordCallback(task.taskId(), outcome);
                });
                log.info("{} decided task {} ({}); the hub learnt it by a status query, its callback had not come",
                        carrier, task.taskId(), outcome.decision());
                return new Asked(Result.DECIDED, "it had decided: " + outcome.decision());
            }
            if (answer == Undecided.STILL_WORKING) {
                record(task, StatusQueryStore.Answer.STILL_WORKING);
                // DEBUG: a department that takes days answers this for each of its tasks every status-query-after
                log.debug("{} is still working on task {}, accepted at {}", carrier, task.taskId(), task.acceptedAt());
                return new Asked(Result.STILL_WORKING, "it was still working on it");
            }
            if (answer == Undecided.UNKNOWN_TASK) {
                record(task, StatusQueryStore.Answer.UNKNOWN_TASK);
                log.warn("{} does not know task {}, though it accepted it at {}; left to the callback deadline",
                        carrier, task.taskId(), task.acceptedAt());
                return new Asked(Result.UNKNOWN_TASK, "it did not know the task");
            }
            log.error("The status query of {} answered {} for task {}, not a decision nor kit Undecided; treated as no answer",
                    carrier, answer == null ? "nothing" : answer.getClass().getName(), task.taskId());
            return new Asked(Result.FAILED, "it could not be asked (no readable answer)");
        }
    }

    private void record(StatusQueryStore.AwaitingTask task, StatusQueryStore.Answer answer) {
        Instant at = clock.instant();
        groupCommit.run("status-query", () -> store.asked(task.taskId(), task.department(), at, answer));
    }

    /** The departments, and those reached through them, whose adapter offers a status query. */
    private Set<String> askable() {
        Set<String> offering = offering();
        if (offering.isEmpty()) {
            return Set.of();
        }
        Set<String> departments = new TreeSet<>();
        for (Department department : catalogue.catalogue().departments()) {
            if (offering.contains(catalogue.carrier(department.code()))) {
                departments.add(department.code());
            }
        }
        return departments;
    }

    /** The departments whose adapter offers a status query: a route from direct:task-status-&lt;department&gt;. */
    private Set<String> offering() {
        Set<String> offering = new TreeSet<>();
        String prefix = ENDPOINT.substring("direct:".length());
        for (Route route : camel.getRoutes()) {
            String uri = route.getEndpoint().getEndpointUri();
            String path = uri.startsWith("direct://") ? uri.substring("direct://".length()) : uri.startsWith("direct:") ? uri.substring("direct:".length()) : null;
            if (path != null && path.startsWith(prefix)) {
                offering.add(path.substring(prefix.length()));
            }
        }
        return offering;
    }

    /** Why a query got no answer, in words fit for a task's reason (no class names, nothing from inside the hub). */
    private static String unanswered(Throwable failure) {
        if (cause(failure, CallNotPermittedException.class) != null) {
            return "its circuit breaker is open";
        }
        HttpOperationFailedException refused = cause(failure, HttpOperationFailedException.class);
        if (refused != null) {
            return "it answered HTTP " + refused.getStatusCode();
        }
        if (cause(failure, java.io.IOException.class) != null) {
            return "it could not be reached or did not answer in time";
        }
        return "the query failed";
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
