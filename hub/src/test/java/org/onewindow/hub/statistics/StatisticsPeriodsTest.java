package org.onewindow.hub.statistics;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The period arithmetic of the statistics: ISO weeks, 旬 and months, cut to a query's range. No Spring. */
class StatisticsPeriodsTest {

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    @Test
    void aWeekRunsMondayToSundayAcrossAMonthAndTheNationalDayHoliday() {
        // Thursday 1 October 2026 (国庆节 1–7 October) lies in ISO week 40: Monday 28 September to Sunday 4 October
        assertThat(Period.WEEK.start(d("2026-10-01"))).isEqualTo(d("2026-09-28"));
        assertThat(Period.WEEK.end(d("2026-10-01"))).isEqualTo(d("2026-10-04"));
        assertThat(Period.WEEK.label(d("2026-10-01"))).isEqualTo("2026-W40");
        // a Sunday belongs to the week before it; Saturday 10 October (调休) to week 41
        assertThat(Period.WEEK.start(d("2026-10-04"))).isEqualTo(d("2026-09-28"));
        assertThat(Period.WEEK.label(d("2026-10-10"))).isEqualTo("2026-W41");
        // the ISO week-based year: Thursday 1 January 2026 is in 2026-W01, which began on Monday 29 December 2025
        assertThat(Period.WEEK.label(d("2025-12-29"))).isEqualTo("2026-W01");
        assertThat(Period.WEEK.label(d("2027-01-03"))).isEqualTo("2026-W53");
    }

    @Test
    void aXunIsDaysOneToTenElevenToTwentyAndTwentyOneToTheEndOfTheMonth() {
        assertThat(Period.XUN.start(d("2026-05-10"))).isEqualTo(d("2026-05-01"));
        assertThat(Period.XUN.end(d("2026-05-10"))).isEqualTo(d("2026-05-10"));
        assertThat(Period.XUN.start(d("2026-05-11"))).isEqualTo(d("2026-05-11"));
        assertThat(Period.XUN.end(d("2026-05-15"))).isEqualTo(d("2026-05-20"));
        assertThat(Period.XUN.label(d("2026-05-15"))).isEqualTo("2026-05中旬");
        // the last 旬 has 11, 10, 9 or 8 days
        assertThat(Period.XUN.end(d("2026-05-21"))).isEqualTo(d("2026-05-31"));
        assertThat(Period.XUN.end(d("2026-02-25"))).isEqualTo(d("2026-02-28"));
        assertThat(Period.XUN.end(d("2028-02-21"))).isEqualTo(d("2028-02-29"));
        assertThat(Period.XUN.label(d("2026-02-28"))).isEqualTo("2026-02下旬");
    }

    @Test
    void aMonthRunsFromItsFirstToItsLastDay() {
        assertThat(Period.MONTH.start(d("2026-04-30"))).isEqualTo(d("2026-04-01"));
        assertThat(Period.MONTH.end(d("2026-04-01"))).isEqualTo(d("2026-04-30"));
        assertThat(Period.MONTH.label(d("2026-12-31"))).isEqualTo("2026-12");
    }

    @Test
    void theRangeIsCutIntoPeriodsAndTheFirstAndLastMayBePartial() {
        // Wednesday 30 September to Saturday 10 October: 3 weeks, the first from Wednesday, the last to Saturday
        Periods weeks = new Periods(Period.WEEK, d("2026-09-30"), d("2026-10-10"));
        assertThat(weeks.slots()).extracting(Periods.Slot::label).containsExactly("2026-W40", "2026-W41");
        assertThat(weeks.slots().get(0).from()).isEqualTo(d("2026-09-30"));
        assertThat(weeks.slots().get(0).to()).isEqualTo(d("2026-10-04"));
        assertThat(weeks.slots().get(1).from()).isEqualTo(d("2026-10-05"));
        assertThat(weeks.slots().get(1).to()).isEqualTo(d("2026-10-10"));
        assertThat(weeks.indexOf(d("2026-10-01"))).isZero();
        assertThat(weeks.indexOf(d("2026-10-05"))).isEqualTo(1);
        assertThat(weeks.indexOf(d("2026-09-29"))).isEqualTo(-1);
        assertThat(weeks.indexOf(d("2026-10-11"))).isEqualTo(-1);

        Periods xun = new Periods(Period.XUN, d("2026-04-27"), d("2026-05-10"));
        assertThat(xun.slots()).extracting(Periods.Slot::label).containsExactly("2026-04下旬", "2026-05上旬");
        assertThat(xun.slots().get(0).from()).isEqualTo(d("2026-04-27"));
        assertThat(xun.slots().get(0).to()).isEqualTo(d("2026-04-30"));

        Periods days = new Periods(Period.DAY, d("2026-04-27"), d("2026-05-10"));
        assertThat(days.slots()).hasSize(14);
        assertThat(days.indexOf(d("2026-05-10"))).isEqualTo(13);

        Periods months = new Periods(Period.MONTH, d("2026-01-15"), d("2026-12-31"));
        assertThat(months.slots()).extracting(Periods.Slot::label).hasSize(12).startsWith("2026-01").endsWith("2026-12");
        assertThat(Periods.whole(d("2026-04-27"), d("2026-05-10")).slots()).extracting(Periods.Slot::label)
                .isEqualTo(List.of("2026-04-27/2026-05-10"));
    }

    @Test
    void periodsAreNamedInEnglishOrChinese() {
        assertThat(Period.of("week")).contains(Period.WEEK);
        assertThat(Period.of("旬")).contains(Period.XUN);
        assertThat(Period.of("XUN")).contains(Period.XUN);
        assertThat(Period.of("fortnight")).isEmpty();
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertThat(CsvWriter.field("税务局")).isEqualTo("税务局");
        assertThat(CsvWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.field(null)).isEmpty();
        assertThat(new String(new CsvWriter().row(List.of("x", 1)).bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFx,1\r\n");
    }
}
