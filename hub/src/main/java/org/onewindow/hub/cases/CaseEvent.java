package org.onewindow.hub.cases;

import java.time.Instant;

/** One entry of a case's timeline. */
public record CaseEvent(long eventId, String caseId, String taskId, CaseEventType type, String detail, Instant occurredAt) {
}
