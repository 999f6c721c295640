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
    STUCK,
    /**
     * 终止办理: an operator discarded a dead-lettered task (the department could not take it), with the reason; the
     * case's other open tasks were cancelled. Final, like COMPLETED and REJECTED
     */
    TERMINATED;

    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED || this == TERMINATED;
    }
}
