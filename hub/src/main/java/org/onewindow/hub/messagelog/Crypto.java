package org.onewindow.hub.messagelog;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * BouncyCastle for the message log: SM2 signatures ({@code SM3withSM2} through the JCA, the fast path STACK.md
 * measured), PEM keys and certificates. The provider is used by reference, never registered in java.security.
 */
final class Crypto {

    static final String SIGNATURE = "SM3withSM2";
    static final Provider BC = new BouncyCastleProvider();

    private Crypto() {
    }

    static PrivateKey privateKey(byte[] pem, String where) {
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            Object read = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BC);
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (read instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw new IllegalArgumentException(where + " holds no PEM private key (PKCS#8 \"PRIVATE KEY\")");
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " is not a readable PEM private key: " + e.getMessage(), e);
        }
    }

    static X509Certificate certificate(byte[] pemOrDer, String where) {
        try {
            String text = new String(pemOrDer, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN")) {
                try (PEMParser parser = new PEMParser(new StringReader(text))) {
                    Object read = parser.readObject();
                    if (read instanceof X509CertificateHolder holder) {
                        return new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
                    }
                    throw new IllegalArgumentException(where + " holds no PEM certificate");
                }
            }
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(new X509CertificateHolder(pemOrDer));
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException(where + " is not a readable X.509 certificate: " + e.getMessage(), e);
        }
    }

    static String pem(Object keyOrCertificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(keyOrCertificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** The certificate's identity in the log: hex SHA-256 of its DER. */
    static String fingerprint(X509Certificate certificate) {
        return Hashes.hex(Hashes.sha256(der(certificate)));
    }

    static byte[] sign(PrivateKey key, byte[] content) {
        try {
            Signature signer = Signature.getInstance(SIGNATURE, BC);
            signer.initSign(key);
            signer.update(content);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + SIGNATURE + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is the certificate's key's SM2 signature over {@code content}; false for anything malformed. */
    static boolean verify(X509Certificate certificate, byte[] content, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(SIGNATURE, BC);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(content);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
