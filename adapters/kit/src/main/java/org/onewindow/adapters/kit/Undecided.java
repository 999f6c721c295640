package org.onewindow.adapters.kit;

/**
 * A department's answer to a status query (the kit's department-task-status template) that carries no decision. A
 * decision comes back as a {@link org.onewindow.schemas.tasks.TaskOutcome} instead, read exactly as its callback is.
 */
public enum Undecided {
    /** The department has the task and is still working on it: ask again later, or wait for its callback. */
    STILL_WORKING,
    /** The department does not know the task: it never received it, or lost it. */
    UNKNOWN_TASK
}
