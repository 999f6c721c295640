package org.onewindow.schemas.cases;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A person needs {@code idNumber}; a company needs {@code creditCode}. The fault names the missing field. */
@Documented
@Constraint(validatedBy = IdentifiedApplicant.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface IdentifiedApplicant {
    String message() default "is required for this kind of applicant";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<IdentifiedApplicant, Applicant> {
        @Override
        public boolean isValid(Applicant applicant, ConstraintValidatorContext context) {
            if (applicant.kind() == null) {
                return true; // @NotNull on kind reports it
            }
            String missing = switch (applicant.kind()) {
                case PERSON -> isBlank(applicant.idNumber()) ? "idNumber" : null;
                case COMPANY -> isBlank(applicant.creditCode()) ? "creditCode" : null;
            };
            if (missing == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("is required for a " + applicant.kind().name().toLowerCase() + " applicant")
                    .addPropertyNode(missing).addConstraintViolation();
            return false;
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }
}
