package org.onewindow.hub.pauses;

/**
 * What waits for a department, paused or not.
 *
 * @param queuedTasks     its tasks QUEUED in the database (those of departments reached through it included): queued
 *                        and not yet taken by its adapter
 * @param messagesOnQueue messages on its task queue onewindow.tasks.&lt;department&gt; not yet handed to a consumer, by
 *                        browsing the broker; null when the broker could not be asked. A paused consumer may hold a few
 *                        already, so this can be lower than queuedTasks
 */
public record Waiting(String department, boolean paused, long queuedTasks, Long messagesOnQueue) {
}
