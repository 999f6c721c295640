package org.onewindow.adapters.kit;

import org.onewindow.schemas.tasks.TaskOutcome;

import java.util.Map;

/**
 * The decision most departments' replies carry: a result code that means "done", or any other code,
 * a refusal with the department's message. The adapter reads the code, message, reference and results
 * out of its dialect; this turns them into the hub's outcome the same way for every department.
 */
public final class ResultCodes {

    private ResultCodes() {
    }

    /**
     * @throws DepartmentContractException when the reply gives no code or, for a refusal, no message
     */
    public static TaskOutcome decide(String department, String code, String doneCode, String message, String departmentRef,
                                     Map<String, String> results) {
        if (code == null || code.isBlank()) {
            throw new DepartmentContractException(department + " reply lacks its result code");
        }
        if (doneCode.equals(code)) {
            return TaskOutcome.completed(departmentRef, results);
        }
        if (message == null || message.isBlank()) {
            throw new DepartmentContractException(department + " refused with code " + code + " but gave no reason");
        }
        return TaskOutcome.rejected(departmentRef, "[" + code + "] " + message);
    }
}
