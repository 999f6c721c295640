package org.onewindow.adapters.kit;

import java.util.Set;

/**
 * Classifies a department's HTTP status before the adapter reads the body: a department that is down
 * or overloaded must be retried, never read as a decision.
 */
public final class DepartmentReplies {

    private static final Set<Integer> RETRYABLE_CLIENT_STATUSES = Set.of(408, 425, 429);

    /** Called by the kit's templates after every department call. */
    public void requireAvailable(String department, int httpStatus) {
        if (httpStatus >= 500 || RETRYABLE_CLIENT_STATUSES.contains(httpStatus)) {
            throw new DepartmentUnavailableException(department + " answered HTTP " + httpStatus);
        }
    }
}
