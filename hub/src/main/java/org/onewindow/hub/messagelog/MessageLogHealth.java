package org.onewindow.hub.messagelog;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The message log for operators: UP while its writer runs, with this hub's chain (its instance id) and what is queued,
 * written, lost and sealed in it. A writer
 * that stopped turns it DOWN: exchanges would no longer be recorded. Lost exchanges and failing seals show in the
 * details (and as metrics onewindow.message.log.*), without turning the hub DOWN.
 */
@Component("messageLogHealthIndicator")
class MessageLogHealth implements HealthIndicator {

    private final MessageLog messageLog;

    MessageLogHealth(MessageLog messageLog) {
        this.messageLog = messageLog;
    }

    @Override
    public Health health() {
        MessageLogWriter.Status status = messageLog.status();
        if (status == null) {
            return Health.up().withDetail("enabled", false).build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("chain", status.chain());
        details.put("queued", status.queued());
        details.put("written", status.written());
        details.put("lost", status.lost());
        details.put("lastRecord", status.lastSeq());
        details.put("sealedUpTo", status.sealedSeq());
        details.put("seals", status.seals());
        details.put("sealFailures", status.sealFailures());
        if (status.seals() > 0 && status.lastSealAt() != null) {
            details.put("lastSealAt", status.lastSealAt().toString());
        }
        messageLog.signerFingerprint().ifPresent(f -> details.put("signer", f));
        details.put("demoKey", messageLog.usesDemoKey());
        if (status.lastProblem() != null) {
            details.put("lastProblem", status.lastProblem());
        }
        return (status.running() ? Health.up() : Health.down()).withDetails(details).build();
    }
}
