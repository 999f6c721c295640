package org.onewindow.hub.deadlines;

import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.Item;
import org.onewindow.schemas.catalogue.TimeLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Each task's clock on the working calendar: it starts at the case's acceptance with the item's promised working days or
 * hours (承诺时限), or the bundle's when that ends sooner, stands still while the case waits for the applicant, and on restarting moves the deadline on by exactly the
 * working time it stood still (补正、补齐材料的时间不计入办理时限).
 */
@Component
public class TaskClocks {

    private final WorkingCalendar calendar;
    private final ServiceCatalogue catalogue;
    private final CaseStore store;
    private final double yellowShare;

    TaskClocks(WorkingCalendar calendar, ServiceCatalogue catalogue, CaseStore store,
               @Value("${onewindow.supervision.yellow-share}") double yellowShare) {
        this.yellowShare = yellowShare;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.store = store;
    }

    /**
     * The clock of a task of {@code itemCode} in a case accepted at {@code acceptedAt}: due when its item's promise runs
     * out, or, in a bundle that promises less (企业开办 in 2 working hours, where establishment alone promises a working
     * day), when the bundle's does: no step may be late for the promise made for the whole.
     *
     * @param bundleCode the case's bundle, or null for a single item
     */
    public TaskRecord.TaskClock start(String itemCode, String bundleCode, Instant acceptedAt) {
        TimeLimit promised = catalogue.item(itemCode).map(Item::promisedLimit).orElse(TimeLimit.workingDays(0));
        Instant deadline = calendar.deadline(acceptedAt, promised);
        TimeLimit whole = bundleCode == null ? null : catalogue.bundle(bundleCode).map(Bundle::promisedLimit).orElse(null);
        if (whole != null && calendar.deadline(acceptedAt, whole).isBefore(deadline)) {
            promised = whole;
            deadline = calendar.deadline(acceptedAt, whole);
        }
        long promisedMinutes = Math.max(0, calendar.workingMinutesBetween(acceptedAt, deadline));
        // the yellow card (黄牌) falls due when less than yellow-share of the promised working time is left
        Instant warnAt = calendar.minusWorkingMinutes(deadline, Math.round(promisedMinutes * yellowShare));
        return new TaskRecord.TaskClock(promised, deadline, warnAt.isBefore(acceptedAt) ? acceptedAt : warnAt, null, 0);
    }

    void stop(String taskId, Instant at) {
        store.stopClock(taskId, at);
    }

    /** Starts the task's clock again; the working minutes it stood still, 0 if it was running. */
    long restart(TaskRecord task, Instant at) {
        TaskRecord.TaskClock clock = task.clock();
        if (clock == null || clock.stoppedSince() == null) {
            return 0;
        }
        long minutes = Math.max(0, calendar.workingMinutesBetween(clock.stoppedSince(), at));
        store.restartClock(task.taskId(), minutes == 0 ? clock.deadline() : calendar.plusWorkingMinutes(clock.deadline(), minutes),
                minutes == 0 || clock.warnAt() == null ? clock.warnAt() : calendar.plusWorkingMinutes(clock.warnAt(), minutes), minutes);
        return minutes;
    }
}
