package org.onewindow.hub.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/** Waits for a case to reach a status, and hands back the case as the hub shows it. */
public final class CaseWaits {
    private CaseWaits() {
    }

    public static JsonNode awaitStatus(HubClient hub, String caseId, String status, Duration within) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
                last.set(hub.caseView(caseId));
                return status.equals(last.get().get("status").asText());
            });
        } catch (ConditionTimeoutException e) {
            // the case as last seen says why it did not get there (status, reason, timeline, tasks)
            throw new AssertionError("case " + caseId + " did not reach " + status + " within " + within
                    + "; last seen: " + last.get(), e);
        }
        return last.get();
    }

    /** Waits until the case's first task with this status exists, and returns its task id. */
    public static String awaitTaskStatus(HubClient hub, String caseId, String taskStatus, Duration within) {
        AtomicReference<String> taskId = new AtomicReference<>();
        await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode task : hub.caseView(caseId).get("tasks")) {
                if (taskStatus.equals(task.get("status").asText())) {
                    taskId.set(task.get("taskId").asText());
                    return true;
                }
            }
            return false;
        });
        return taskId.get();
    }

    public static JsonNode awaitFinal(HubClient hub, String caseId, Duration within) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(hub.caseView(caseId));
            return Set.of("COMPLETED", "REJECTED", "STUCK").contains(last.get().get("status").asText());
        });
        return last.get();
    }
}
