package org.onewindow.schemas.licences;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class LicenceSignaturesTest {

    private static final KeyPair ISSUER = LicenceSignatures.newKeyPair();

    private static Licence unsigned() {
        return new Licence(LicenceIdentifier.of("11100000000000000201", "11320100MB0000022T", "000201", "1").toString(),
                "11100000000000000201", "business-licence", "91320102MA1XYW123R", "营业执照", "南京味道餐饮有限公司",
                "91320102MA1XYW123R", Licence.CREDIT_CODE, "南京市市场监督管理局", "11320100MB0000022T",
                LocalDate.of(2021, 3, 15), LocalDate.of(2021, 3, 15), null, LicenceStatus.VALID, null);
    }

    @Test
    void signedLicenceVerifiesWithTheIssuersPublicKey() {
        Licence signed = LicenceSignatures.sign(unsigned(), ISSUER.getPrivate());
        assertThat(LicenceSignatures.verify(signed, ISSUER.getPublic())).isTrue();
        // through the encoded key, as the trust list carries it
        assertThat(LicenceSignatures.verify(signed, LicenceSignatures.publicKey(LicenceSignatures.encode(ISSUER.getPublic())))).isTrue();
    }

    @Test
    void oneChangedByteInAnyFieldFailsVerification() {
        Licence signed = LicenceSignatures.sign(unsigned(), ISSUER.getPrivate());
        assertThat(LicenceSignatures.verify(new Licence(signed.identifier(), signed.typeCode(), signed.licenceType(),
                signed.number(), signed.name(), "南京味道餐饮有限公司", "91320102MA1XYW123R", signed.holderIdType(), signed.issuer(),
                signed.issuerCode(), signed.issueDate(), signed.validFrom(), LocalDate.of(2099, 1, 1), signed.status(),
                signed.signature()), ISSUER.getPublic())).as("validTo added").isFalse();
        assertThat(LicenceSignatures.verify(signed.withStatus(LicenceStatus.REVOKED), ISSUER.getPublic())).as("status").isFalse();
        Licence renamed = new Licence(signed.identifier(), signed.typeCode(), signed.licenceType(), signed.number(), signed.name(),
                "南京昧道餐饮有限公司", signed.holderId(), signed.holderIdType(), signed.issuer(), signed.issuerCode(),
                signed.issueDate(), signed.validFrom(), signed.validTo(), signed.status(), signed.signature());
        assertThat(LicenceSignatures.verify(renamed, ISSUER.getPublic())).as("holder name").isFalse();

        byte[] signature = Base64.getDecoder().decode(signed.signature());
        signature[signature.length - 1] ^= 0x01;
        assertThat(LicenceSignatures.verify(signed.withSignature(Base64.getEncoder().encodeToString(signature)), ISSUER.getPublic()))
                .as("signature byte").isFalse();
    }

    @Test
    void anotherIssuersKeyOrGarbageDoesNotVerify() {
        Licence signed = LicenceSignatures.sign(unsigned(), ISSUER.getPrivate());
        assertThat(LicenceSignatures.verify(signed, LicenceSignatures.newKeyPair().getPublic())).isFalse();
        assertThat(LicenceSignatures.verify(signed.withSignature("not base64!"), ISSUER.getPublic())).isFalse();
        assertThat(LicenceSignatures.verify(signed.withSignature("AAAA"), ISSUER.getPublic())).isFalse();
        assertThat(LicenceSignatures.verify(signed.withSignature(null), ISSUER.getPublic())).isFalse();
    }

    @Test
    void canonicalFormIsFixedTextOfEveryFieldButTheSignature() {
        Licence licence = unsigned();
        String text = new String(LicenceCanonicalForm.of(licence), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("""
                onewindow-e-licence-v1
                identifier="%s"
                typeCode="11100000000000000201"
                licenceType="business-licence"
                number="91320102MA1XYW123R"
                name="营业执照"
                holderName="南京味道餐饮有限公司"
                holderId="91320102MA1XYW123R"
                holderIdType="001"
                issuer="南京市市场监督管理局"
                issuerCode="11320100MB0000022T"
                issueDate="2021-03-15"
                validFrom="2021-03-15"
                validTo=null
                status="VALID"
                """.formatted(licence.identifier()));
        assertThat(LicenceCanonicalForm.of(licence.withSignature("x"))).isEqualTo(LicenceCanonicalForm.of(licence));
        Licence quoted = new Licence(licence.identifier(), licence.typeCode(), licence.licenceType(), "a\"b\\c\nd", licence.name(),
                licence.holderName(), licence.holderId(), licence.holderIdType(), licence.issuer(), licence.issuerCode(),
                licence.issueDate(), licence.validFrom(), licence.validTo(), licence.status(), null);
        assertThat(new String(LicenceCanonicalForm.of(quoted), StandardCharsets.UTF_8)).contains("number=\"a\\\"b\\\\c\\u000ad\"\n");
    }
}
