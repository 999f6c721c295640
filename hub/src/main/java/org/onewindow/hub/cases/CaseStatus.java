package org.onewindow.hub.cases;

/** Where a case (办件) stands, as the intake system sees it. */
public enum CaseStatus {
    /** stored, its first tasks queued for their departments */
    ACCEPTED,
    /** at least one department is working on it */
    IN_PROGRESS,
    /** every task completed: ready for release (出件) */
    COMPLETED,
    /** a department refused it; the reason names the department */
    REJECTED,
    /** a task was dead-lettered: an operator must look at it */
    STUCK;

    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED;
    }
}
