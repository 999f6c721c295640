package org.onewindow.hub.deadlines;

import org.onewindow.hub.cases.ApplicantWait;
import org.onewindow.hub.cases.ApplicantWaitStore;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.hub.materials.MaterialResolution;
import org.onewindow.hub.materials.MaterialStatus;
import org.onewindow.hub.materials.ResolvedMaterial;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The case waits for the applicant (等待申请人), and its task's clock stands still meanwhile: from acceptance while a
 * deferred material (容缺) is still to be brought, and from a department's request for a correction (补正) until the
 * applicant answers. Each method runs inside its caller's transaction and writes the wait, the clock and the timeline
 * together.
 */
@Component
public class ApplicantWaits {

    /** Who opens the wait for a deferred material: the hub itself, when it accepts the case. */
    static final String AT_ACCEPTANCE = "hub (容缺受理 at acceptance)";

    private final ApplicantWaitStore waits;
    private final CaseStore store;
    private final TaskClocks clocks;
    private final WorkingCalendar calendar;

    ApplicantWaits(ApplicantWaitStore waits, CaseStore store, TaskClocks clocks, WorkingCalendar calendar) {
        this.calendar = calendar;
        this.waits = waits;
        this.store = store;
        this.clocks = clocks;
    }

    /** At acceptance: one wait per deferred material, stopping the clock of the task whose item needs it. */
    public void openForDeferredMaterials(String caseId, List<TaskRecord> tasks, MaterialResolution resolution, Instant now) {
        for (ResolvedMaterial material : resolution.materials()) {
            if (material.status() != MaterialStatus.DEFERRED) {
                continue;
            }
            taskOf(tasks, material).ifPresent(task -> {
                long waitId = waits.open(caseId, task.taskId(), ApplicantWait.Kind.DEFERRED_MATERIAL, material.materialCode(),
                        AT_ACCEPTANCE, material.deferredUntil(), now);
                clocks.stop(task.taskId(), now);
                store.addEvent(caseId, task.taskId(), CaseEventType.APPLICANT_WAIT_STARTED, "wait " + waitId
                        + ": the applicant is to bring " + material.materialCode() + " (容缺) by " + material.deferredUntil()
                        + "; the clock of " + task.itemCode() + " stands still meanwhile", now);
            });
        }
    }

    /** A department asks the applicant to correct or complete the application (补正): the task's clock stops. */
    public ApplicantWait requestCorrection(TaskRecord task, String department, String what, Instant now) {
        store.lockCase(task.caseId());
        long waitId = waits.open(task.caseId(), task.taskId(), ApplicantWait.Kind.CORRECTION, what, department, null, now);
        clocks.stop(task.taskId(), now);
        store.addEvent(task.caseId(), task.taskId(), CaseEventType.APPLICANT_WAIT_STARTED, "wait " + waitId + ": " + department
                + " asks the applicant for a correction (补正): " + what + "; the clock of " + task.itemCode()
                + " stands still until they answer", now);
        return waits.find(waitId).orElseThrow();
    }

    /**
     * The applicant answered: the wait ends, and the task's clock runs again (once no other wait holds it), its deadline
     * moved on by the working time it stood still. Empty when the wait was over already.
     */
    public Optional<ApplicantWait> answer(ApplicantWait wait, String answer, String answeredBy, Instant now) {
        store.lockCase(wait.caseId());
        long waited = Math.max(0, calendar.workingMinutesBetween(wait.startedAt(), now));
        if (!waits.close(wait.waitId(), now, waited, answer, answeredBy)) {
            return Optional.empty();
        }
        TaskRecord task = store.findTask(wait.taskId()).orElseThrow();
        String clock;
        if (waits.anyOpen(task.taskId())) {
            clock = "the clock of " + task.itemCode() + " still stands still for another wait";
        } else {
            long stopped = clocks.restart(task, now);
            clock = "the clock of " + task.itemCode() + " runs again, its deadline moved on by " + stopped + " working minutes";
        }
        store.addEvent(wait.caseId(), task.taskId(), CaseEventType.APPLICANT_WAIT_ENDED, "wait " + wait.waitId()
                + " answered (" + waited + " working minutes); " + clock, now);
        return waits.find(wait.waitId());
    }

    private static Optional<TaskRecord> taskOf(List<TaskRecord> tasks, ResolvedMaterial material) {
        return tasks.stream()
                .filter(t -> material.stepId() != null ? t.stepId().equals(material.stepId())
                        : Objects.equals(t.itemCode(), material.itemCode()))
                .findFirst();
    }
}
