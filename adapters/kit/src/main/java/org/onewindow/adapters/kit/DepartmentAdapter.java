package org.onewindow.adapters.kit;

import java.util.Set;

/**
 * What every department adapter declares, whatever its dialect. The hub treats a department as
 * connected when an adapter names it, and starts one circuit breaker per adapter.
 */
public interface DepartmentAdapter {

    /** The department's catalogue code; its tasks arrive on onewindow.tasks.&lt;department&gt;. */
    String department();

    /**
     * Whether the adapter delivers data shared with its department (it instantiates the kit's
     * department-shares template). Shares for a department whose adapter does not are recorded as
     * undeliverable, never left on a queue no one reads.
     */
    default boolean receivesSharedData() {
        return false;
    }
}
