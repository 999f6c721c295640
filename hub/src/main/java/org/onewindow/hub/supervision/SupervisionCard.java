package org.onewindow.hub.supervision;

import java.time.Instant;

/**
 * A supervision card (红黄牌预警): YELLOW when little of a task's promised time is left, RED when it is overdue. It names
 * the department, the item, the case and the time left or over; it is escalated (催办 URGED to the department, 督办
 * SUPERVISED to the supervision office) while it stays open, and cleared, never deleted, when its task finishes.
 *
 * @param minutesLeft working minutes left when it was issued; negative: overdue by that much
 */
public record SupervisionCard(long cardId, String taskId, String caseId, String department, String itemCode, Colour colour,
                              Instant deadline, long minutesLeft, Instant issuedAt, Escalation escalation, Instant urgedAt,
                              Instant supervisedAt, Instant clearedAt, String clearedBecause) {

    public enum Colour {
        /** 黄牌: less than the configured share of the promised time is left */
        YELLOW,
        /** 红牌: overdue */
        RED
    }

    public enum Escalation {
        NONE,
        /** 催办: urged on the department */
        URGED,
        /** 督办: referred to the supervision office */
        SUPERVISED
    }
}
