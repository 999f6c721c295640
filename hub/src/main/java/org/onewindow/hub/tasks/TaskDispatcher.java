package org.onewindow.hub.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.outbox.Outbox;
import org.onewindow.schemas.cases.CaseRequest;
import org.onewindow.schemas.tasks.TaskMessage;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts tasks on their departments' queues, through the outbox, inside the caller's transaction. A task
 * carries the case's applicant and form, and the results of the steps it depends on, named
 * {@code <step>.<result>} (e.g. {@code deed-tax.paymentVoucherNo}) and, where unambiguous, {@code <result>}.
 */
@Component
public class TaskDispatcher {

    /** Each department's adapter consumes its own queue: onewindow.tasks.social-insurance ...; a department
     *  reached through another (market regulation through the province) shares its carrier's queue. */
    public static final String QUEUE_PREFIX = "onewindow.tasks.";

    private final CaseStore store;
    private final Outbox outbox;
    private final ObjectMapper objectMapper;
    private final ServiceCatalogue catalogue;

    TaskDispatcher(CaseStore store, Outbox outbox, ObjectMapper objectMapper, ServiceCatalogue catalogue) {
        this.store = store;
        this.outbox = outbox;
        this.objectMapper = objectMapper;
        this.catalogue = catalogue;
    }

    /** Queues tasks that are ready; {@code completed} are the case's finished tasks whose results feed them. */
    public void dispatch(CaseRequest request, List<TaskRecord> ready, List<TaskRecord> completed, Instant now) {
        List<CaseStore.NewEvent> queued = new java.util.ArrayList<>();
        for (TaskRecord task : ready) {
            send(request, task, completed);
            queued.add(new CaseStore.NewEvent(task.caseId(), task.taskId(), CaseEventType.TASK_QUEUED,
                    task.itemCode() + " queued for " + task.department(), now));
        }
        store.addEvents(queued);
    }

    /** Puts one task's message in the outbox, built from the case's request and its inputs, keyed by the task id. */
    void send(CaseRequest request, TaskRecord task, List<TaskRecord> completed) {
        TaskMessage message = new TaskMessage(task.taskId(), task.caseId(), task.department(), task.itemCode(),
                request.applicant(), request.form(), inputs(task, completed));
        outbox.append(QUEUE_PREFIX + catalogue.carrier(task.department()), task.taskId(), json(message));
    }

    /**
     * The results of the steps a task depends on, each as {@code <step>.<name>}, and also as plain
     * {@code <name>} when only one of those steps gave it (so an adapter can ask for "creditCode"
     * without knowing which bundle it is in).
     */
    private static Map<String, String> inputs(TaskRecord task, List<TaskRecord> completed) {
        Map<String, String> inputs = new LinkedHashMap<>();
        Map<String, Integer> givers = new java.util.HashMap<>();
        List<TaskRecord> dependencies = completed.stream().filter(done -> task.dependsOn().contains(done.stepId())).toList();
        dependencies.forEach(done -> done.results().forEach((name, value) -> {
            inputs.put(done.stepId() + "." + name, value);
            givers.merge(name, 1, Integer::sum);
        }));
        dependencies.forEach(done -> done.results().forEach((name, value) -> {
            if (givers.get(name) == 1) {
                inputs.put(name, value);
            }
        }));
        return inputs;
    }

    private String json(TaskMessage message) {
        try {
            return objectMapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write task " + message.taskId(), e);
        }
    }
}
