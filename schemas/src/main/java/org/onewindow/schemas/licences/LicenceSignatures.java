package org.onewindow.schemas.licences;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * SM2 signatures of e-licences: {@code SM3withSM2} through BouncyCastle's JCA provider (its optimised
 * sm2p256v1 curve; the default signer ID {@code 1234567812345678}), over {@link LicenceCanonicalForm}.
 * Keys travel as base64 DER: public keys as X.509 SubjectPublicKeyInfo, private keys as PKCS#8.
 * SM2 signatures are randomised: signing the same licence twice gives two different, equally valid signatures.
 */
public final class LicenceSignatures {

    public static final String ALGORITHM = "SM3withSM2";
    /** Not registered in java.security: the hub uses it only by reference. */
    private static final Provider BC = new BouncyCastleProvider();

    private LicenceSignatures() {
    }

    /** The licence with its signature: base64 DER of the issuer's SM2 signature over every other field. */
    public static Licence sign(Licence licence, PrivateKey issuerKey) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM, BC);
            signer.initSign(issuerKey, new SecureRandom());
            signer.update(LicenceCanonicalForm.of(licence));
            return licence.withSignature(Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign licence " + licence.identifier(), e);
        }
    }

    /** Whether the licence's signature is the issuer's over its other fields; false for anything malformed. */
    public static boolean verify(Licence licence, PublicKey issuerKey) {
        if (licence.signature() == null) {
            return false;
        }
        try {
            byte[] signature = Base64.getDecoder().decode(licence.signature());
            Signature verifier = Signature.getInstance(ALGORITHM, BC);
            verifier.initVerify(issuerKey);
            verifier.update(LicenceCanonicalForm.of(licence));
            return verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false; // not base64, not DER, not a signature of this key
        }
    }

    /** A new SM2 key pair (curve sm2p256v1). */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an SM2 key pair", e);
        }
    }

    public static PublicKey publicKey(String base64Der) {
        try {
            return KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64Der)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a base64 DER SM2 public key: " + e.getMessage(), e);
        }
    }

    public static PrivateKey privateKey(String base64Der) {
        try {
            return KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Der)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 SM2 private key: " + e.getMessage(), e);
        }
    }

    /** base64 of the key's standard encoding (X.509 for public, PKCS#8 for private keys). */
    public static String encode(java.security.Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
