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

/**
 * The daily reconciliation (对账) as a db-scheduler recurring task: at onewindow.province.feed.reconciliation.daily-at
 * (province's time zone) the previous day is reconciled, by one hub of a cluster; a run missed while every hub was down
 * runs once at the next start (for the day before that start).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "onewindow.province.feed.reconciliation.enabled", havingValue = "true")
class DailyReconciliation {

    static final String TASK = "case-report-reconciliation";

    @Bean
    RecurringTask<Void> caseReportReconciliation(Reconciler reconciler, ProvinceFeedProperties properties, Clock clock) {
        ZoneId zone = ZoneId.of(properties.reconciliation().timeZone());
        return Tasks.recurring(TASK, Schedules.daily(zone, LocalTime.parse(properties.reconciliation().dailyAt())))
                .execute((instance, context) -> reconciler.reconcile(LocalDate.now(clock.withZone(zone)).minusDays(1)));
    }
}
