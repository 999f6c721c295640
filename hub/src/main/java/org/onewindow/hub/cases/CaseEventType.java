package org.onewindow.hub.cases;

/** The events of a case's timeline. */
public enum CaseEventType {
    MATERIALS_RESOLVED, VERIFICATION_WAITING, CASE_ACCEPTED, TASK_QUEUED, TASK_SENT, TASK_ACKNOWLEDGED, TASK_COMPLETED, TASK_REJECTED, TASK_DEAD_LETTERED, TASK_CANCELLED,
    CASE_COMPLETED, CASE_REJECTED, CASE_STUCK,
    /** data a department produced was sent to a department a sharing agreement entitles */
    DATA_SHARED, DATA_DELIVERED, DATA_UNDELIVERED,
    /** the case waits for the applicant (a deferred material to bring, a correction a department asked for): its clock stops */
    APPLICANT_WAIT_STARTED,
    /** the applicant answered: the clock runs again */
    APPLICANT_WAIT_ENDED,
    /** a supervision card (红黄牌): yellow when little of a task's promised time is left, red when it is overdue */
    SUPERVISION_CARD_ISSUED,
    /** a red card escalated: urged on the department (催办), then referred to the supervision office (督办) */
    SUPERVISION_CARD_ESCALATED,
    /** the card's task finished, or a yellow card turned red: the card is cleared and kept */
    SUPERVISION_CARD_CLEARED,
    /** the applicant was invited by SMS to rate the completed case (好差评) */
    EVALUATION_INVITED,
    /** the case was rated, by its applicant, the window for them, or by default */
    EVALUATION_GIVEN,
    /** a bad rating opened a rectification ticket (整改) for a department */
    RECTIFICATION_OPENED,
    /** the department answered its rectification ticket */
    RECTIFICATION_ANSWERED,
    /** a rectification ticket not answered in time was referred to the supervision office */
    RECTIFICATION_ESCALATED,
    /** an operator replayed a dead-lettered task: it is queued again for its department with the same idempotency key */
    TASK_REPLAYED,
    /**
     * the task's message was lost (the broker lost or damaged its journal, or the hub sending it is gone and its message
     * with it): it was sent again from the database with the same idempotency key (tasks/TaskRedispatch)
     */
    TASK_RESENT,
    /** an operator gave up a dead-lettered task, with the reason (the case is terminated) */
    TASK_DISCARDED,
    /** no task of the stuck case is dead-lettered any more: it is in progress again */
    CASE_RESUMED,
    /** 终止办理: an operator terminated the case by discarding one of its tasks; the reason says why */
    CASE_TERMINATED
}
