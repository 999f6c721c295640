package org.onewindow.hub.messagelog;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A time-stamping authority in the hub's own process (the embedded default): answers RFC 3161 requests with
 * tokens signed (SM3withSM2) by the TSA key of {@code onewindow.message-log.time-stamping.local.*}. It proves
 * when a seal existed only as far as the TSA key is kept apart from the log's database; production names an
 * external authority instead ({@code onewindow.message-log.time-stamping.url}).
 */
final class LocalTimeStampAuthority implements TimeStamper {

    /** The policy of the demo authority: an OID of the ISO/ITU-T "example" arc, not a real policy. */
    static final String DEMO_POLICY = "2.999.3161.1";

    private final TimeStampResponseGenerator responses;
    private final X509Certificate certificate;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong serials = new AtomicLong();

    LocalTimeStampAuthority(PrivateKey key, X509Certificate certificate, Clock clock) {
        this.certificate = certificate;
        this.clock = clock;
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().setProvider(Crypto.BC).build(Crypto.SIGNATURE, key, certificate),
                    new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.BC).build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(DEMO_POLICY));
            tokens.addCertificates(new JcaCertStore(List.of(certificate)));
            this.responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot set up the local time-stamping authority with certificate "
                    + certificate.getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
        serials.set(clock.millis() * 1000);
    }

    /** Answers one DER TimeStampReq with a DER TimeStampResp, as an authority on HTTP does (application/timestamp-reply). */
    byte[] respond(byte[] timeStampQuery) {
        try {
            TimeStampRequest request = new TimeStampRequest(timeStampQuery);
            // serial numbers only need to be unique per authority: start from the clock, count up
            TimeStampResponse response = responses.generateGrantedResponse(request, BigInteger.valueOf(serials.incrementAndGet()),
                    Date.from(clock.instant()));
            return response.getEncoded();
        } catch (Exception e) {
            throw new TimeStampUnavailableException("the local time-stamping authority failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] stamp(byte[] sha256) {
        try {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, random));
            TimeStampResponse response = new TimeStampResponse(respond(request.getEncoded()));
            response.validate(request);
            return response.getTimeStampToken().getEncoded();
        } catch (TimeStampUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new TimeStampUnavailableException("the local time-stamping authority failed: " + e.getMessage(), e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String describe() {
        return "local time-stamping authority " + certificate.getSubjectX500Principal().getName();
    }
}
