package org.onewindow.hub.evaluations;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.onewindow.hub.catalogue.WorkingDuration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The evaluation round as a db-scheduler recurring task: one hub of a cluster runs it; a missed round is caught up. */
@Configuration(proxyBeanMethods = false)
class EvaluationSchedule {

    static final String TASK = "evaluation-round";

    @Bean
    RecurringTask<Void> evaluationRoundTask(EvaluationRounds rounds, EvaluationProperties properties) {
        WorkingDuration every = WorkingDuration.parse(properties.roundEvery());
        if (!every.isElapsedTime()) {
            throw new IllegalArgumentException("onewindow.evaluations.round-every is how often the round runs: elapsed time "
                    + "(\"30s\"), not " + every);
        }
        return Tasks.recurring(TASK, Schedules.fixedDelay(every.elapsed())).execute((instance, context) -> rounds.run());
    }
}
