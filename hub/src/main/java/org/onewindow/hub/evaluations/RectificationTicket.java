package org.onewindow.hub.evaluations;

import java.time.Instant;

/**
 * A rectification ticket (整改) a bad rating opens for a department concerned: due in working days
 * (onewindow.evaluations.rectification-within), answered by the department through its API, escalated to the
 * supervision office when it is not answered in time.
 *
 * @param status  OPEN or ANSWERED
 * @param outcome RECTIFIED (整改到位) or EXPLAINED (解释说明), once answered
 */
public record RectificationTicket(long ticketId, long evaluationId, String caseId, String department, String status,
                                  Instant openedAt, Instant dueAt, Instant answeredAt, String outcome, String answer,
                                  Instant escalatedAt) {
}
