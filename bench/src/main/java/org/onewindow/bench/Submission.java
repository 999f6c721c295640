package org.onewindow.bench;

import java.time.Instant;

/**
 * One case the benchmark submitted. {@code intendedAt} is when the schedule wanted it sent: latency is
 * counted from there, so a hub that falls behind cannot hide it by slowing the client (coordinated omission).
 */
record Submission(String caseId, CaseKind kind, Instant intendedAt) {
}
