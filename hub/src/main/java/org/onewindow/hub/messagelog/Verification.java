package org.onewindow.hub.messagelog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What verifying a message log found: each chain verified on its own (one per hub), and the totals.
 *
 * @param chains      every chain verified, in order of name
 * @param signers     fingerprints of the keys whose seals verified
 * @param authorities subjects of the time-stamping authorities whose tokens verified
 */
record Verification(String source, List<Chain> chains, List<String> signers, List<String> authorities, boolean trustGiven) {

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
     * One chain's result.
     *
     * @param records  records that verified before the first problem (all of them when ok)
     * @param seals    seals that verified
     * @param unsealed verified records after the last seal: hash-chained, not yet signed
     * @param problem  the first record or seal of the chain that fails, null when ok
     */
    record Chain(String name, long records, long seals, Long firstSeq, Long lastSeq, Instant firstLoggedAt, Instant lastLoggedAt,
                 long unsealed, Problem problem) {

        boolean ok() {
            return problem == null;
        }
    }

    /**
     * @param chain    the chain it is in
     * @param position the record's sequence number (its position in its chain)
     * @param sealNo   the seal of the chain that covers it, if any
     */
    record Problem(String chain, long position, Kind kind, Long sealNo, String detail) {
    }

    /** True when every chain verifies. */
    boolean ok() {
        return chains.stream().allMatch(Chain::ok);
    }

    long records() {
        return chains.stream().mapToLong(Chain::records).sum();
    }

    long seals() {
        return chains.stream().mapToLong(Chain::seals).sum();
    }

    long unsealed() {
        return chains.stream().mapToLong(Chain::unsealed).sum();
    }

    /** The first problem of the first chain (in order of name) that fails; null when every chain verifies. */
    Problem problem() {
        return chains.stream().map(Chain::problem).filter(Objects::nonNull).findFirst().orElse(null);
    }

    Optional<Chain> chain(String name) {
        return chains.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The first position verified, when there is one chain (positions of several chains do not compare). */
    Long firstSeq() {
        return chains.size() == 1 ? chains.get(0).firstSeq() : null;
    }

    /** The last position verified, when there is one chain. */
    Long lastSeq() {
        return chains.size() == 1 ? chains.get(0).lastSeq() : null;
    }

    Instant firstLoggedAt() {
        return chains.stream().map(Chain::firstLoggedAt).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    Instant lastLoggedAt() {
        return chains.stream().map(Chain::lastLoggedAt).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The lines the verify command prints: the verdict, then each chain, then who signed and time-stamped. */
    String summary() {
        StringBuilder out = new StringBuilder();
        long failed = chains.stream().filter(c -> !c.ok()).count();
        out.append(ok() ? "OK: " : "FAILED: ").append(source);
        if (chains.size() > 1 || failed > 0) {
            out.append(" (").append(count(chains.size(), "chain")).append(failed == 0 ? "" : ", " + failed + " failing").append(')');
        }
        out.append('\n');
        if (chains.isEmpty()) {
            out.append("  no records and no seals\n");
        }
        for (Chain chain : chains) {
            out.append("  chain ").append(chain.name()).append(": ");
            if (chain.ok()) {
                out.append(String.format("%s%s, %s%n", count(chain.records(), "record"),
                        chain.records() == 0 ? "" : " (positions " + chain.firstSeq() + "–" + chain.lastSeq() + ")", count(chain.seals(), "seal")));
                if (chain.records() > 0) {
                    out.append("    logged ").append(chain.firstLoggedAt()).append(" – ").append(chain.lastLoggedAt()).append('\n');
                }
                if (chain.unsealed() > 0) {
                    out.append("    ").append(count(chain.unsealed(), "record")).append(" after the last seal: hash-chained, not yet sealed\n");
                }
            } else {
                Problem problem = chain.problem();
                out.append("FAILED\n");
                out.append("    record ").append(problem.position()).append(": ").append(problem.kind().name().toLowerCase())
                        .append(" — ").append(problem.detail()).append('\n');
                if (problem.sealNo() != null) {
                    out.append("    seal ").append(problem.sealNo()).append(" no longer verifies\n");
                }
                out.append("    ").append(count(chain.records(), "record")).append(" before it and ").append(count(chain.seals(), "seal"))
                        .append(" verified\n");
            }
        }
        for (String signer : signers) {
            out.append("  seals signed by ").append(signer)
                    .append(signer.equals(MessageLogKeys.DEMO_SIGNER_FINGERPRINT) ? " (the DEMO key of seeds/security: not for production)" : "")
                    .append('\n');
        }
        for (String authority : authorities) {
            out.append("  time-stamped by ").append(authority).append('\n');
        }
        if (!trustGiven && seals() > 0) {
            out.append("  (trusting the certificates the log carries; give --signer-certificate and --tsa-certificate to require yours)\n");
        }
        return out.toString();
    }
}
