package org.onewindow.adapters.kit;

/**
 * The department answered something its contract does not allow (malformed body, missing field,
 * unknown code, unexpected 4xx). Retrying would give the same answer, so the task is dead-lettered at
 * once with this message as the reason.
 */
public class DepartmentContractException extends RuntimeException {
    public DepartmentContractException(String message) {
        super(message);
    }

    public DepartmentContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
