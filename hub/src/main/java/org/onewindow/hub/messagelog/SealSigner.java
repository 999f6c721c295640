package org.onewindow.hub.messagelog;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * The hub's SM2 key that signs the seals, with its certificate (which travels in exports and the
 * message_log_certificates table, so a verifier can check seals without the hub).
 */
final class SealSigner {

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String fingerprint;

    SealSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
        this.fingerprint = Crypto.fingerprint(certificate);
        // a key that does not match its certificate would make every seal fail verification: refuse it at once
        byte[] probe = "onewindow message log key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!Crypto.verify(certificate, probe, Crypto.sign(key, probe))) {
            throw new IllegalArgumentException("the message log's signing key does not belong to its certificate "
                    + certificate.getSubjectX500Principal());
        }
    }

    byte[] sign(byte[] content) {
        return Crypto.sign(key, content);
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** Hex SHA-256 of the certificate's DER: the seals' {@code signer}. */
    String fingerprint() {
        return fingerprint;
    }
}
