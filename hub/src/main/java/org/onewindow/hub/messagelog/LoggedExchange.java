package org.onewindow.hub.messagelog;

import java.time.Instant;

/**
 * One exchange to record: who sent what to whom, for which case and task, and how it ended.
 *
 * @param endedAt    when the answer came (or the failure to get one)
 * @param durationMs how long the exchange took
 * @param from       the party that sent the request: {@code hub}, a department code, or the authenticated
 *                   caller (OAuth2 client id, login, holder), else {@code anonymous}
 * @param to         the party that answered
 * @param department the department involved, when there is one (department calls and callbacks)
 * @param operation  e.g. {@code POST /api/v1/cases}, {@code tax:DeedTaxAssessment}, {@code POST /si-gateway/v2/...}
 * @param caseId     the case (办件) when known
 * @param taskId     the task, or for a data share the share id (which begins with the producing task's id)
 * @param status     the outcome: an HTTP status, a SOAP fault, or {@code no answer: <reason>}
 */
public record LoggedExchange(Instant endedAt, long durationMs, Channel channel, String from, String to, String department,
                             String operation, String caseId, String taskId, String status, Body request, Body response) {
}
