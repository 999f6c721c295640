package org.onewindow.schemas.identity;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a GB 11643-1999 citizen identity number and says precisely what is wrong with it, so that
 * the window clerk can tell a typo in the check character from a wrong birth date.
 */
public final class ResidentIdNumberValidator implements ConstraintValidator<ResidentIdNumber, String> {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** GB/T 2260 province-level codes, plus 83 for residence permits of Taiwan residents. */
    private static final Set<String> PROVINCE_CODES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1890, 1, 1);

    /** The fault of a number, or empty when it is valid. Usable outside Bean Validation (licence holder checks). */
    public static Optional<String> fault(String number, LocalDate today) {
        if (number.length() != 18) {
            return Optional.of("must have 18 characters, has " + number.length());
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(number.charAt(i))) {
                return Optional.of("character " + (i + 1) + " must be a digit");
            }
        }
        char last = number.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return Optional.of("the check character must be a digit or an upper-case X");
        }
        if (!PROVINCE_CODES.contains(number.substring(0, 2))) {
            return Optional.of("starts with an unknown province code " + number.substring(0, 2));
        }
        Optional<String> birthFault = birthDateFault(number.substring(6, 14), today);
        if (birthFault.isPresent()) {
            return birthFault;
        }
        char expected = checkCharacter(number);
        if (last != expected) {
            return Optional.of("has a wrong check character " + last + " (MOD 11-2 gives " + expected + ")");
        }
        return Optional.empty();
    }

    /** The MOD 11-2 check character for the first 17 digits. */
    public static char checkCharacter(String number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    private static Optional<String> birthDateFault(String yyyymmdd, LocalDate today) {
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException e) {
            return Optional.of("has an impossible birth date " + yyyymmdd);
        }
        if (birth.isAfter(today) || birth.isBefore(EARLIEST_BIRTH)) {
            return Optional.of("has a birth date " + yyyymmdd + " outside the possible range");
        }
        return Optional.empty();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return Faults.report(fault(value, LocalDate.now()), context);
    }
}
