package org.onewindow.hub.province;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * onewindow.province.feed.*: the case report feed to the provincial platform (办件信息上报). Its circuit breaker is
 * onewindow.circuit-breaker.* overridden by onewindow.province.feed.circuit-breaker.*.
 *
 * @param enabled           false: records are still written with the events, but none is sent
 * @param baseUrl           the provincial gateway (the simulator's in the embedded default)
 * @param batchSize         records (of distinct cases) in one POST
 * @param pollIntervalMs    how often the drain looks for waiting records
 * @param maxRoundsPerPoll  batches one poll sends at most while they keep being acknowledged
 * @param leaseMs           how long a sender holds the records it is sending; a crashed sender's records go again
 *                          after it (longer than the response timeout)
 * @param connectTimeoutMs  to open a connection to the gateway
 * @param responseTimeoutMs for the province's answer
 * @param initialBackoffMs  after a failed send, the drain waits this long, doubling with each failure in a row
 * @param maxBackoffMs      up to this
 * @param reconciliation    the daily reconciliation (对账)
 */
@ConfigurationProperties("onewindow.province.feed")
record ProvinceFeedProperties(boolean enabled, String baseUrl, int batchSize, long pollIntervalMs, int maxRoundsPerPoll,
                              long leaseMs, long connectTimeoutMs, long responseTimeoutMs, long initialBackoffMs,
                              long maxBackoffMs, Reconciliation reconciliation) {

    ProvinceFeedProperties {
        if (batchSize < 1 || leaseMs <= responseTimeoutMs) {
            throw new IllegalArgumentException("onewindow.province.feed: batch-size must be at least 1 and lease-ms ("
                    + leaseMs + ") longer than response-timeout-ms (" + responseTimeoutMs + ")");
        }
    }

    /**
     * @param enabled   false: no daily run (one can still be started through the API)
     * @param dailyAt   the local time (time-zone) the previous day is reconciled, HH:mm
     * @param timeZone  whose calendar day a record belongs to
     */
    record Reconciliation(boolean enabled, String dailyAt, String timeZone) {
    }
}
