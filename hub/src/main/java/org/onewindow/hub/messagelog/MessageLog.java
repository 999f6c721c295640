package org.onewindow.hub.messagelog;

import java.time.Duration;
import java.util.Map;

/**
 * The signed, tamper-evident message log (签名防篡改的报文日志): every exchange the hub makes or receives is
 * recorded append-only, hash-chained, and sealed in batches with the hub's SM2 key and an RFC 3161 time-stamp.
 *
 * <p>Use: right after an exchange ended, {@code messageLog.record(new LoggedExchange(...))}, with the bodies as
 * {@link Body#of(byte[])}. Recording only puts the exchange on a queue; one writer thread stores it. Bodies are kept
 * for the parties {@code onewindow.message-log.keep-bodies.<party>} names, up to {@code max-kept-body-bytes}; their
 * SHA-256 always. Nothing of an exchange goes to the application log.
 */
public class MessageLog {

    private final MessageLogWriter writer;
    private final Map<String, Boolean> keepBodies;
    private final int maxKeptBodyBytes;

    MessageLog(MessageLogWriter writer, Map<String, Boolean> keepBodies, int maxKeptBodyBytes) {
        this.writer = writer;
        this.keepBodies = Map.copyOf(keepBodies);
        this.maxKeptBodyBytes = maxKeptBodyBytes;
    }

    /** The log when onewindow.message-log.enabled is false: records nothing (the benchmark's "off"). */
    static MessageLog disabled() {
        return new MessageLog(null, Map.of(), 0);
    }

    public boolean enabled() {
        return writer != null;
    }

    /** Queues one exchange for the log. Never blocks longer than onewindow.message-log.offer-timeout-ms. */
    public void record(LoggedExchange exchange) {
        if (writer != null) {
            writer.offer(asKept(exchange));
        }
    }

    /** The exchange as the log keeps it: bodies only for a party whose bodies are kept, and only up to the limit. */
    LoggedExchange asKept(LoggedExchange exchange) {
        boolean keep = keepsBodiesOf(exchange.from()) || keepsBodiesOf(exchange.to()) || keepsBodiesOf(exchange.department());
        return keep && small(exchange.request()) && small(exchange.response()) ? exchange
                : new LoggedExchange(exchange.endedAt(), exchange.durationMs(), exchange.channel(), exchange.from(), exchange.to(),
                exchange.department(), exchange.operation(), exchange.caseId(), exchange.taskId(), exchange.status(),
                keep(exchange.request(), keep), keep(exchange.response(), keep));
    }

    /** Whether the log keeps the bodies this party sends or receives (its hashes are kept always). */
    public boolean keepsBodiesOf(String party) {
        return party != null && Boolean.TRUE.equals(keepBodies.get(party));
    }

    /** Whether any party's bodies are kept: only then does the intake filter hold on to bodies while they stream. */
    boolean keepsAnyBodies() {
        return keepBodies.containsValue(Boolean.TRUE);
    }

    int maxKeptBodyBytes() {
        return maxKeptBodyBytes;
    }

    /** Writes everything recorded so far and seals it; for auditors and tests that need the log sealed now. */
    long flushAndSeal() {
        if (writer == null) {
            throw new IllegalStateException("the message log is off (onewindow.message-log.enabled=false)");
        }
        return writer.flushAndSeal(Duration.ofSeconds(30));
    }

    /** Hex SHA-256 of the certificate whose key signs the seals; empty when the log is off. */
    public java.util.Optional<String> signerFingerprint() {
        return writer == null ? java.util.Optional.empty() : java.util.Optional.of(writer.signerFingerprint());
    }

    /**
     * Whether the seals are signed with the public DEMO key of seeds/security: a production guard refuses to start then,
     * naming {@link MessageLogKeys#SIGNING_KEY_SETTING}.
     */
    public boolean usesDemoKey() {
        return signerFingerprint().map(MessageLogKeys.DEMO_SIGNER_FINGERPRINT::equals).orElse(false);
    }

    MessageLogWriter.Status status() {
        return writer == null ? null : writer.status();
    }

    private boolean small(Body body) {
        return body == null || body.content() == null || body.content().length <= maxKeptBodyBytes;
    }

    private Body keep(Body body, boolean keep) {
        if (body == null) {
            return null;
        }
        return keep && (body.content() == null || body.content().length <= maxKeptBodyBytes) ? body : body.withoutContent();
    }
}
