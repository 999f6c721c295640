package org.onewindow.hub.supervision;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.onewindow.hub.catalogue.WorkingDuration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The supervision review as a db-scheduler recurring task (the hub's one scheduler, table scheduled_tasks): one hub of
 * a cluster runs each round, and since a round works from the stored deadlines, the first round after a restart catches
 * up whatever fell due while the hub was down.
 */
@Configuration(proxyBeanMethods = false)
class SupervisionSchedule {

    static final String TASK = "supervision-review";

    @Bean
    RecurringTask<Void> supervisionReviewTask(SupervisionReview review, SupervisionProperties properties) {
        WorkingDuration every = WorkingDuration.parse(properties.reviewEvery());
        if (!every.isElapsedTime()) {
            throw new IllegalArgumentException("onewindow.supervision.review-every is how often the review runs: elapsed time "
                    + "(\"1m\"), not " + every);
        }
        return Tasks.recurring(TASK, Schedules.fixedDelay(every.elapsed()))
                .execute((instance, context) -> review.review());
    }
}
