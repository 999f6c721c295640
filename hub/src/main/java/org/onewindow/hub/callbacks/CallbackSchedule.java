package org.onewindow.hub.callbacks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.onewindow.hub.catalogue.WorkingDuration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The status queries and the callback deadline as db-scheduler recurring tasks (the hub's one scheduler, table
 * scheduled_tasks): one hub of a cluster runs each round, every onewindow.tasks.callback-check-every. Both work from the
 * stored tasks, so the first round after a restart catches up whatever fell due while the hub was down.
 */
@Configuration(proxyBeanMethods = false)
class CallbackSchedule {

    static final String STATUS_QUERIES = "callback-status-queries";
    static final String DEADLINE = "callback-deadline";

    @Bean
    RecurringTask<Void> callbackStatusQueriesTask(CallbackStatusQueries queries, @Value("${onewindow.tasks.callback-check-every}") String every) {
        return Tasks.recurring(STATUS_QUERIES, Schedules.fixedDelay(elapsed(every))).execute((instance, context) -> queries.round());
    }

    @Bean
    RecurringTask<Void> callbackDeadlineTask(CallbackDeadline deadline, @Value("${onewindow.tasks.callback-check-every}") String every) {
        return Tasks.recurring(DEADLINE, Schedules.fixedDelay(elapsed(every))).execute((instance, context) -> deadline.expireOverdue());
    }

    private static Duration elapsed(String every) {
        WorkingDuration parsed = WorkingDuration.parse(every);
        if (!parsed.isElapsedTime()) {
            throw new IllegalArgumentException("onewindow.tasks.callback-check-every is how often the callbacks are checked: elapsed "
                    + "time (\"1m\"), not " + parsed);
        }
        return parsed.elapsed();
    }
}
