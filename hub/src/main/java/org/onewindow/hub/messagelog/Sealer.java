package org.onewindow.hub.messagelog;

import java.time.Instant;

/** Makes a seal: signs its canonical content with the hub's SM2 key and has the signature time-stamped. */
final class Sealer {

    private final SealSigner signer;
    private final TimeStamper timeStamper;

    Sealer(SealSigner signer, TimeStamper timeStamper) {
        this.signer = signer;
        this.timeStamper = timeStamper;
    }

    /**
     * @param recordHashes the 32-byte hashes of records firstSeq..lastSeq, in order
     * @throws TimeStamper.TimeStampUnavailableException when the time-stamping authority does not answer: nothing is sealed
     */
    MessageLogSeal seal(long sealNo, long firstSeq, long lastSeq, Instant sealedAt, String previousSealHash, byte[] recordHashes) {
        MessageLogSeal unsigned = new MessageLogSeal(sealNo, firstSeq, lastSeq, Canonical.truncate(sealedAt), previousSealHash,
                recordHashes, null, signer.fingerprint(), null, null, null);
        byte[] content = unsigned.canonical();
        byte[] signature = signer.sign(content);
        byte[] token = timeStamper.stamp(Hashes.sha256(signature));
        return new MessageLogSeal(sealNo, firstSeq, lastSeq, unsigned.sealedAt(), previousSealHash, recordHashes,
                Hashes.hex(Hashes.sha256(content)), signer.fingerprint(), signature, token,
                Canonical.truncate(TimeStampTokens.genTime(token)));
    }

    SealSigner signer() {
        return signer;
    }

    TimeStamper timeStamper() {
        return timeStamper;
    }
}
