package org.onewindow.hub.statistics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/**
 * The periods the statistics are counted in: a calendar day, an ISO week (Monday to Sunday), a 旬 (days 1–10, 11–20
 * and 21 to the end of the month) and a calendar month, all as dates in the hall's time zone. A period is calendar
 * time (a week holding the National Day holiday is still seven days); the figures within it use working time.
 */
enum Period {
    DAY("day", "日"),
    WEEK("week", "周"),
    XUN("xun", "旬"),
    MONTH("month", "月");

    private final String key;
    private final String zh;

    Period(String key, String zh) {
        this.key = key;
        this.zh = zh;
    }

    String key() {
        return key;
    }

    String zh() {
        return zh;
    }

    static Optional<Period> of(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equalsIgnoreCase(key.trim()) || p.zh.equals(key.trim())).findFirst();
    }

    /** The first day of the period holding {@code day}. */
    LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case XUN -> day.withDayOfMonth(day.getDayOfMonth() <= 10 ? 1 : day.getDayOfMonth() <= 20 ? 11 : 21);
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The last day of the period holding {@code day}. */
    LocalDate end(LocalDate day) {
        LocalDate start = start(day);
        return switch (this) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case XUN -> start.getDayOfMonth() == 21 ? start.with(TemporalAdjusters.lastDayOfMonth()) : start.plusDays(9);
            case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    /** "2026-05-06", "2026-W19" (ISO week-based year), "2026-05上旬" / "中旬" / "下旬", "2026-05". */
    String label(LocalDate day) {
        LocalDate start = start(day);
        return switch (this) {
            case DAY -> start.toString();
            case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case XUN -> String.format("%d-%02d%s", start.getYear(), start.getMonthValue(),
                    start.getDayOfMonth() == 1 ? "上旬" : start.getDayOfMonth() == 11 ? "中旬" : "下旬");
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
        };
    }
}
