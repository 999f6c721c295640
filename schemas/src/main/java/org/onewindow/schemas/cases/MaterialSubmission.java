package org.onewindow.schemas.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A material (申请材料) the applicant brought, by its catalogue code and a reference into the intake system's document store. */
public record MaterialSubmission(
        @NotBlank @Pattern(regexp = CatalogueCode.PATTERN, message = CatalogueCode.MESSAGE) String code,
        @Size(max = 200) String documentRef) {
}
