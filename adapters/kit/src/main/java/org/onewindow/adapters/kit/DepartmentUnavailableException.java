package org.onewindow.adapters.kit;

/**
 * The department could not answer now (5xx, overload, timeout). The task is retried with backoff and
 * dead-lettered when the retries run out.
 */
public class DepartmentUnavailableException extends RuntimeException {
    public DepartmentUnavailableException(String message) {
        super(message);
    }
}
