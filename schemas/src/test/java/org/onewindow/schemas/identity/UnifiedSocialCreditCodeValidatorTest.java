package org.onewindow.schemas.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UnifiedSocialCreditCodeValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"91110000600037341L", "91320102MA1XYW123R", "92330106MA2ABCDE4N"})
    void acceptsValidCodes(String code) {
        assertThat(UnifiedSocialCreditCodeValidator.fault(code)).isEmpty();
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertThat(UnifiedSocialCreditCodeValidator.fault("91110000600037341M"))
                .hasValue("has a wrong check character M (MOD 31 gives L)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "91110000600037341I | character 18 'I' is not allowed",
            "9111000060003734OL | character 17 'O' is not allowed",
            "911100006000373S1L | character 16 'S' is not allowed",
            "91A10000600037341L | characters 3 to 8 must be the digits",
            "9111000060003734   | must have 18 characters, has 16",
            "91110000600037341l | character 18 'l' is not allowed"
    })
    void rejectsCharactersOutsideTheAlphabet(String code, String reason) {
        assertThat(UnifiedSocialCreditCodeValidator.fault(code)).hasValueSatisfying(f -> assertThat(f).contains(reason));
    }
}
