package org.onewindow.hub.console;

import java.time.Instant;
import java.util.List;

/**
 * What the console's overview shows at one moment: departments, routes, broker queues and material sources.
 *
 * @param at when it was read
 */
public record Overview(Instant at, List<DepartmentHealth> departments, List<RouteFigures> routes, List<QueueDepth> queues,
                       List<SourceHealth> sources) {

    /**
     * One department as operators watch it.
     *
     * @param state    DOWN (its circuit is open or half-open: calls fail), FAILING (calls failed in the last 5 minutes),
     *                 PAUSED (an operator paused its sending), UP
     * @param circuit  its circuit breaker's state (CLOSED, OPEN, HALF_OPEN)
     * @param waiting  tasks queued for it, not yet sent
     * @param inFlight tasks sent, no answer yet
     */
    public record DepartmentHealth(String code, String name, String nameZh, String state, String circuit, CallFigures last5,
                                   CallFigures last60, Instant lastErrorAt, String lastError, long waiting, long inFlight,
                                   long awaitingCallback, long deadLettered, boolean paused) {
    }

    /**
     * A department's calls over a span.
     *
     * @param p50Ms null without calls
     * @param p99Ms null without calls
     */
    public record CallFigures(long calls, double perMinute, Long p50Ms, Long p99Ms, double errorRate) {
    }

    /** A Camel route's figures, from Camel's own management (JMX) statistics. */
    public record RouteFigures(String id, String state, long total, long failed, long inflight, long meanMs, long maxMs) {
    }

    /** A broker queue and the messages on it (the broker's own meters). */
    public record QueueDepth(String queue, long messages, long consumers) {
    }

    /** A system materials are read from (e-licence library, data exchange) or the province's feed, by its circuit. */
    public record SourceHealth(String name, String circuit, double failureRate) {
    }
}
