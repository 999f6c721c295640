package org.onewindow.adapters.kit;

import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;

/**
 * What an adapter writes for a department that answers asynchronously (the real-estate registry's
 * HTTP/XML): the request, the department's immediate answer (usually "accepted, decision follows"),
 * and the callback that carries the decision. The kit's http-xml-call template sends the request; the
 * hub's callback endpoint checks the department's signature and hands the body to {@link #callback}.
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

    default DepartmentRequest shareRequest(SharedData share) {
        throw new DepartmentContractException(department() + " has no way to receive shared data " + share.dataItem());
    }

    default void shareReceipt(SharedData share, int httpStatus, String replyBody) {
        if (httpStatus < 200 || httpStatus > 299) {
            throw new DepartmentContractException(department() + " refused shared data " + share.shareId() + " with HTTP " + httpStatus);
        }
    }
}
