package org.onewindow.hub.deadletters;

import java.time.Instant;

/**
 * A dead-lettered task (部门办理环节 whose sending failed for good) as an operator sees it.
 *
 * @param department     the task's department (for a department reached through another, its own code)
 * @param reason         why it was dead-lettered (retries ran out, unreachable too long, a broken reply, no callback)
 * @param deadLetteredAt when
 * @param retries        how often the call was retried before, when the parked message says so; else null
 * @param failedExchange the task message as it failed (the parked message's body, JSON); null when nothing was parked
 *                       (a task whose department never called back was accepted, not failed)
 */
public record DeadLetter(String taskId, String caseId, String department, String itemCode, String reason, Instant deadLetteredAt,
                         Integer retries, String failedExchange) {
}
