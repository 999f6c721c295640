package org.onewindow.hub.province;

/**
 * The kinds of record the hub sends the province through the one exactly-once feed. Each case's records share one
 * sequence, whatever their kind.
 */
enum ReportKind {
    /** 受理: the case was accepted. */
    ACCEPT,
    /** 办理过程: a step of its processing (a task sent, answered, cancelled; a wait for the applicant). */
    PROCESS,
    /** 办结: the case's result (completed, or rejected). */
    RESULT,
    /** 电子监察: a supervision card (红黄牌) issued, escalated (催办, 督办) or cleared. */
    SUPERVISION,
    /** 好差评: a rating given (or the default applied), a rectification ticket (整改) opened, answered or escalated. */
    EVALUATION
}
