package org.onewindow.hub.messagelog;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Verifies a message log without the hub, each chain (one per hub) on its own: walks the chain's records in order,
 * recomputes every record's hash from the one before and its content, compares it with the hash its seal signed, and
 * checks every seal (its place in the chain's seals, its SM2 signature, its RFC 3161 time-stamp). Stops a chain at its
 * first record or seal that fails and names it, and goes on with the next chain. Plain Java (no Spring), so the
 * command is quick and an archive verifies anywhere.
 */
final class MessageLogVerifier {

    private final Collection<X509Certificate> trustedSigners;
    private final Collection<X509Certificate> trustedAuthorities;

    /**
     * @param trustedSigners     the only signing certificates to accept; null: those the log carries
     * @param trustedAuthorities the only time-stamping authorities to accept; null: those the log carries
     */
    MessageLogVerifier(Collection<X509Certificate> trustedSigners, Collection<X509Certificate> trustedAuthorities) {
        this.trustedSigners = trustedSigners;
        this.trustedAuthorities = trustedAuthorities;
    }

    /** Verifies every chain of the log. */
    Verification verify(LogSource source) {
        return verify(source, source.chains());
    }

    /**
     * Verifies one chain of the log.
     *
     * @throws UnknownChainException when the log holds no such chain (naming those it holds)
     */
    Verification verify(LogSource source, String chain) {
        List<String> chains = source.chains();
        if (!chains.contains(chain)) {
            throw new UnknownChainException("the message log of " + source.describe() + " has no chain " + chain
                    + (chains.isEmpty() ? " (it has none)" : " (its chains: " + String.join(", ", chains) + ")"));
        }
        return verify(source, List.of(chain));
    }

    /** A chain was named that the log does not hold. */
    static final class UnknownChainException extends IllegalArgumentException {
        UnknownChainException(String message) {
            super(message);
        }
    }

    private Verification verify(LogSource source, List<String> chains) {
        Collection<X509Certificate> signing = trustedSigners != null ? trustedSigners : source.certificates(MessageLogStore.SIGNER);
        Map<String, X509Certificate> signers = signing.stream().collect(Collectors.toMap(Crypto::fingerprint, Function.identity(), (a, b) -> a));
        Collection<X509Certificate> authorities = trustedAuthorities != null ? trustedAuthorities : source.certificates(MessageLogStore.TSA);
        Set<String> signersSeen = new LinkedHashSet<>();
        Set<String> authoritiesSeen = new LinkedHashSet<>();
        List<Verification.Chain> results = new ArrayList<>();
        for (String chain : chains) {
            results.add(new Walk(source, chain, signers, authorities, signersSeen, authoritiesSeen).run());
        }
        return new Verification(source.describe(), List.copyOf(results), List.copyOf(signersSeen), List.copyOf(authoritiesSeen),
                trustedSigners != null && trustedAuthorities != null);
    }

    /** One walk through one chain of a log. */
    private static final class Walk {
        private final String chain;
        private final LogSource source;
        private final Map<String, X509Certificate> signers;
        private final Collection<X509Certificate> authorities;
        private final Iterator<MessageLogSeal> sealsLeft;
        private final Set<String> signersSeen;
        private final Set<String> authoritiesSeen;

        private byte[] previousHash;
        private long expected;
        private long expectedSealNo;
        private String previousSealHash;
        private MessageLogSeal seal;
        private byte[] hashBeforeSeal;
        private long records, seals, unsealed;
        private Long firstSeq, lastSeq;
        private Instant firstAt, lastAt;

        Walk(LogSource source, String chain, Map<String, X509Certificate> signers, Collection<X509Certificate> authorities,
             Set<String> signersSeen, Set<String> authoritiesSeen) {
            this.chain = chain;
            this.source = source;
            this.signers = signers;
            this.authorities = authorities;
            this.signersSeen = signersSeen;
            this.authoritiesSeen = authoritiesSeen;
            this.sealsLeft = source.seals(chain);
            LogSource.Anchor anchor = source.anchor(chain);
            this.previousHash = Hashes.unhex(anchor.previousRecordHash());
            this.expected = anchor.firstSeq();
            this.expectedSealNo = anchor.firstSealNo();
            this.previousSealHash = anchor.previousSealHash();
        }

        Verification.Chain run() {
            Verification.Problem problem = nextSeal();
            Iterator<MessageLogRecord> all = source.records(chain);
            while (problem == null && all.hasNext()) {
                problem = check(all.next());
            }
            if (problem == null && seal != null) {
                problem = problem(expected, Verification.Kind.REMOVED, seal.sealNo(), "seal " + seal.sealNo()
                        + " covers records " + seal.firstSeq() + "–" + seal.lastSeq() + ", but the chain ends before record " + expected);
            }
            return new Verification.Chain(chain, records, seals, firstSeq, lastSeq, firstAt, lastAt, unsealed, problem);
        }

        private Verification.Problem problem(long position, Verification.Kind kind, Long sealNo, String detail) {
            return new Verification.Problem(chain, position, kind, sealNo, detail);
        }

        private Verification.Problem check(MessageLogRecord record) {
            if (record.seq() != expected) {
                return problem(expected, Verification.Kind.REMOVED, sealNoCovering(expected), record.seq() > expected
                        ? "record " + expected + " is missing: after record " + (expected - 1) + " comes record " + record.seq()
                        : "record " + record.seq() + " appears again after record " + (expected - 1));
            }
            Long sealNo = sealNoCovering(record.seq());
            String bodies = bodiesMatch(record);
            if (bodies != null) {
                return problem(record.seq(), Verification.Kind.ALTERED, sealNo, bodies);
            }
            byte[] hash = Hashes.chain(previousHash, record.canonical());
            if (sealNo != null) {
                byte[] sealed = seal.hashOf(record.seq());
                if (!MessageDigest.isEqual(hash, sealed)) {
                    return moved(record);
                }
                if (!Hashes.hex(sealed).equals(record.recordHash())) {
                    return problem(record.seq(), Verification.Kind.ALTERED, sealNo,
                            "its stored record_hash was changed (its content still matches seal " + sealNo + ")");
                }
            } else if (!Hashes.hex(hash).equals(record.recordHash())) {
                return problem(record.seq(), Verification.Kind.ALTERED, null, "its content does not match its hash "
                        + "in the chain (it is after the last seal, so only the chain protects it)");
            } else {
                unsealed++;
            }
            previousHash = hash;
            records++;
            if (firstSeq == null) {
                firstSeq = record.seq();
                firstAt = record.loggedAt();
            }
            lastSeq = record.seq();
            firstAt = firstAt.isAfter(record.loggedAt()) ? record.loggedAt() : firstAt;
            lastAt = lastAt == null || lastAt.isBefore(record.loggedAt()) ? record.loggedAt() : lastAt;
            expected++;
            if (sealNo != null && record.seq() == seal.lastSeq()) {
                seals++;
                previousSealHash = seal.sealHash();
                expectedSealNo = seal.sealNo() + 1;
                return nextSeal();
            }
            return null;
        }

        /**
         * A record whose recomputed hash is not the sealed one: moved here from another position of the same seal (its
         * stored hash, or its content hashed at that position, is what the seal holds there), or altered.
         */
        private Verification.Problem moved(MessageLogRecord record) {
            byte[] stored = record.recordHash() == null || record.recordHash().length() != 64 ? null : Hashes.unhex(record.recordHash());
            for (long other = seal.firstSeq(); other <= seal.lastSeq(); other++) {
                if (other == record.seq()) {
                    continue;
                }
                byte[] sealedThere = seal.hashOf(other);
                byte[] before = other == seal.firstSeq() ? hashBeforeSeal : seal.hashOf(other - 1);
                if ((stored != null && MessageDigest.isEqual(stored, sealedThere))
                        || MessageDigest.isEqual(Hashes.chain(before, record.at(other).canonical()), sealedThere)) {
                    return problem(record.seq(), Verification.Kind.REORDERED, seal.sealNo(),
                            "it holds the record sealed at position " + other + " (seal " + seal.sealNo() + ", records "
                                    + seal.firstSeq() + "–" + seal.lastSeq() + ")");
                }
            }
            return problem(record.seq(), Verification.Kind.ALTERED, seal.sealNo(), "its content no longer matches "
                    + "the hash sealed in seal " + seal.sealNo() + " (records " + seal.firstSeq() + "–" + seal.lastSeq() + ")");
        }

        private Long sealNoCovering(long seq) {
            return seal != null && seal.covers(seq) ? seal.sealNo() : null;
        }

        /** Takes the next seal and checks it; a problem is named at the first record it should cover. */
        private Verification.Problem nextSeal() {
            seal = sealsLeft.hasNext() ? sealsLeft.next() : null;
            hashBeforeSeal = previousHash;
            if (seal == null) {
                return null;
            }
            String fails = sealFails(seal);
            return fails == null ? null : problem(expected, Verification.Kind.SEAL, seal.sealNo(), fails);
        }

        private String sealFails(MessageLogSeal s) {
            if (s.sealNo() != expectedSealNo) {
                return "seal " + expectedSealNo + " is missing: after seal " + (expectedSealNo - 1) + " comes seal " + s.sealNo();
            }
            if (!s.previousSealHash().equals(previousSealHash)) {
                return "seal " + s.sealNo() + " does not name the seal before it (previous_seal_hash differs)";
            }
            if (s.firstSeq() != expected) {
                return "seal " + s.sealNo() + " starts at record " + s.firstSeq() + " where record " + expected + " was due";
            }
            if (!s.manifestMatchesRange()) {
                return "seal " + s.sealNo() + " holds " + (s.recordHashes() == null ? 0 : s.recordHashes().length / 32)
                        + " record hashes for records " + s.firstSeq() + "–" + s.lastSeq();
            }
            byte[] content = s.canonical();
            if (!Hashes.hex(Hashes.sha256(content)).equals(s.sealHash())) {
                return "seal " + s.sealNo() + "'s hash does not match its content";
            }
            X509Certificate signer = signers.get(s.signer());
            if (signer == null) {
                return "seal " + s.sealNo() + " is signed by key " + s.signer() + ", which is not trusted";
            }
            if (s.signature() == null || !Crypto.verify(signer, content, s.signature())) {
                return "seal " + s.sealNo() + "'s SM2 signature does not verify with " + signer.getSubjectX500Principal().getName();
            }
            try {
                TimeStampTokens.verify(s.timeStampToken(), Hashes.sha256(s.signature()), authorities);
            } catch (IllegalArgumentException e) {
                return "seal " + s.sealNo() + "'s time-stamp fails: " + e.getMessage();
            }
            signersSeen.add(s.signer());
            TimeStampTokens.signerCertificate(s.timeStampToken())
                    .ifPresent(c -> authoritiesSeen.add(c.getSubjectX500Principal().getName()));
            return null;
        }

        private static String bodiesMatch(MessageLogRecord record) {
            if (record.requestBody() != null && !Hashes.hex(Hashes.sha256(record.requestBody())).equals(record.requestSha256())) {
                return "its kept request body no longer matches the request's SHA-256";
            }
            if (record.responseBody() != null && !Hashes.hex(Hashes.sha256(record.responseBody())).equals(record.responseSha256())) {
                return "its kept response body no longer matches the response's SHA-256";
            }
            return null;
        }
    }

    static List<X509Certificate> certificates(Collection<byte[]> ders) {
        List<X509Certificate> certificates = new ArrayList<>();
        ders.forEach(der -> certificates.add(Crypto.certificate(der, "a certificate of the log")));
        return certificates;
    }
}
