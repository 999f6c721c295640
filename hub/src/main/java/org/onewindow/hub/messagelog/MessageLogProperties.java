package org.onewindow.hub.messagelog;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * onewindow.message-log.* (application.yaml says why each default is what it is).
 *
 * @param enabled           false turns the log off entirely (the benchmark's comparison; never in production)
 * @param keepBodies        party (department code, caller name, e-licence-library, data-exchange) → keep its bodies
 * @param maxKeptBodyBytes  a body larger than this is hashed, not kept
 * @param queueCapacity     exchanges waiting for the writer at most
 * @param offerTimeoutMs    how long a caller waits for room in a full queue before the exchange counts as lost
 * @param flushIntervalMs   how long the writer gathers a batch after its first exchange: what a kill -9 can lose
 * @param maxBatch          exchanges per batch (one transaction) at most
 */
@ConfigurationProperties("onewindow.message-log")
record MessageLogProperties(boolean enabled, Map<String, Boolean> keepBodies, int maxKeptBodyBytes, int queueCapacity,
                            long offerTimeoutMs, long flushIntervalMs, int maxBatch, Seal seal, Signing signing,
                            TimeStamping timeStamping) {

    MessageLogProperties {
        keepBodies = keepBodies == null ? Map.of() : Map.copyOf(keepBodies);
    }

    /** A seal every {@code maxRecords} records or every {@code intervalMs}, whichever comes first. */
    record Seal(int maxRecords, long intervalMs) {
    }

    /** PEM locations (Spring resources: classpath:, file:) of the SM2 key and its certificate. */
    record Signing(String key, String certificate) {
    }

    /**
     * @param url       an external RFC 3161 authority (application/timestamp-query); empty: the local one below
     * @param timeoutMs for the external authority
     * @param local     the in-process authority's key and certificate (PEM locations)
     */
    record TimeStamping(String url, long timeoutMs, Signing local) {
    }
}
