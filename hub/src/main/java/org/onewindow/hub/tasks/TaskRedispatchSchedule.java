package org.onewindow.hub.tasks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The search for lost task messages as a db-scheduler recurring task: one hub of a cluster runs each round. */
@Configuration(proxyBeanMethods = false)
class TaskRedispatchSchedule {

    static final String TASK = "task-redispatch";

    @Bean
    RecurringTask<Void> taskRedispatchTask(TaskRedispatch redispatch, @Value("${onewindow.tasks.redispatch.every}") Duration every) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(every)).execute((instance, context) -> redispatch.round());
    }
}
