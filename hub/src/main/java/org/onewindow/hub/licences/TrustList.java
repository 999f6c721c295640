package org.onewindow.hub.licences;

import org.onewindow.schemas.licences.TrustedIssuer;

import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The issuers whose e-licences the hub trusts, with their SM2 public keys decoded once. */
public final class TrustList {

    private record Entry(TrustedIssuer issuer, PublicKey key) {
    }

    private final Map<String, Entry> byCode = new TreeMap<>();

    TrustList(List<TrustedIssuer> issuers) {
        for (TrustedIssuer issuer : issuers) {
            if (byCode.put(issuer.issuerCode(), new Entry(issuer, issuer.key())) != null) {
                throw new IllegalArgumentException("the trust list names issuer " + issuer.issuerCode() + " twice");
            }
        }
    }

    public Optional<TrustedIssuer> issuer(String issuerCode) {
        return Optional.ofNullable(issuerCode == null ? null : byCode.get(issuerCode)).map(Entry::issuer);
    }

    /** The key of an issuer that may issue this type of licence; empty for anyone else. */
    public Optional<PublicKey> keyFor(String issuerCode, String licenceType) {
        return Optional.ofNullable(issuerCode == null ? null : byCode.get(issuerCode))
                .filter(entry -> entry.issuer().mayIssue(licenceType)).map(Entry::key);
    }

    public Collection<TrustedIssuer> issuers() {
        return byCode.values().stream().map(Entry::issuer).toList();
    }
}
