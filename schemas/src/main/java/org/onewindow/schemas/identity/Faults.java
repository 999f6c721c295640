package org.onewindow.schemas.identity;

import jakarta.validation.ConstraintValidatorContext;

import java.util.Optional;

/** Turns a precise fault description into the constraint violation's message. */
final class Faults {
    private Faults() {
    }

    static boolean report(Optional<String> fault, ConstraintValidatorContext context) {
        if (fault.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // escape EL/message-interpolation delimiters: the fault quotes user input
        String message = fault.get().replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
