package org.onewindow.adapters.kit;

import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;

/**
 * The one piece of code an HTTP department adapter (REST/JSON, HTTP/XML) must write: how a canonical
 * task becomes the department's own request, and how the department's reply becomes an outcome. Everything around
 * it (queues, retries, idempotency, dead letters) comes from the kit's route templates.
 */
public interface DepartmentMapping extends DepartmentAdapter {

    /** The department's request for this task, in its own field names and codes. */
    DepartmentRequest request(TaskMessage task);

    /**
     * Reads the department's reply. Called only for replies that are an answer: the kit's template
     * retries 5xx, 408, 425, 429 and timeouts itself, so they never reach the mapping.
     *
     * @throws DepartmentContractException when the reply is not what the department's contract promises
     */
    TaskOutcome outcome(TaskMessage task, int httpStatus, String replyBody);

    /** The department's request that delivers data shared with it. Only consumers of a sharing agreement need it. */
    default DepartmentRequest shareRequest(SharedData share) {
        throw new DepartmentContractException(department() + " has no way to receive shared data " + share.dataItem());
    }

    /**
     * Reads the department's receipt for shared data; throws when the department did not take it. By
     * default any 2xx is a receipt.
     */
    default void shareReceipt(SharedData share, int httpStatus, String replyBody) {
        if (httpStatus < 200 || httpStatus > 299) {
            throw new DepartmentContractException(department() + " refused shared data " + share.shareId() + " with HTTP " + httpStatus);
        }
    }
}
