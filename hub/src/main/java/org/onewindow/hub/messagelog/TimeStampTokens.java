package org.onewindow.hub.messagelog;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** Reading and checking RFC 3161 time-stamp tokens with BouncyCastle's TSP classes. */
final class TimeStampTokens {

    private TimeStampTokens() {
    }

    static TimeStampToken parse(byte[] token) {
        try {
            return new TimeStampToken(new CMSSignedData(token));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an RFC 3161 time-stamp token: " + e.getMessage(), e);
        }
    }

    static Instant genTime(byte[] token) {
        return parse(token).getTimeStampInfo().getGenTime().toInstant();
    }

    /** The certificate the token carries for its signer, if it carries one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Optional<X509Certificate> signerCertificate(byte[] token) {
        TimeStampToken parsed = parse(token);
        Collection<X509CertificateHolder> matches = parsed.getCertificates().getMatches((Selector) parsed.getSID());
        return matches.stream().findFirst().map(holder -> {
            try {
                return Crypto.certificate(holder.getEncoded(), "the time-stamp token's certificate");
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    /**
     * Checks the token: signed by one of the trusted authorities (its signature, its signing-certificate attribute,
     * the certificate's time-stamping purpose and validity at the time stamped), over exactly this SHA-256 digest.
     *
     * @return the time stamped
     * @throws IllegalArgumentException naming what does not hold
     */
    static Instant verify(byte[] token, byte[] sha256, Collection<X509Certificate> trusted) {
        TimeStampToken parsed = parse(token);
        if (!parsed.getTimeStampInfo().getMessageImprintAlgOID().equals(NISTObjectIdentifiers.id_sha256)) {
            throw new IllegalArgumentException("the time-stamp is not over a SHA-256 digest");
        }
        if (!MessageDigest.isEqual(parsed.getTimeStampInfo().getMessageImprintDigest(), sha256)) {
            throw new IllegalArgumentException("the time-stamp is over another digest than this seal's signature");
        }
        X509Certificate authority = trusted.stream().filter(c -> matches(parsed, c)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the time-stamp is signed by " + parsed.getSID().getIssuer()
                        + " serial " + parsed.getSID().getSerialNumber() + ", not by a trusted time-stamping authority"));
        try {
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.BC).build(authority));
        } catch (TSPException | OperatorCreationException e) {
            throw new IllegalArgumentException("the time-stamp's signature does not verify: " + e.getMessage(), e);
        }
        return parsed.getTimeStampInfo().getGenTime().toInstant();
    }

    private static boolean matches(TimeStampToken token, X509Certificate certificate) {
        try {
            return token.getSID().match(new JcaX509CertificateHolder(certificate));
        } catch (CertificateEncodingException e) {
            return false;
        }
    }
}
