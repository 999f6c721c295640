package org.onewindow.hub.tasks;

import org.onewindow.adapters.kit.DepartmentMapping;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The departments the hub has an adapter for. A case needing any other department is refused at intake, never left waiting. */
@Component
public class ConnectedDepartments {

    private final Set<String> departments;

    ConnectedDepartments(List<DepartmentMapping> mappings) {
        this.departments = Set.copyOf(new TreeSet<>(mappings.stream().map(DepartmentMapping::department).toList()));
    }

    public boolean isConnected(String department) {
        return departments.contains(department);
    }

    public Set<String> all() {
        return departments;
    }
}
