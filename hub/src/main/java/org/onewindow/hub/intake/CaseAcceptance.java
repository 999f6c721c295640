package org.onewindow.hub.intake;

import org.onewindow.hub.cases.CaseCounts;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseStatus;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.deadlines.ApplicantWaits;
import org.onewindow.hub.deadlines.TaskClocks;
import org.onewindow.hub.materials.CaseMaterials;
import org.onewindow.hub.materials.MaterialResolution;
import org.onewindow.hub.materials.MaterialStatus;
import org.onewindow.hub.materials.ResolvedMaterial;
import org.onewindow.hub.tasks.PlannedTask;
import org.onewindow.hub.tasks.TaskDispatcher;
import org.onewindow.hub.tasks.TaskPlanner;
import org.onewindow.schemas.cases.CaseRequest;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What accepting a case writes, at intake or when a waiting case's materials are finally verified: the material
 * resolution, its tasks, and the messages for the departments that can start at once. The caller holds the
 * transaction, so the messages (through the outbox) commit with the case or not at all.
 */
@Component
class CaseAcceptance {

    private final CaseStore store;
    private final CaseMaterials materials;
    private final TaskPlanner planner;
    private final TaskDispatcher dispatcher;
    private final TaskClocks clocks;
    private final ApplicantWaits waits;
    private final CaseCounts counts;

    CaseAcceptance(CaseStore store, CaseMaterials materials, TaskPlanner planner, TaskDispatcher dispatcher, TaskClocks clocks,
                   ApplicantWaits waits, CaseCounts counts) {
        this.counts = counts;
        this.clocks = clocks;
        this.waits = waits;
        this.store = store;
        this.materials = materials;
        this.planner = planner;
        this.dispatcher = dispatcher;
    }

    /** Records how the materials were resolved, with a timeline event that says so in one line. */
    void recordMaterials(String caseId, MaterialResolution resolution, Instant now) {
        materials.replace(caseId, resolution);
        store.addEvent(caseId, null, CaseEventType.MATERIALS_RESOLVED, summary(resolution), now);
    }

    /** The case's tasks; refuses (422) a request naming what the catalogue does not hold. */
    List<PlannedTask> plan(CaseRequest request) {
        return planner.plan(request);
    }

    /**
     * Accepts the case (受理): its tasks, each with its deadline on the working calendar counted from now, the waits for
     * deferred materials (their tasks' clocks stand still until the applicant brings them), and the first messages.
     */
    void accept(String caseId, CaseRequest request, List<PlannedTask> plan, MaterialResolution resolution, String channelNote,
                Instant now) {
        store.addEvent(caseId, null, CaseEventType.CASE_ACCEPTED, "accepted for " + request.serviceCode() + " via " + channelNote, now);
        counts.reached(request.serviceCode(), CaseStatus.ACCEPTED);
        List<TaskRecord> tasks = new ArrayList<>();
        List<TaskRecord> ready = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            PlannedTask planned = plan.get(i);
            TaskStatus status = planned.dependsOn().isEmpty() ? TaskStatus.QUEUED : TaskStatus.WAITING;
            TaskRecord task = new TaskRecord("%s-%02d".formatted(caseId, i + 1), caseId, planned.stepId(), planned.itemCode(),
                    planned.department(), planned.dependsOn(), status, null, null, Map.of(), now, now,
                    clocks.start(planned.itemCode(), request.bundleCode(), now));
            tasks.add(task);
            if (status == TaskStatus.QUEUED) {
                ready.add(task);
            }
        }
        store.insertTasks(tasks);
        waits.openForDeferredMaterials(caseId, tasks, resolution, now);
        dispatcher.dispatch(request, ready, List.of(), now);
    }

    /** "7 of 11 materials exempt, 2 deferred, 2 brought, 0 waiting for a system" */
    static String summary(MaterialResolution resolution) {
        Map<MaterialStatus, Long> counts = resolution.materials().stream()
                .collect(Collectors.groupingBy(ResolvedMaterial::status, Collectors.counting()));
        return "%d of %d materials exempt (免提交), %d deferred (容缺), %d to bring, %d waiting for a system".formatted(
                counts.getOrDefault(MaterialStatus.EXEMPT, 0L), resolution.materials().size(),
                counts.getOrDefault(MaterialStatus.DEFERRED, 0L), counts.getOrDefault(MaterialStatus.REQUIRED, 0L),
                counts.getOrDefault(MaterialStatus.UNAVAILABLE, 0L));
    }
}
