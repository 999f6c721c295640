package org.onewindow.hub.messagelog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and its hex form, the one hash of the message log (chain, bodies, seals, fingerprints). */
final class Hashes {

    /** The hash "before the first record" and "before the first seal". */
    static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    /** The hash of a record: SHA-256 over the previous record's hash (32 bytes) and this record's canonical content. */
    static byte[] chain(byte[] previous, byte[] canonical) {
        MessageDigest digest = sha256();
        digest.update(previous);
        digest.update(canonical);
        return digest.digest();
    }
}
