package org.onewindow.hub.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeded 2026 calendar: 国务院办公厅关于2026年部分节假日安排的通知. */
class DeadlineCalendarTest {

    private final DeadlineCalendar calendar = new DeadlineCalendar(new CatalogueLoader(new ObjectMapper().registerModule(new JavaTimeModule()), CatalogueLoaderTest.OFFICE_HOURS)
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
    void aLimitInCalendarDaysEndsOnItsLastDayOrTheWorkingDayAfterIt() {
        // 日 as the Social Insurance Law counts it: the day of receipt does not count; a last day off moves to the next
        // working day (民法典 art. 203). Received Wednesday 16 September: day 15 is Thursday 1 October, National Day, so
        // Thursday 8 October; received Wednesday 9 September: day 15 is Thursday 24 September, a working day
        assertThat(calendar.calendarDaysDeadline(LocalDate.of(2026, 9, 16), 15)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.calendarDaysDeadline(LocalDate.of(2026, 9, 9), 15)).isEqualTo(LocalDate.of(2026, 9, 24));
    }

    @Test
    void fifteenCalendarDaysHoldAtFewestFiveWorkingDaysIn2026() {
        // received Wednesday 23 September: day 15 is Thursday 8 October; of the days after receipt only 24, 28, 29 and
        // 30 September and 8 October are worked (25-27 September Mid-Autumn, 1-7 October National Day): 5. No day of
        // receipt in 2026 gives fewer (the Spring Festival fortnight from Saturday 14 February gives 6)
        assertThat(calendar.fewestWorkingDays(15)).isEqualTo(5);
        // without a published calendar, Monday to Friday: two weeks and a day hold at least 11
        assertThat(new DeadlineCalendar(java.util.List.of()).fewestWorkingDays(15)).isEqualTo(11);
    }

    @Test
    void yearsWithoutAPublishedCalendarCountMondayToFriday() {
        assertThat(calendar.deadline(LocalDate.of(2027, 1, 8), 1)).isEqualTo(LocalDate.of(2027, 1, 11));
    }
}
