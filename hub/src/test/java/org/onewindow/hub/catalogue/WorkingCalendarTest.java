package org.onewindow.hub.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.onewindow.schemas.catalogue.TimeLimit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working time on the seeded 2026 calendar, office hours 09:00-12:00 and 13:30-17:30 (7 hours a day), Beijing time. */
class WorkingCalendarTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final WorkingCalendar calendar = new WorkingCalendar(
            new DeadlineCalendar(new CatalogueLoader(new ObjectMapper().registerModule(new JavaTimeModule()), CatalogueLoaderTest.OFFICE_HOURS)
                    .load("classpath*:seeds/catalogue/*.yaml", "classpath:contracts/catalogue.schema.json").catalogue().calendar()),
            List.of(WorkingCalendar.Session.parse("09:00-12:00"), WorkingCalendar.Session.parse("13:30-17:30")), BEIJING);

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    @Test
    void threePromisedWorkingDaysFromTheEveOfNationalDayEndAfterTheHolidayOnTheAdjustedSaturday() {
        // worked out by hand: accepted Wednesday 30 September 2026 (the day itself does not count); 1-7 October are the
        // National Day holiday; Thursday 8 October is day 1, Friday 9 October day 2, Saturday 10 October (调休上班) day 3;
        // the office closes at 17:30
        assertThat(calendar.deadline(at("2026-09-30T10:15:00"), 3)).isEqualTo(at("2026-10-10T17:30:00"));
        // an immediate item (即办件) ends the day it is accepted; accepted on a day off, the next working day
        assertThat(calendar.deadline(at("2026-09-30T10:15:00"), 0)).isEqualTo(at("2026-09-30T17:30:00"));
        assertThat(calendar.deadline(at("2026-10-03T10:00:00"), 0)).isEqualTo(at("2026-10-08T17:30:00"));
    }

    @Test
    void workingHoursRunOnlyWhileTheOfficeIsOpen() {
        // Wednesday 11:00 + 8 working hours: 1 h to noon, 4 h in the afternoon, then Thursday 09:00 + 3 h = 12:00
        assertThat(calendar.plus(at("2026-12-02T11:00:00"), WorkingDuration.parse("8 working hours")))
                .isEqualTo(at("2026-12-03T12:00:00"));
        // Friday 16:30 + 2 working hours: 1 h on Friday, then Monday 09:00 + 1 h
        assertThat(calendar.plus(at("2026-12-04T16:30:00"), WorkingDuration.parse("2 working hours")))
                .isEqualTo(at("2026-12-07T10:00:00"));
        // started in the lunch break: counting begins at 13:30
        assertThat(calendar.plus(at("2026-12-02T12:40:00"), WorkingDuration.parse("30 working minutes")))
                .isEqualTo(at("2026-12-02T14:00:00"));
    }

    @Test
    void aWorkingDayOfWaitingIsOneDaysOfficeHoursAndSkipsTheHoliday() {
        // a callback due within 2 working days (2 x 7 h) of Wednesday 30 September 15:00: 2.5 h that day, none in the
        // holiday, 7 h on Thursday 8 October, and the last 4.5 h on Friday 9 October: 09:00-12:00, then 1.5 h from 13:30
        assertThat(calendar.plus(at("2026-09-30T15:00:00"), WorkingDuration.parse("2 working days")))
                .isEqualTo(at("2026-10-09T15:00:00"));
        assertThat(calendar.minutesPerDay()).isEqualTo(420);
    }

    @Test
    void minusFindsTheLatestStartOfAWaitThatHasRunOut() {
        Instant now = at("2026-10-09T15:00:00");
        assertThat(calendar.minus(now, WorkingDuration.parse("2 working days"))).isEqualTo(at("2026-09-30T15:00:00"));
        assertThat(calendar.minus(at("2026-12-07T10:00:00"), WorkingDuration.parse("2 working hours")))
                .isEqualTo(at("2026-12-04T16:30:00"));
    }

    @Test
    void workingTimeBetweenTwoMomentsCountsOnlyOfficeHours() {
        // Friday 16:00 to Monday 10:00: 1.5 h + 1 h
        assertThat(calendar.workingMinutesBetween(at("2026-12-04T16:00:00"), at("2026-12-07T10:00:00"))).isEqualTo(150);
        assertThat(calendar.workingMinutesBetween(at("2026-12-07T10:00:00"), at("2026-12-04T16:00:00"))).isEqualTo(-150);
        // from closing time on 30 September to opening on 8 October: the holiday has no working time
        assertThat(calendar.workingMinutesBetween(at("2026-09-30T17:30:00"), at("2026-10-08T09:00:00"))).isZero();
        // fractions of a second in different stretches add up before the total is cut to whole minutes
        assertThat(calendar.workingMinutesBetween(at("2026-09-30T10:00:00.300"), at("2026-10-08T10:00:00.400"))).isEqualTo(420);
        assertThat(calendar.isOpen(at("2026-10-10T10:00:00"))).isTrue();
        assertThat(calendar.isOpen(at("2026-10-11T10:00:00"))).isFalse();
        assertThat(calendar.isOpen(at("2026-12-07T12:30:00"))).isFalse();
    }

    @Test
    void elapsedTimeLimitsAreForTechnicalWaitsOnly() {
        assertThat(calendar.plus(at("2026-10-03T10:00:00"), WorkingDuration.parse("2m"))).isEqualTo(at("2026-10-03T10:02:00"));
        assertThatThrownBy(() -> WorkingDuration.parse("two days")).hasMessageContaining("working days");
        assertThatThrownBy(() -> WorkingCalendar.Session.parse("12:00-09:00")).hasMessageContaining("end before");
    }

    @Test
    void aPromiseOfTwoWorkingHoursFromLateAfternoonEndsTheNextWorkingMorning() {
        // accepted Wednesday 30 September 16:30: one hour to closing, then the National Day holiday, then Thursday
        // 8 October 09:00 + 1 h; promised in working days it is the closing time of the n-th working day as before
        assertThat(calendar.deadline(at("2026-09-30T16:30:00"), TimeLimit.workingHours(2))).isEqualTo(at("2026-10-08T10:00:00"));
        assertThat(calendar.deadline(at("2026-09-30T10:00:00"), TimeLimit.workingHours(2))).isEqualTo(at("2026-09-30T12:00:00"));
        assertThat(calendar.deadline(at("2026-09-30T10:15:00"), TimeLimit.workingDays(3))).isEqualTo(at("2026-10-10T17:30:00"));
    }

    @Test
    void limitsAreComparedInWorkingMinutesAndShownInWholeDaysToOlderReaders() {
        assertThat(calendar.limitMinutes(TimeLimit.workingDays(3))).isEqualTo(OptionalLong.of(3 * 420));
        assertThat(calendar.limitMinutes(TimeLimit.workingHours(2))).isEqualTo(OptionalLong.of(120));
        // 15 calendar days hold at fewest 5 working days on the 2026 calendar (DeadlineCalendarTest)
        assertThat(calendar.limitMinutes(new TimeLimit(15, TimeLimit.Unit.DAYS, null))).isEqualTo(OptionalLong.of(5 * 420));
        assertThat(calendar.limitMinutes(TimeLimit.none())).isEmpty();
        // 2 working hours reach into at most 1 working day, 8 into 2 (a day is 7 office hours)
        assertThat(calendar.wholeWorkingDays(TimeLimit.workingHours(2))).isEqualTo(1);
        assertThat(calendar.wholeWorkingDays(TimeLimit.workingHours(8))).isEqualTo(2);
        assertThat(calendar.wholeWorkingDays(TimeLimit.workingDays(0))).isZero();
        assertThat(calendar.wholeWorkingDays(new TimeLimit(15, TimeLimit.Unit.DAYS, null))).isEqualTo(5);
        assertThat(calendar.wholeWorkingDays(TimeLimit.none())).isNull();
    }
}
