package org.onewindow.adapters.kit;

import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;
import org.onewindow.schemas.tasks.TaskOutcome;

/**
 * What a SOAP department adapter writes: the operation and JAXB payload (classes generated from the
 * department's WSDL) for a task, and how the department's reply becomes an outcome. SOAP faults are
 * read by the kit ({@link SoapFaults}).
 */
public interface SoapDepartmentMapping extends DepartmentAdapter {

    SoapRequest request(TaskMessage task);

    /**
     * @param reply the reply element the operation returned
     * @throws DepartmentContractException when the reply is not what the department's contract promises
     */
    TaskOutcome outcome(TaskMessage task, Object reply);

    /**
     * Whether a fault the department's WSDL declares means "try again later" (by the code in its
     * detail, say). By default a declared fault is the department refusing the request: no retry.
     */
    default boolean isRetryable(Exception declaredFault) {
        return false;
    }

    /** The operation and payload that deliver data shared with the department, for consumers of a sharing agreement. */
    default SoapRequest shareRequest(SharedData share) {
        throw new DepartmentContractException(department() + " has no way to receive shared data " + share.dataItem());
    }

    /** Reads the department's receipt for shared data; throws when the department did not take it. */
    default void shareReceipt(SharedData share, Object reply) {
        if (reply == null) {
            throw new DepartmentContractException(department() + " gave no receipt for shared data " + share.shareId());
        }
    }

    /** Called by the soap-call template when a call fails: throws what the failure means for the task. */
    default void failed(Exception failure) throws Exception {
        SoapFaults.rethrow(department(), failure, this::isRetryable);
    }

    /** One SOAP call: the WSDL operation's name and its request element. */
    record SoapRequest(String operation, Object payload) {
    }
}
