package org.onewindow.hub.operatoractions;

import java.time.Instant;

/**
 * One thing an operator did, or tried, to stuck work or to a department: a row of the audit table operator_actions.
 *
 * @param actionId   its number (0 before it is stored)
 * @param operator   who (the operator's login)
 * @param department the department concerned (the task's, or the one paused or resumed); null if unknown
 * @param taskId     the task replayed or discarded; null for a pause or a resume
 * @param caseId     the task's case; null for a pause or a resume, or an unknown task
 * @param reason     the operator's reason, as given (required to discard and to pause)
 * @param detail     what was done, or why it was refused
 */
public record OperatorAction(long actionId, Instant actedAt, String operator, Kind action, String department, String taskId,
                             String caseId, String reason, Outcome outcome, String detail) {

    /** What the operator asked for. */
    public enum Kind {
        /** send a dead-lettered task again through the normal path */
        REPLAY,
        /** give up a dead-lettered task, terminating its case (终止办理) */
        DISCARD,
        /** stop sending to a department (maintenance window) */
        PAUSE,
        /** send to a paused department again */
        RESUME
    }

    /** Whether it was done. */
    public enum Outcome { DONE, REFUSED }

    /**
     * The operator who acts, named.
     *
     * @throws IllegalArgumentException when blank
     */
    public static String requireOperator(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("the operator who acts must be named");
        }
        return operator.strip();
    }
}
