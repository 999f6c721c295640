package org.onewindow.schemas.tasks;

import org.onewindow.schemas.cases.Applicant;

import java.util.Map;

/**
 * The work one department must do for one case (部门办理环节), as it travels on the department's queue.
 * It carries everything the adapter needs to build the department's request, so an adapter never reads
 * the hub's database. {@code taskId} is also the idempotency key sent to the department.
 *
 * @param inputs outputs of earlier steps this step depends on (e.g. a deed-tax payment confirmation)
 */
public record TaskMessage(
        String taskId,
        String caseId,
        String department,
        String itemCode,
        Applicant applicant,
        Map<String, String> form,
        Map<String, String> inputs) {

    public TaskMessage {
        form = form == null ? Map.of() : Map.copyOf(form);
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }
}
