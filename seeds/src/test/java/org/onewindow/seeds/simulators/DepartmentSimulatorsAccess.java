package org.onewindow.seeds.simulators;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import java.util.List;

/** Opens the package-private stub parsing to tests of other seeds packages. */
public final class DepartmentSimulatorsAccess {
    private DepartmentSimulatorsAccess() {
    }

    public static List<StubMapping> mappings(String json) {
        return DepartmentSimulators.mappings(json);
    }
}
