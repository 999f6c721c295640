package org.onewindow.schemas.licences;

import java.security.PublicKey;
import java.util.List;

/**
 * An authority whose e-licences the hub trusts (an entry of the trust list, 信任列表).
 *
 * @param issuerCode   the authority's unified social credit code, as in {@link Licence#issuerCode()}
 * @param name         its name
 * @param publicKey    its SM2 public key, base64 of the DER X.509 SubjectPublicKeyInfo
 * @param licenceTypes the catalogue codes of the licence types it may issue
 */
public record TrustedIssuer(String issuerCode, String name, String publicKey, List<String> licenceTypes) {

    public TrustedIssuer {
        licenceTypes = licenceTypes == null ? List.of() : List.copyOf(licenceTypes);
    }

    public PublicKey key() {
        return LicenceSignatures.publicKey(publicKey);
    }

    public boolean mayIssue(String licenceType) {
        return licenceTypes.contains(licenceType);
    }
}
