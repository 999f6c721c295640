package org.onewindow.hub.cases;

import java.time.Instant;

/**
 * Who may send a task now: its status, and while SENT the hub instance sending it ({@code heldBy}, null when none).
 *
 * @param updatedAt when the task last changed (queued, sent, or sent again)
 */
public record TaskHold(String taskId, TaskStatus status, String heldBy, Instant updatedAt) {
}
