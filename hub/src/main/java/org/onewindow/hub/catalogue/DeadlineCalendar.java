package org.onewindow.hub.catalogue;

import org.onewindow.schemas.catalogue.CalendarYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts working days (工作日) by the official calendar: weekends off unless they are adjusted working
 * days (调休上班), holidays off even on weekdays. A year the catalogue has no calendar for counts
 * Monday to Friday, and says so once in the log, because its holidays are not published yet.
 */
public final class DeadlineCalendar {

    private static final Logger log = LoggerFactory.getLogger(DeadlineCalendar.class);

    private final Set<Integer> years = new HashSet<>();
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> adjustedWorkdays = new HashSet<>();
    private final Set<Integer> warnedYears = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Map<Integer, Integer> fewest = new java.util.concurrent.ConcurrentHashMap<>();

    public DeadlineCalendar(List<CalendarYear> calendar) {
        for (CalendarYear year : calendar) {
            years.add(year.year());
            adjustedWorkdays.addAll(year.adjustedWorkdays());
            for (CalendarYear.Holiday holiday : year.holidays()) {
                holiday.from().datesUntil(holiday.to().plusDays(1)).forEach(holidays::add);
            }
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        if (!knows(day) && warnedYears.add(day.getYear())) {
            log.warn("No official calendar for {} in the catalogue: counting Monday to Friday as working days", day.getYear());
        }
        if (holidays.contains(day)) {
            return false;
        }
        if (adjustedWorkdays.contains(day)) {
            return true;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Whether the catalogue has the official calendar of the day's year. */
    public boolean knows(LocalDate day) {
        return years.contains(day.getYear());
    }

    /**
     * The day a time limit of {@code days} calendar days (日, as a law that does not say 工作日 counts) ends when the
     * application arrives on {@code received}: the day of receipt does not count, and a last day that is a day off
     * moves to the next working day (民法典 art. 201, 203: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
     */
    public LocalDate calendarDaysDeadline(LocalDate received, int days) {
        LocalDate day = received.plusDays(days);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The fewest working days a limit of {@code days} calendar days can hold, over every day of receipt in the years the
     * catalogue has a calendar for (a long holiday makes it smallest), each counted as {@link #calendarDaysDeadline}
     * counts; Monday to Friday when it has none.
     * A promise must fit in it whenever the application arrives, so this is what a limit in calendar days counts as
     * wherever the hub compares it with working time.
     */
    public int fewestWorkingDays(int days) {
        return fewest.computeIfAbsent(days, this::scanFewestWorkingDays);
    }

    private int scanFewestWorkingDays(int days) {
        if (years.isEmpty()) {
            int fewestInAWeek = Integer.MAX_VALUE;
            for (int start = 0; start < 7; start++) {
                LocalDate received = LocalDate.of(2024, 1, 1).plusDays(start); // a Monday, then each day of the week
                int count = 0;
                LocalDate last = received.plusDays(days);
                while (isWeekend(last)) {
                    last = last.plusDays(1);
                }
                for (LocalDate day = received.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
                    count += isWeekend(day) ? 0 : 1;
                }
                fewestInAWeek = Math.min(fewestInAWeek, count);
            }
            return fewestInAWeek;
        }
        int fewestSoFar = Integer.MAX_VALUE;
        for (int year : years) {
            for (LocalDate received = LocalDate.of(year, 1, 1); received.getYear() == year; received = received.plusDays(1)) {
                LocalDate last = received.plusDays(days);
                while (knows(last) && !isWorkingDay(last)) {
                    last = last.plusDays(1);
                }
                if (!knows(last)) {
                    break; // the rest of the year reaches into a year without a calendar
                }
                int count = 0;
                for (LocalDate day = received.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
                    count += isWorkingDay(day) ? 1 : 0;
                }
                fewestSoFar = Math.min(fewestSoFar, count);
            }
        }
        return fewestSoFar == Integer.MAX_VALUE ? scanWithoutCalendar(days) : fewestSoFar;
    }

    private int scanWithoutCalendar(int days) {
        return new DeadlineCalendar(List.of()).fewestWorkingDays(days);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /**
     * The day a time limit of {@code workingDays} ends when the application arrives on {@code received}:
     * counting starts the next working day (the day of receipt does not count); 0 means the same day.
     */
    public LocalDate deadline(LocalDate received, int workingDays) {
        LocalDate day = received;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
