package org.onewindow.schemas.licences;

import org.junit.jupiter.api.Test;
import org.onewindow.schemas.licences.LicenceIdentifier.Fault;
import org.onewindow.schemas.licences.LicenceIdentifier.InvalidLicenceIdentifierException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LicenceIdentifierTest {

    /** 张三's resident identity card in the demo library (seeds/licences/licences.json). */
    private static final String GOOD = "1.2.156.3005.2.11100000000000000101.11320100MB0000011N.000101.1.6";

    @Test
    void computesTheIso7064Mod3736CheckCharacterOfTheStandardsExample() {
        // the worked example of ISO/IEC 7064 for MOD 37,36
        assertThat(LicenceIdentifier.checkCharacter("A12425GABC1234002")).isEqualTo('M');
    }

    @Test
    void acceptsAKnownGoodIdentifierAndSplitsItsParts() {
        LicenceIdentifier id = LicenceIdentifier.parse(GOOD);
        assertThat(id.typeCode()).isEqualTo("11100000000000000101");
        assertThat(id.issuerCode()).isEqualTo("11320100MB0000011N");
        assertThat(id.serial()).isEqualTo("000101");
        assertThat(id.version()).isEqualTo("1");
        assertThat(id.checkCharacter()).isEqualTo('6');
        assertThat(id.toString()).isEqualTo(GOOD);
        assertThat(LicenceIdentifier.of("11100000000000000101", "11320100MB0000011N", "000101", "1").toString()).isEqualTo(GOOD);
    }

    @Test
    void theDotsDoNotCountTowardsTheCheckCharacter() {
        assertThat(LicenceIdentifier.checkCharacter(GOOD.substring(0, GOOD.length() - 2)))
                .isEqualTo(LicenceIdentifier.checkCharacter(GOOD.substring(0, GOOD.length() - 2).replace(".", "")));
    }

    @Test
    void rejectsIdentifierWithWrongCheckCharacter() {
        assertThatThrownBy(() -> LicenceIdentifier.parse(GOOD.substring(0, GOOD.length() - 1) + "7"))
                .isInstanceOfSatisfying(InvalidLicenceIdentifierException.class, e -> assertThat(e.fault()).isEqualTo(Fault.BAD_CHECK_CHARACTER))
                .hasMessage("has a wrong check character 7 (MOD 37,36 gives 6)");
    }

    @Test
    void catchesEverySingleCharacterTypo() {
        String body = GOOD.substring(0, GOOD.length() - 2);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == '.') {
                continue;
            }
            for (char c : alphabet.toCharArray()) {
                if (c != body.charAt(i)) {
                    String typo = body.substring(0, i) + c + body.substring(i + 1);
                    assertThat(LicenceIdentifier.checkCharacter(typo)).as(typo).isNotEqualTo('6');
                }
            }
        }
    }

    @Test
    void rejectsIdentifiersNotShapedLikeOne() {
        assertThat(LicenceIdentifier.fault("hello")).get().satisfies(e -> {
            assertThat(e.fault()).isEqualTo(Fault.BAD_FORMAT);
            assertThat(e.getMessage()).contains("does not start with the national e-licence prefix 1.2.156.3005.2.");
        });
        assertThat(LicenceIdentifier.fault("1.2.156.3005.2.111.11320100MB0000011N.000101.1.6")).get()
                .extracting(InvalidLicenceIdentifierException::fault).isEqualTo(Fault.BAD_FORMAT);
        assertThat(LicenceIdentifier.fault(GOOD.toLowerCase())).get()
                .extracting(InvalidLicenceIdentifierException::fault).isEqualTo(Fault.BAD_FORMAT);
        assertThat(LicenceIdentifier.fault(null)).get()
                .extracting(InvalidLicenceIdentifierException::fault).isEqualTo(Fault.BAD_FORMAT);
        // the issuer's credit code is checked too (GB 32100 check character)
        assertThat(LicenceIdentifier.fault(GOOD.replace("MB0000011N", "MB0000011P"))).get().satisfies(e -> {
            assertThat(e.fault()).isEqualTo(Fault.BAD_FORMAT);
            assertThat(e.getMessage()).startsWith("has an issuer code that has a wrong check character P");
        });
        assertThat(LicenceIdentifier.fault(GOOD)).isEmpty();
    }
}
