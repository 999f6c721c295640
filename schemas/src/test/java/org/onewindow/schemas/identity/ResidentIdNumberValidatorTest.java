package org.onewindow.schemas.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ResidentIdNumberValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void acceptsNumberWithCheckCharacterX() {
        assertThat(ResidentIdNumberValidator.fault("11010519491231002X", TODAY)).isEmpty();
    }

    @Test
    void computesTheMod11CheckCharacter() {
        assertThat(ResidentIdNumberValidator.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumberValidator.checkCharacter("32010219800101123")).isEqualTo('8');
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "110105194912310021 | has a wrong check character 1 (MOD 11-2 gives X)",
            "11010519491231002x | the check character must be a digit or an upper-case X",
            "1101051949123100   | must have 18 characters, has 16",
            "11010519491331002X | has an impossible birth date 19491331",
            "11010520270101002X | outside the possible range",
            "99010519491231002X | unknown province code 99",
            "1101051949123A002X | character 14 must be a digit"
    })
    void rejectsWithAPreciseReason(String number, String reason) {
        assertThat(ResidentIdNumberValidator.fault(number, TODAY)).hasValueSatisfying(f -> assertThat(f).contains(reason));
    }
}
