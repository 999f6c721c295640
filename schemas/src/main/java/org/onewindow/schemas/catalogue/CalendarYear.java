package org.onewindow.schemas.catalogue;

import java.time.LocalDate;
import java.util.List;

/**
 * One year's official holiday arrangement: the days off (放假) and the weekend days worked instead
 * (调休上班), as the State Council publishes them each autumn for the next year.
 */
public record CalendarYear(int year, String source, List<Holiday> holidays, List<LocalDate> adjustedWorkdays) {

    public CalendarYear {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        adjustedWorkdays = adjustedWorkdays == null ? List.of() : List.copyOf(adjustedWorkdays);
    }

    public record Holiday(String name, String nameZh, LocalDate from, LocalDate to) {
    }
}
