package org.onewindow.hub.departments;

import org.onewindow.adapters.kit.DepartmentAdapter;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The departments the hub has an adapter for. A case needing any other department is refused at intake, never left waiting. */
@Component
public class ConnectedDepartments {

    private final Set<String> departments;

    ConnectedDepartments(List<DepartmentAdapter> adapters) {
        this.departments = Set.copyOf(new TreeSet<>(adapters.stream().map(DepartmentAdapter::department).toList()));
    }

    public boolean isConnected(String department) {
        return departments.contains(department);
    }

    public Set<String> all() {
        return departments;
    }
}
