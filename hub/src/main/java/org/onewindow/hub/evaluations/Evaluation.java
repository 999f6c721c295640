package org.onewindow.hub.evaluations;

import java.time.Instant;
import java.util.List;

/**
 * An applicant's rating of a completed case (好差评), one per case and applicant.
 *
 * @param level         1 非常不满意 … 5 非常满意
 * @param defaultRating true when no rating came in time and the default applied (channel DEFAULT)
 */
public record Evaluation(long evaluationId, String caseId, int level, String levelName, String channel, String comment,
                         List<String> tags, String givenBy, boolean defaultRating, Instant evaluatedAt,
                         List<RectificationTicket> tickets) {

    /** The national five levels (国办发〔2019〕51号). */
    static String levelName(int level) {
        return switch (level) {
            case 1 -> "非常不满意 very dissatisfied";
            case 2 -> "不满意 dissatisfied";
            case 3 -> "基本满意 fairly satisfied";
            case 4 -> "满意 satisfied";
            case 5 -> "非常满意 very satisfied";
            default -> throw new IllegalArgumentException("no level " + level);
        };
    }

    /** Levels 1 and 2 are bad ratings (差评): each opens a rectification ticket. */
    static boolean isBad(int level) {
        return level <= 2;
    }
}
