package org.onewindow.hub.province;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The daily reconciliation (对账) as a db-scheduler recurring task: at onewindow.province.feed.reconciliation.daily-at
 * (province's time zone) the previous day is reconciled, by one hub of a cluster; a run missed while every hub was down
 * runs once at the next start, and every day since the last one reconciled (at most {@value #CATCH_UP_DAYS}) is
 * reconciled then, oldest first, so that no day goes unchecked after an outage.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "onewindow.province.feed.reconciliation.enabled", havingValue = "true")
class DailyReconciliation {

    static final String TASK = "case-report-reconciliation";
    /** How far back a catch-up after an outage reaches. */
    static final int CATCH_UP_DAYS = 31;

    @Bean
    RecurringTask<Void> caseReportReconciliation(Reconciler reconciler, CaseReportStore store, ProvinceFeedProperties properties,
                                                 Clock clock) {
        ZoneId zone = ZoneId.of(properties.reconciliation().timeZone());
        return Tasks.recurring(TASK, Schedules.daily(zone, LocalTime.parse(properties.reconciliation().dailyAt())))
                .execute((instance, context) -> daysToReconcile(store.lastReconciledDay(),
                        LocalDate.now(clock.withZone(zone)).minusDays(1)).forEach(reconciler::reconcile));
    }

    /** The days from the one after the last reconciled (or yesterday, the first time) to yesterday, at most CATCH_UP_DAYS. */
    static List<LocalDate> daysToReconcile(Optional<LocalDate> lastReconciled, LocalDate yesterday) {
        LocalDate first = lastReconciled.map(day -> day.plusDays(1)).orElse(yesterday);
        if (first.isBefore(yesterday.minusDays(CATCH_UP_DAYS - 1))) {
            first = yesterday.minusDays(CATCH_UP_DAYS - 1);
        }
        return first.isAfter(yesterday) ? List.of(yesterday) : first.datesUntil(yesterday.plusDays(1)).toList();
    }
}
