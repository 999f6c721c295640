package org.onewindow.hub.cases;

/** Where a case (办件) stands, as the intake system sees it. */
public enum CaseStatus {
    /**
     * stored, but a system holding some of its materials (the e-licence library, a department) did not answer: it
     * is retried by itself, and the case is never accepted on unverified data nor the applicant asked for a document
     * only because a system is down
     */
    WAITING_VERIFICATION,
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
