package org.onewindow.schemas.identity;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A mainland China mobile number: 11 digits starting 13-19, without country code or separators, as
 * the SMS gateways of the service halls expect it. {@code null} is valid.
 */
@Documented
@Pattern(regexp = MobileNumber.PATTERN)
@Constraint(validatedBy = {})
@jakarta.validation.ReportAsSingleViolation
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface MobileNumber {
    String PATTERN = "^1[3-9][0-9]{9}$";

    String message() default "is not a mainland mobile number (11 digits starting 13-19)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
