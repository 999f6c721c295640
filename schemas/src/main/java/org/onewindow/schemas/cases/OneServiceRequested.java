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

/** A case is for exactly one item or one bundle: naming both, or neither, is a fault on {@code itemCode}. */
@Documented
@Constraint(validatedBy = OneServiceRequested.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OneServiceRequested {
    String message() default "give exactly one of itemCode and bundleCode";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<OneServiceRequested, CaseRequest> {
        @Override
        public boolean isValid(CaseRequest request, ConstraintValidatorContext context) {
            if ((request.itemCode() == null) != (request.bundleCode() == null)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("itemCode").addConstraintViolation();
            return false;
        }
    }
}
