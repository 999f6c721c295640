package org.onewindow.hub.intake;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.onewindow.hub.materials.MaterialProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * The material verification retry (cases in WAITING_VERIFICATION try their look-ups again, {@link WaitingCases}) as a
 * db-scheduler recurring task: with several hubs on one database, one of them runs each round, so the e-licence
 * library and the data exchange are asked once per waiting case, not once per hub.
 */
@Configuration(proxyBeanMethods = false)
class WaitingCasesSchedule {

    static final String TASK = "material-verification-retry";

    @Bean
    RecurringTask<Void> materialVerificationRetryTask(WaitingCases waitingCases, MaterialProperties properties) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(properties.retryInterval()))
                .execute((instance, context) -> waitingCases.retry());
    }
}
