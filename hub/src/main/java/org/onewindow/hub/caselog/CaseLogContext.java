package org.onewindow.hub.caselog;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * The case (and task) a thread works on, as the MDC keys caseId and taskId: every log line written meanwhile carries
 * them (a JSON line as fields, see logging.structured in application.yaml), so a search for a case finds its whole
 * story: intake, material look-ups, its department tasks, callbacks and HTTP requests about it.
 * <p>
 * Cost: two MDC puts and removes per request, look-up or task, nothing per log call. Camel's own MDC logging
 * (camel.main.use-mdc-logging) is left off: it puts and restores six camel.* keys for every exchange and route step,
 * on every route, and still would not know the case; camel.mdc.* needs the camel-mdc component, which the hub does not
 * ship. Department routes enter a task's or a share's context instead (routes/department-ledger.yaml: task-mark-sent,
 * share-still-queued).
 */
@Component("caseLogContext")
public class CaseLogContext {

    public static final String CASE_ID = "caseId";
    public static final String TASK_ID = "taskId";

    /** Puts the case into the MDC until the scope closes, which restores what was there before. */
    public static Scope forCase(String caseId) {
        return new Scope(caseId, MDC.get(TASK_ID));
    }

    public static Scope forTask(String caseId, String taskId) {
        return new Scope(caseId, taskId);
    }

    /** A task for another thread (an executor) that runs in the caller's case context. */
    public static <T> Supplier<T> carrying(Supplier<T> work) {
        String caseId = MDC.get(CASE_ID);
        if (caseId == null) {
            return work;
        }
        String taskId = MDC.get(TASK_ID);
        return () -> {
            try (Scope ignored = forTask(caseId, taskId)) {
                return work.get();
            }
        };
    }

    /**
     * A department route's exchange works on its task (exchange property Task) until it completes: its consumer thread
     * logs with the case and task ids meanwhile, and not after. Called as a bean step (ref caseLogContext).
     */
    public void enterTask(Exchange exchange) {
        TaskMessage task = exchange.getProperty("Task", TaskMessage.class);
        if (task == null) {
            return;
        }
        enter(exchange, forTask(task.caseId(), task.taskId()));
    }

    /** A department route's exchange delivering shared data (exchange property Share) logs with the case it serves. */
    public void enterShare(Exchange exchange) {
        SharedData share = exchange.getProperty("Share", SharedData.class);
        if (share != null) {
            enter(exchange, forCase(share.caseId()));
        }
    }

    private static void enter(Exchange exchange, Scope scope) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                scope.close();
            }
        });
    }

    /** What the MDC held before; closing puts it back (nested scopes, pooled threads). */
    public static final class Scope implements AutoCloseable {
        private final String previousCase;
        private final String previousTask;

        private Scope(String caseId, String taskId) {
            previousCase = MDC.get(CASE_ID);
            previousTask = MDC.get(TASK_ID);
            put(CASE_ID, caseId);
            put(TASK_ID, taskId);
        }

        @Override
        public void close() {
            put(CASE_ID, previousCase);
            put(TASK_ID, previousTask);
        }

        private static void put(String key, String value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }
}
