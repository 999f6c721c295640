package org.onewindow.hub.deadletters;

/**
 * What came of an operator's replay or discard of one task.
 *
 * @param message what was done, or why it was refused, in words for the operator
 */
public record TaskActionResult(String taskId, String caseId, Outcome outcome, String message) {

    public enum Outcome {
        /** queued again for its department with the same idempotency key */
        REPLAYED,
        /** given up: the task is DISCARDED and its case TERMINATED */
        DISCARDED,
        /** nothing changed; the message says why */
        REFUSED
    }

    public boolean done() {
        return outcome != Outcome.REFUSED;
    }
}
