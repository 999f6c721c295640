package org.onewindow.adapters.kit;

/**
 * The department answered that it could not process the request now (a SOAP server fault, no answer in
 * time). The task is retried a few times, then dead-lettered with this message.
 */
public class DepartmentFaultException extends RuntimeException {
    public DepartmentFaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
