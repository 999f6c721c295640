package org.onewindow.seeds.simulators;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a simulated department that decides by callback decided for each task it accepted, kept from the moment it
 * accepted (its {@link DepartmentCallbacks} tells it), and its answer to a status query about a task, as a WireMock
 * extension. The decision is the callback's body; it counts as made once the callback's delay has passed, whether or
 * not the callback reached the hub. A stub asks for it with
 * <pre>"transformers": ["onewindow-task-status"], "transformerParameters":
 *     {"stillWorking": "...$TASK_ID...", "unknown": "...$TASK_ID..."}</pre>
 * and answers, for the task named by the request's Idempotency-Key (as the callbacks are): the remembered callback
 * body (HTTP 200) once decided; {@code stillWorking} (HTTP {@code stillWorkingStatus}, default 200) before; {@code
 * unknown} (HTTP {@code unknownStatus}, default 404) for a task it never accepted or has forgotten
 * (seeds/simulators/real-estate/mappings/50-status-query.json).
 *
 * <p>One per simulator, kept when the simulator is taken down and brought back (the department's records outlive an
 * outage of its gateway). It remembers the last {@value #REMEMBERED} tasks, so that a long benchmark does not grow it
 * without end; older ones are answered as unknown.
 */
public final class DepartmentDecisions implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "onewindow-task-status";
    static final int REMEMBERED = 200_000;

    /** A decision and when it counts as made. */
    private record Decision(String body, Instant madeAt) {
    }

    private final String department;
    private final Clock clock;
    private final Map<String, Decision> decisions = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Decision> eldest) {
            return size() > REMEMBERED;
        }
    };

    DepartmentDecisions(String department, Clock clock) {
        this.department = department;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Only for the stubs that ask for it. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** The department accepted the task and decided {@code body}, which counts as made after {@code delayMs}. */
    synchronized void accepted(String taskId, String body, long delayMs) {
        decisions.put(taskId, new Decision(body, clock.instant().plusMillis(delayMs)));
    }

    /** The department's decision on the task, once made. */
    public synchronized Optional<String> decided(String taskId) {
        Decision decision = decisions.get(taskId);
        return decision == null || clock.instant().isBefore(decision.madeAt()) ? Optional.empty() : Optional.of(decision.body());
    }

    /** Whether the department knows the task (decided or still working on it). */
    public synchronized boolean knows(String taskId) {
        return decisions.containsKey(taskId);
    }

    /** The department loses its record of the task (for tests): it answers it as unknown from now on. */
    public synchronized void forget(String taskId) {
        decisions.remove(taskId);
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Parameters parameters = serveEvent.getResponseDefinition().getTransformerParameters();
        String taskId = serveEvent.getRequest().getHeader("Idempotency-Key");
        // the stub's headers (its Content-Type) stay; status and body are the department's answer
        ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition());
        if (taskId == null || !knows(taskId)) {
            return answer.withStatus(parameters.getInt("unknownStatus", 404))
                    .withBody(parameters.getString("unknown", "").replace("$TASK_ID", String.valueOf(taskId))).build();
        }
        Optional<String> decided = decided(taskId);
        if (decided.isPresent()) {
            return answer.withStatus(200).withBody(decided.get()).build();
        }
        return answer.withStatus(parameters.getInt("stillWorkingStatus", 200))
                .withBody(parameters.getString("stillWorking", "").replace("$TASK_ID", taskId)).build();
    }

    @Override
    public String toString() {
        return "decisions of " + department;
    }
}
