package org.onewindow.hub.messagelog;

import java.time.Instant;

/**
 * One row of message_log_seals: the hashes of records {@code firstSeq..lastSeq}, signed and time-stamped.
 *
 * @param recordHashes    the 32-byte hashes of the sealed records, in order
 * @param sealHash        hex SHA-256 of {@link #canonical()}, which the next seal names
 * @param signer          hex SHA-256 of the signing certificate's DER
 * @param signature       SM3withSM2 over {@link #canonical()}, DER
 * @param timeStampToken  an RFC 3161 TimeStampToken (CMS SignedData, DER) over SHA-256 of the signature
 * @param timeStampedAt   the token's genTime, for reading; the token is what counts
 */
record MessageLogSeal(long sealNo, long firstSeq, long lastSeq, Instant sealedAt, String previousSealHash, byte[] recordHashes,
                      String sealHash, String signer, byte[] signature, byte[] timeStampToken, Instant timeStampedAt) {

    static final String FORMAT = "onewindow-message-log-seal/1";

    /** What is signed: the seal's number, range, time, the previous seal's hash, the records' hashes (by their SHA-256) and the signer. */
    byte[] canonical() {
        return new Canonical(FORMAT).number(sealNo).number(firstSeq).number(lastSeq).instant(sealedAt).text(previousSealHash)
                .bytes(Hashes.sha256(recordHashes)).text(signer).toBytes();
    }

    long records() {
        return lastSeq - firstSeq + 1;
    }

    boolean covers(long seq) {
        return seq >= firstSeq && seq <= lastSeq;
    }

    /** The sealed hash of record {@code seq}, which this seal covers. */
    byte[] hashOf(long seq) {
        int offset = Math.toIntExact((seq - firstSeq) * 32);
        byte[] hash = new byte[32];
        System.arraycopy(recordHashes, offset, hash, 0, 32);
        return hash;
    }

    boolean manifestMatchesRange() {
        return lastSeq >= firstSeq && recordHashes != null && recordHashes.length == records() * 32;
    }
}
