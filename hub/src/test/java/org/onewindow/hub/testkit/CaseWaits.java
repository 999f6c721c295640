package org.onewindow.hub.testkit;

import com.fasterxml.jackson.databind.JsonNode;

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
        await().atMost(within).pollInterval(Duration.ofMillis(100))
                .alias("case " + caseId + " reaching " + status + " (last seen: " + (last.get() == null ? "-" : last.get().get("status")) + ")")
                .until(() -> {
                    last.set(hub.caseView(caseId));
                    return status.equals(last.get().get("status").asText());
                });
        return last.get();
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
