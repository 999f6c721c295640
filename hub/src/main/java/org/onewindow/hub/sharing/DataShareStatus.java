package org.onewindow.hub.sharing;

/** Where one delivery of shared data stands. */
public enum DataShareStatus {
    /** on the consumer's queue */
    QUEUED,
    /** the consumer's system took it */
    DELIVERED,
    /** the consumer has no connected adapter that receives shared data */
    UNDELIVERABLE,
    /** retries ran out or the consumer refused it; the reason says which */
    DEAD_LETTERED
}
