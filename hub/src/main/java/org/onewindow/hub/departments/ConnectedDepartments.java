package org.onewindow.hub.departments;

import org.onewindow.adapters.kit.DepartmentAdapter;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The departments the hub can reach: those with an adapter, and those reached through one (market
 * regulation through the provincial platform). A case needing any other department is refused at
 * intake, never left waiting.
 */
@Component
public class ConnectedDepartments {

    private final Set<String> adapters;
    private final Set<String> sharedDataReceivers;
    private final ServiceCatalogue catalogue;

    ConnectedDepartments(List<DepartmentAdapter> adapters, ServiceCatalogue catalogue) {
        this.adapters = Set.copyOf(new TreeSet<>(adapters.stream().map(DepartmentAdapter::department).toList()));
        this.sharedDataReceivers = Set.copyOf(adapters.stream().filter(DepartmentAdapter::receivesSharedData)
                .map(DepartmentAdapter::department).toList());
        this.catalogue = catalogue;
    }

    public boolean isConnected(String department) {
        return adapters.contains(catalogue.carrier(department));
    }

    public boolean receivesSharedData(String department) {
        return sharedDataReceivers.contains(catalogue.carrier(department));
    }

    /**
     * The department, if the hub is connected to it (an adapter of its own).
     *
     * @throws IllegalArgumentException otherwise; the message names the connected ones
     */
    public String require(String department) {
        if (department == null || !adapters.contains(department)) {
            throw new IllegalArgumentException("unknown department " + department + "; the connected departments are " + all());
        }
        return department;
    }

    /** The departments with an adapter of their own. */
    public Set<String> all() {
        return new TreeSet<>(adapters);
    }
}
