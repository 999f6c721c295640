package org.onewindow.schemas.identity;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.Optional;

/** Checks a GB 32100-2015 unified social credit code and names what is wrong with it. */
public final class UnifiedSocialCreditCodeValidator implements ConstraintValidator<UnifiedSocialCreditCode, String> {

    /** The 31 characters GB 32100 allows, in the order of their values 0..30. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public static Optional<String> fault(String code) {
        if (code.length() != 18) {
            return Optional.of("must have 18 characters, has " + code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("character " + (i + 1) + " '" + code.charAt(i)
                        + "' is not allowed (allowed: digits and upper-case letters except I, O, S, V, Z)");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of("characters 3 to 8 must be the digits of an administrative division code");
            }
        }
        char expected = checkCharacter(code);
        if (code.charAt(17) != expected) {
            return Optional.of("has a wrong check character " + code.charAt(17) + " (MOD 31 gives " + expected + ")");
        }
        return Optional.empty();
    }

    /** The MOD 31 check character for the first 17 characters. */
    public static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || Faults.report(fault(value), context);
    }
}
