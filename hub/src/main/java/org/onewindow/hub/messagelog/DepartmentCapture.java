package org.onewindow.hub.messagelog;

/**
 * What is known of one department call while it is under way: set when Camel sends it, filled in by CXF's
 * interceptors with the exact SOAP bytes (possibly on another thread), read when Camel has the reply.
 */
final class DepartmentCapture {

    final long startedNanos = System.nanoTime();
    final String operation;
    /** How many bytes of a body to keep: 0 unless the department's bodies are kept. */
    final int keepLimit;
    volatile Body request;
    volatile Body response;
    volatile Integer responseCode;
    /** The SOAP fault code of a fault reply (e.g. Client, Server), read from the reply's bytes. */
    volatile String faultCode;

    DepartmentCapture(String operation, int keepLimit) {
        this.operation = operation;
        this.keepLimit = keepLimit;
    }
}
