package org.onewindow.hub.tasks;

import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.departments.ConnectedDepartments;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.schemas.cases.CaseRequest;
import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.Item;
import org.onewindow.schemas.catalogue.MaterialRequirement;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a request into the tasks its item or bundle needs, by the catalogue. Refuses (422) what the
 * hub cannot carry out: a code not in the catalogue, a material the item does not ask for, a
 * department the hub is not connected to.
 */
@Component
public class TaskPlanner {

    private final ServiceCatalogue catalogue;
    private final ConnectedDepartments connected;

    TaskPlanner(ServiceCatalogue catalogue, ConnectedDepartments connected) {
        this.catalogue = catalogue;
        this.connected = connected;
    }

    public List<PlannedTask> plan(CaseRequest request) {
        List<Fault> faults = new ArrayList<>();
        List<PlannedTask> tasks = new ArrayList<>();
        if (request.itemCode() != null) {
            catalogue.item(request.itemCode()).ifPresentOrElse(
                    item -> tasks.add(new PlannedTask(item.code(), item.code(), item.department(), List.of())),
                    () -> faults.add(new Fault("itemCode", "unknown-item", request.itemCode() + " is not an item of the catalogue")));
        } else {
            catalogue.bundle(request.bundleCode()).ifPresentOrElse(
                    bundle -> tasks.addAll(steps(bundle)),
                    () -> faults.add(new Fault("bundleCode", "unknown-bundle", request.bundleCode() + " is not a bundle of the catalogue")));
        }
        String codeField = request.itemCode() != null ? "itemCode" : "bundleCode";
        tasks.stream().map(PlannedTask::department).distinct().filter(d -> !connected.isConnected(d)).forEach(d ->
                faults.add(new Fault(codeField, "department-not-connected", request.serviceCode() + " needs the department "
                        + d + ", which the hub is not connected to yet (connected: " + connected.all() + ")")));
        checkMaterials(request, tasks, faults);
        if (!faults.isEmpty()) {
            throw ProblemException.unprocessable(faults);
        }
        return tasks;
    }

    private List<PlannedTask> steps(Bundle bundle) {
        return bundle.steps().stream().map(step -> new PlannedTask(step.id(), step.item(),
                catalogue.item(step.item()).orElseThrow().department(), step.dependsOn())).toList();
    }

    private void checkMaterials(CaseRequest request, List<PlannedTask> tasks, List<Fault> faults) {
        Set<String> required = new HashSet<>();
        tasks.forEach(task -> catalogue.item(task.itemCode()).map(Item::materials).orElse(List.of())
                .stream().map(MaterialRequirement::code).forEach(required::add));
        for (int i = 0; i < request.materials().size(); i++) {
            String code = request.materials().get(i).code();
            if (!tasks.isEmpty() && !required.contains(code)) {
                faults.add(new Fault("materials[" + i + "].code", "unknown-material",
                        code + " is not a material of " + request.serviceCode() + " (its materials: " + new java.util.TreeSet<>(required) + ")"));
            }
        }
    }
}
