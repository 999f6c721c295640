package org.onewindow.hub.province;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which days the daily reconciliation checks: yesterday, and after an outage every day it missed. */
class DailyReconciliationTest {

    private static final LocalDate YESTERDAY = LocalDate.of(2026, 10, 8);

    @Test
    void theFirstRunAndAnOrdinaryDayCheckYesterday() {
        assertThat(DailyReconciliation.daysToReconcile(Optional.empty(), YESTERDAY)).containsExactly(YESTERDAY);
        assertThat(DailyReconciliation.daysToReconcile(Optional.of(YESTERDAY.minusDays(1)), YESTERDAY)).containsExactly(YESTERDAY);
        // run again the same day (an operator's run already covered yesterday): yesterday once more, nothing older
        assertThat(DailyReconciliation.daysToReconcile(Optional.of(YESTERDAY), YESTERDAY)).containsExactly(YESTERDAY);
    }

    @Test
    void afterAnOutageEveryMissedDayIsCheckedOldestFirstAtMostAMonthBack() {
        // the hubs were down through the National Day holiday: last reconciled 30 September
        assertThat(DailyReconciliation.daysToReconcile(Optional.of(LocalDate.of(2026, 9, 30)), YESTERDAY)).containsExactly(
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 4),
                LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7), YESTERDAY);
        assertThat(DailyReconciliation.daysToReconcile(Optional.of(LocalDate.of(2026, 1, 1)), YESTERDAY))
                .hasSize(DailyReconciliation.CATCH_UP_DAYS).endsWith(YESTERDAY);
    }
}
