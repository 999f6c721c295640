package org.onewindow.hub.messagelog;

/** Which of the hub's borders an exchange crossed. */
public enum Channel {
    /** A request to the hub's /api/** (intake system, counters, holders, auditors) and its answer. */
    INTAKE,
    /** A department's callback to POST /api/v1/departments/{department}/callbacks/{taskId} and the hub's answer. */
    CALLBACK,
    /** A request of the hub to a department's system (HTTP or SOAP), a task or a data share, and the reply. */
    DEPARTMENT,
    /** A read of the provincial e-licence library (电子证照库). */
    LICENCE_LIBRARY,
    /** A query of the provincial data-sharing exchange (数据共享交换平台). */
    DATA_EXCHANGE,
    /** A batch of the provincial case report feed (办件信息上报) or a reconciliation summary, and the province's answer. */
    CASE_REPORT,
    /** Written by the log itself: records it could not keep (its queue was full), never silently. */
    MESSAGE_LOG
}
