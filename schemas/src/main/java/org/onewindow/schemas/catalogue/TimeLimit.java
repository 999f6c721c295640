package org.onewindow.schemas.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * A time limit (时限) as a regulation or the hall states it: "3 个工作日", "2 个工作小时", "十五日", or none at all.
 *
 * @param amount       how many units; 0 with working days means by closing time of the same working day (当日, 即办)
 * @param unit         what is counted
 * @param extendableBy how many more units the regulation allows with the approval it names (可以延长), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimeLimit(Integer amount, Unit unit, Integer extendableBy) {

    public TimeLimit {
        if (unit == null) {
            throw new IllegalArgumentException("a time limit needs a unit");
        }
        if (unit == Unit.NONE) {
            amount = null;
            extendableBy = null;
        } else if (amount == null || amount < 0) {
            throw new IllegalArgumentException("a time limit in " + unit.code() + " needs an amount of 0 or more");
        }
    }

    public static TimeLimit workingDays(int amount) {
        return new TimeLimit(amount, Unit.WORKING_DAYS, null);
    }

    public static TimeLimit workingHours(int amount) {
        return new TimeLimit(amount, Unit.WORKING_HOURS, null);
    }

    /** The law sets no handling limit (法律法规未规定办理时限). */
    public static TimeLimit none() {
        return new TimeLimit(null, Unit.NONE, null);
    }

    /** Counted on the hub's working calendar (working days or hours), as every promise (承诺时限) is. */
    @JsonIgnore
    public boolean isWorkingTime() {
        return unit == Unit.WORKING_DAYS || unit == Unit.WORKING_HOURS;
    }

    @JsonIgnore
    public boolean isNone() {
        return unit == Unit.NONE;
    }

    /** The amount, 0 when there is no limit. */
    public int count() {
        return amount == null ? 0 : amount;
    }

    /** "3 个工作日 (3 working days), extendable by 3", "无法定时限 (none)" */
    @Override
    public String toString() {
        if (unit == Unit.NONE) {
            return unit.nameZh() + " (" + unit.englishName() + ")";
        }
        String text = amount + " " + unit.nameZh() + " (" + amount + " " + unit.englishName(amount) + ")";
        return extendableBy == null ? text : text + ", extendable by " + extendableBy;
    }

    /** What a time limit counts. */
    public enum Unit {
        /** 工作日: days of the official calendar that are not weekends or holidays, 调休 weekends included. */
        WORKING_DAYS("working-days", "个工作日", "working days"),
        /** 工作小时: the hall's office hours on working days. */
        WORKING_HOURS("working-hours", "个工作小时", "working hours"),
        /** 日: calendar days, as a law that does not say 工作日 counts them (a last day off moves to the next working day). */
        DAYS("days", "日", "calendar days"),
        /** No law or regulation sets a handling limit for the item. */
        NONE("none", "无法定时限", "none set by law");

        private final String code;
        private final String nameZh;
        private final String englishName;

        Unit(String code, String nameZh, String englishName) {
            this.code = code;
            this.nameZh = nameZh;
            this.englishName = englishName;
        }

        @JsonValue
        public String code() {
            return code;
        }

        public String nameZh() {
            return nameZh;
        }

        public String englishName() {
            return englishName;
        }

        /** "1 working day", "3 working days" */
        public String englishName(int amount) {
            return amount == 1 && englishName.endsWith("s") ? englishName.substring(0, englishName.length() - 1) : englishName;
        }

        @JsonCreator
        public static Unit ofCode(String code) {
            return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown time limit unit " + code));
        }
    }
}
