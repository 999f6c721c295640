package org.onewindow.hub.statistics;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** Each figure of a {@link StatsRow}: its name in the API and in the CSV heading, and how it is shown. */
enum Figure {
    ACCEPTED("accepted", "受理数", "Accepted", Kind.COUNT, StatsRow::accepted),
    COMPLETED("completed", "办结数", "Completed", Kind.COUNT, StatsRow::completed),
    EARLY("early", "提前办结", "Completed early", Kind.COUNT, StatsRow::early),
    ON_TIME("onTime", "按时办结", "Completed on time", Kind.COUNT, StatsRow::onTime),
    OVERDUE("overdue", "超期办结", "Completed overdue", Kind.COUNT, StatsRow::overdue),
    ON_TIME_RATE("onTimeRate", "按期办结率", "Completed by the deadline", Kind.RATIO, StatsRow::onTimeRate),
    AVG_HANDLING_DAYS("avgHandlingDays", "平均办理时长(工作日)", "Average handling time (working days)", Kind.DAYS, StatsRow::avgHandlingDays),
    LEGAL_SPEED_UP("legalSpeedUp", "法定提速率", "Speed-up against the legal limit", Kind.RATIO, StatsRow::legalSpeedUp),
    PROMISE_COMPRESSION("promiseCompression", "承诺压缩比", "Promised limit compression", Kind.RATIO, StatsRow::promiseCompression),
    YELLOW_CARDS("yellowCards", "黄牌数", "Yellow cards", Kind.COUNT, StatsRow::yellowCards),
    RED_CARDS("redCards", "红牌数", "Red cards", Kind.COUNT, StatsRow::redCards),
    MATERIALS("materials", "材料数", "Materials", Kind.COUNT, StatsRow::materials),
    EXEMPT_MATERIALS("exemptMaterials", "免提交材料数", "Exempt materials", Kind.COUNT, StatsRow::exemptMaterials),
    EXEMPTION_RATIO("exemptionRatio", "免提交率", "Exemption ratio", Kind.RATIO, StatsRow::exemptionRatio),
    EVALUATIONS("evaluations", "评价数", "Evaluations", Kind.COUNT, StatsRow::evaluations),
    COMPLETED_CASES("completedCases", "办结办件数", "Completed cases", Kind.COUNT, StatsRow::completedCases),
    ACTIVELY_RATED_CASES("activelyRatedCases", "主动评价办件数", "Actively rated cases", Kind.COUNT, StatsRow::activelyRatedCases),
    ACTIVE_RATE("activeRate", "主动评价率", "Active-rating rate", Kind.RATIO, StatsRow::activeRate),
    SATISFIED("satisfied", "满意评价数", "Satisfied evaluations", Kind.COUNT, StatsRow::satisfied),
    SATISFACTION_RATE("satisfactionRate", "满意率", "Satisfaction rate", Kind.RATIO, StatsRow::satisfactionRate),
    BAD_EVALUATIONS("badEvaluations", "差评数", "Bad evaluations", Kind.COUNT, StatsRow::badEvaluations),
    BAD_RECTIFIED("badRectified", "差评有效处置数", "Bad evaluations rectified", Kind.COUNT, StatsRow::badRectified),
    RECTIFIED_RATE("rectifiedRate", "差评有效处置率", "Bad ratings rectified in time", Kind.RATIO, StatsRow::rectifiedRate);

    /** COUNT: a whole number; RATIO: 0..1 in JSON, a percentage with 1 decimal in CSV and charts; DAYS: 2 decimals. */
    enum Kind { COUNT, RATIO, DAYS }

    private final String key;
    private final String zh;
    private final String en;
    private final Kind kind;
    private final Function<StatsRow, Object> value;

    Figure(String key, String zh, String en, Kind kind, Function<StatsRow, Object> value) {
        this.key = key;
        this.zh = zh;
        this.en = en;
        this.kind = kind;
        this.value = value;
    }

    String key() {
        return key;
    }

    String zh() {
        return zh;
    }

    String en() {
        return en;
    }

    Kind kind() {
        return kind;
    }

    /** The CSV heading: Chinese, then the JSON name (a ratio's with "(%)"). */
    String heading() {
        return zh + (kind == Kind.RATIO ? "(%)" : "") + " " + key + (kind == Kind.RATIO ? "(%)" : "");
    }

    /** The value as JSON shows it: a Long, a BigDecimal, or null. */
    Object of(StatsRow row) {
        return value.apply(row);
    }

    /** The value as CSV and charts show it (a ratio as a percentage with 1 decimal), or null. */
    java.math.BigDecimal shown(StatsRow row) {
        Object v = of(row);
        if (v == null) {
            return null;
        }
        if (v instanceof Long n) {
            return java.math.BigDecimal.valueOf(n);
        }
        java.math.BigDecimal d = (java.math.BigDecimal) v;
        return kind == Kind.RATIO ? d.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) : d;
    }

    static Optional<Figure> of(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
