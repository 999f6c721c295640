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
        if (!years.contains(day.getYear()) && warnedYears.add(day.getYear())) {
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
