package org.onewindow.hub.messagelog;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;

/**
 * Writes the DEMO keys of the message log into seeds/security (run it with seeds/security/regenerate): the SM2 key
 * that signs seals with its self-signed certificate, and the local time-stamping authority's SM2 key with a
 * certificate for time-stamping only (extended key usage id-kp-timeStamping, critical, as RFC 3161 requires).
 * Existing files are kept unless {@code --new-keys} is given, so a rerun changes nothing. These keys are public:
 * never use them outside a demo (the production guard refuses {@link MessageLogKeys#DEMO_SIGNER_FINGERPRINT}).
 */
public final class DemoKeys {

    static final String SIGNING_KEY = "message-log-signing-key.pem", SIGNING_CERTIFICATE = "message-log-signing-certificate.pem";
    static final String TSA_KEY = "tsa-key.pem", TSA_CERTIFICATE = "tsa-certificate.pem";

    private DemoKeys() {
    }

    public static void main(String[] args) throws Exception {
        boolean newKeys = java.util.Arrays.asList(args).contains("--new-keys");
        Path folder = Path.of(java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElse("seeds/security"));
        Files.createDirectories(folder);
        if (newKeys || !Files.exists(folder.resolve(SIGNING_KEY))) {
            write(folder, SIGNING_KEY, SIGNING_CERTIFICATE, "CN=OneWindow Hub message log signer (DEMO),O=OneWindow Hub demo,C=CN", false);
        }
        if (newKeys || !Files.exists(folder.resolve(TSA_KEY))) {
            write(folder, TSA_KEY, TSA_CERTIFICATE, "CN=OneWindow Hub demo time-stamping authority (DEMO),O=OneWindow Hub demo,C=CN", true);
        }
        for (String certificate : new String[]{SIGNING_CERTIFICATE, TSA_CERTIFICATE}) {
            X509Certificate read = Crypto.certificate(Files.readAllBytes(folder.resolve(certificate)), certificate);
            System.out.println(certificate + "  SHA-256 " + Crypto.fingerprint(read) + "  " + read.getSubjectX500Principal().getName());
        }
    }

    private static void write(Path folder, String keyFile, String certificateFile, String subject, boolean timeStamping) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.BC);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name(subject);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                Date.from(from), Date.from(Instant.parse("2046-01-01T00:00:00Z")), name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (timeStamping) {
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        }
        X509Certificate certificate = Crypto.certificate(builder.build(new JcaContentSignerBuilder(Crypto.SIGNATURE)
                .setProvider(Crypto.BC).build(pair.getPrivate())).getEncoded(), subject);
        StringWriter key = new StringWriter();
        try (org.bouncycastle.openssl.jcajce.JcaPEMWriter pem = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(key)) {
            pem.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null));
        }
        Files.writeString(folder.resolve(keyFile), key.toString(), StandardCharsets.US_ASCII);
        Files.writeString(folder.resolve(certificateFile), Crypto.pem(certificate), StandardCharsets.US_ASCII);
    }
}
