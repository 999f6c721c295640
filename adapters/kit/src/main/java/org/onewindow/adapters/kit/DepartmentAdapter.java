package org.onewindow.adapters.kit;

import java.util.Set;

/**
 * What every department adapter declares, whatever its dialect. The hub treats a department as
 * connected when an adapter names it, and starts one circuit breaker per adapter.
 */
public interface DepartmentAdapter {

    /** The department's catalogue code; its tasks arrive on onewindow.tasks.&lt;department&gt;. */
    String department();
}
