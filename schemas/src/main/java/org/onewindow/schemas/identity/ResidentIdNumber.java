package org.onewindow.schemas.identity;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A citizen identity number (公民身份号码) as GB 11643-1999 defines it: 18 characters, a province code,
 * a real birth date, and a MOD 11-2 check character (0-9 or X). {@code null} is valid; pair with
 * {@code @NotBlank} where the number is required.
 */
@Documented
@Constraint(validatedBy = ResidentIdNumberValidator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ResidentIdNumber {
    String message() default "is not a valid resident ID number (GB 11643)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
