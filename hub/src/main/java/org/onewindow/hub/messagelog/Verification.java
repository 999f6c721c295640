package org.onewindow.hub.messagelog;

import java.time.Instant;
import java.util.List;

/**
 * What verifying a message log found.
 *
 * @param records     records that verified before the first problem (all of them when ok)
 * @param seals       seals that verified
 * @param unsealed    verified records after the last seal: hash-chained, not yet signed
 * @param signers     fingerprints of the keys whose seals verified
 * @param authorities subjects of the time-stamping authorities whose tokens verified
 * @param problem     the first record or seal that fails, null when ok
 */
record Verification(String source, long records, long seals, Long firstSeq, Long lastSeq, Instant firstLoggedAt, Instant lastLoggedAt,
                    long unsealed, List<String> signers, List<String> authorities, boolean trustGiven, Problem problem) {

    enum Kind {
        /** A record's content (or a kept body, or its stored hash) is not what was chained and sealed. */
        ALTERED,
        /** A record that was written is missing. */
        REMOVED,
        /** A record sits at another position than the one it was sealed at. */
        REORDERED,
        /** A seal itself fails: its signature, its time-stamp, its place in the chain of seals. */
        SEAL
    }

    /**
     * @param position the record's sequence number (its position in the log)
     * @param sealNo   the seal that covers it, if any
     */
    record Problem(long position, Kind kind, Long sealNo, String detail) {
    }

    boolean ok() {
        return problem == null;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The lines the verify command prints. */
    String summary() {
        StringBuilder out = new StringBuilder();
        if (ok()) {
            out.append("OK: ").append(source).append('\n');
            out.append(String.format("  %s%s, %s%n", count(records, "record"),
                    records == 0 ? "" : " (positions " + firstSeq + "–" + lastSeq + ")", count(seals, "seal")));
            if (records > 0) {
                out.append("  logged ").append(firstLoggedAt).append(" – ").append(lastLoggedAt).append('\n');
            }
            if (unsealed > 0) {
                out.append("  ").append(count(unsealed, "record")).append(" after the last seal: hash-chained, not yet sealed\n");
            }
        } else {
            out.append("FAILED: ").append(source).append('\n');
            out.append("  record ").append(problem.position()).append(": ").append(problem.kind().name().toLowerCase())
                    .append(" — ").append(problem.detail()).append('\n');
            if (problem.sealNo() != null) {
                out.append("  seal ").append(problem.sealNo()).append(" no longer verifies\n");
            }
            out.append("  ").append(count(records, "record")).append(" before it and ").append(count(seals, "seal")).append(" verified\n");
            return out.toString();
        }
        for (String signer : signers) {
            out.append("  seals signed by ").append(signer)
                    .append(signer.equals(MessageLogKeys.DEMO_SIGNER_FINGERPRINT) ? " (the DEMO key of seeds/security: not for production)" : "")
                    .append('\n');
        }
        for (String authority : authorities) {
            out.append("  time-stamped by ").append(authority).append('\n');
        }
        if (!trustGiven && seals > 0) {
            out.append("  (trusting the certificates the log carries; give --signer-certificate and --tsa-certificate to require yours)\n");
        }
        return out.toString();
    }
}
