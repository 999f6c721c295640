package org.onewindow.adapters.kit;

import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;

/**
 * What an adapter writes for a department that answers asynchronously (the real-estate registry's
 * HTTP/XML): the request, the department's immediate answer (usually "accepted, decision follows"),
 * and the callback that carries the decision. The kit's http-xml-call template sends the request; the
 * hub's callback endpoint checks the department's signature and hands the body to {@link #callback}.
 *
 * <p>A department that can also be asked where a task stands (a status query, for a callback that is late or lost)
 * implements {@link #statusRequest} and {@link #status}, and its adapter instantiates the kit's department-task-status
 * template with a second http-xml-call route (requestMethod statusRequest, replyMethod status).
 */
public interface CallbackDepartmentMapping extends DepartmentAdapter {

    DepartmentRequest request(TaskMessage task);

    /**
     * The department's immediate answer: a {@link DepartmentAcknowledgement} when the decision comes by
     * callback, or a {@link TaskOutcome} when it decided at once (a refusal at the counter).
     *
     * @throws DepartmentContractException when the answer breaks the department's contract
     */
    Object acknowledgement(TaskMessage task, int httpStatus, String replyBody);

    /**
     * The decision a callback carries for the task it was sent for.
     *
     * @throws DepartmentContractException when the callback breaks the department's contract
     */
    TaskOutcome callback(String taskId, String body);

    /**
     * The department's status query for a task it accepted, carrying the task id it was sent with. Only for a
     * department that answers status queries.
     */
    default DepartmentRequest statusRequest(TaskMessage task) {
        throw new DepartmentContractException(department() + " answers no status queries");
    }

    /**
     * The department's answer to a status query: a {@link TaskOutcome} once it has decided (the same decision its
     * callback carries), {@link Undecided#STILL_WORKING} while it works on the task, {@link Undecided#UNKNOWN_TASK} when
     * it does not know the task.
     *
     * @throws DepartmentContractException when the answer breaks the department's contract
     */
    default Object status(TaskMessage task, int httpStatus, String replyBody) {
        throw new DepartmentContractException(department() + " answers no status queries");
    }

    default DepartmentRequest shareRequest(SharedData share) {
        throw new DepartmentContractException(department() + " has no way to receive shared data " + share.dataItem());
    }

    default void shareReceipt(SharedData share, int httpStatus, String replyBody) {
        if (httpStatus < 200 || httpStatus > 299) {
            throw new DepartmentContractException(department() + " refused shared data " + share.shareId() + " with HTTP " + httpStatus);
        }
    }
}
