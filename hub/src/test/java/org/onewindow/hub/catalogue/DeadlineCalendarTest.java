package org.onewindow.hub.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeded 2026 calendar: 国务院办公厅关于2026年部分节假日安排的通知. */
class DeadlineCalendarTest {

    private final DeadlineCalendar calendar = new DeadlineCalendar(new CatalogueLoader(new ObjectMapper().registerModule(new JavaTimeModule()))
            .load("classpath*:seeds/catalogue/*.yaml", "classpath:contracts/catalogue.schema.json").catalogue().calendar());

    @Test
    void holidaysAreDaysOffEvenOnWeekdays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();   // National Day, Thursday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();   // Spring Festival, Monday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 19))).isFalse();   // Dragon Boat, Friday
    }

    @Test
    void adjustedWeekendsAreWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();    // Saturday 调休上班
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();    // Sunday 调休上班
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 21))).isFalse();   // an ordinary Saturday in the holiday
    }

    @Test
    void deadlineSkipsTheGoldenWeek() {
        // received Wednesday 30 September: 1-7 October off, Saturday 10 October worked
        assertThat(calendar.deadline(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.deadline(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.deadline(LocalDate.of(2026, 9, 30), 0)).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void yearsWithoutAPublishedCalendarCountMondayToFriday() {
        assertThat(calendar.deadline(LocalDate.of(2027, 1, 8), 1)).isEqualTo(LocalDate.of(2027, 1, 11));
    }
}
