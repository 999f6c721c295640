package org.onewindow.hub.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one scenario of the fault suite found.
 *
 * @param submitted     cases the intake system sent (each with a key of its own)
 * @param answered      of those, cases answered 202
 * @param accepted      cases in the store (a case stored whose 202 was cut off by a kill is accepted too)
 * @param completed     accepted cases that completed
 * @param lost          cases answered 202 and not in the store, plus accepted cases that did not complete: must be 0
 * @param unanswered    submissions that never got an answer within the intake system's patience
 * @param refused       submissions refused with a 4xx (none expected)
 * @param repeated      department requests beyond the first for a task or share, with its own key (ignored by the department)
 * @param tasksRepeated tasks or shares that reached their department more than once
 * @param duplicated    department requests for a scenario's case under a key the hub never issued: must be 0
 * @param recovery      from the fault's end until the last case accepted before it was decided
 * @param statuses      the accepted cases by their final status
 */
record ScenarioResult(String scenario, String fault, int submitted, int answered, int accepted, int completed, int lost,
                      int unanswered, int refused, int repeated, long tasksRepeated, int duplicated, Duration recovery,
                      Map<String, Long> statuses, List<String> notes) {
}
