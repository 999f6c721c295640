package org.onewindow.hub.pauses;

import java.time.Instant;

/** A department whose sending an operator paused (maintenance window): who, when and why. */
public record DepartmentPause(String department, String pausedBy, Instant pausedAt, String reason) {
}
