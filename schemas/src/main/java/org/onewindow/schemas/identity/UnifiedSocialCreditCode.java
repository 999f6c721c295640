package org.onewindow.schemas.identity;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A unified social credit code (统一社会信用代码) as GB 32100-2015 defines it: 18 characters from the
 * restricted alphabet {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z), a six-digit administrative
 * division code, and a MOD 31 check character. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = UnifiedSocialCreditCodeValidator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface UnifiedSocialCreditCode {
    String message() default "is not a valid unified social credit code (GB 32100)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
