package org.onewindow.hub.cases;

import java.util.Set;

/** Where one department's part of a case stands. */
public enum TaskStatus {
    /** its bundle step waits for the steps it depends on */
    WAITING,
    /** on the department's queue */
    QUEUED,
    /** the department's adapter has sent it; no decision yet */
    SENT,
    /** the department took it and will call back with its decision */
    AWAITING_CALLBACK,
    COMPLETED,
    REJECTED,
    /** retries ran out or the department's reply broke its contract; the reason says which */
    DEAD_LETTERED,
    /** not sent, because another department rejected the case, or an operator terminated it */
    CANCELLED,
    /** dead-lettered, then given up by an operator, with the reason; its case is TERMINATED */
    DISCARDED;

    /** The states a department's decision may still change. */
    public static final Set<TaskStatus> OPEN = Set.of(QUEUED, SENT, AWAITING_CALLBACK);
}
