package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

/**
 * How one submitted case ended, from the hub's own timeline: its status and when it completed, by the hub's
 * clock (the same machine's clock as the benchmark's).
 */
record CaseOutcome(Submission submission, String status, Instant completedAt) {

    static final java.util.Set<String> FINAL = java.util.Set.of("COMPLETED", "REJECTED", "STUCK");

    static CaseOutcome of(Submission submission, JsonNode view) {
        Instant completed = null;
        for (JsonNode event : view.path("timeline")) {
            if (event.path("type").asText().equals("CASE_COMPLETED")) {
                completed = Instant.parse(event.path("at").asText());
            }
        }
        return new CaseOutcome(submission, view.path("status").asText(), completed);
    }

    boolean completed() {
        return "COMPLETED".equals(status) && completedAt != null;
    }

    boolean ended() {
        return FINAL.contains(status);
    }

    /** Submission (as scheduled) to CASE_COMPLETED, microseconds. */
    long latencyMicros() {
        Duration d = Duration.between(submission.intendedAt(), completedAt);
        return Math.max(0, d.toNanos() / 1_000);
    }
}
