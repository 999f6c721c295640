package org.onewindow.schemas.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.onewindow.schemas.identity.MobileNumber;
import org.onewindow.schemas.identity.ResidentIdNumber;
import org.onewindow.schemas.identity.UnifiedSocialCreditCode;

/**
 * The applicant (申请人). A person carries a resident ID number; a company carries its unified social
 * credit code, and its {@code idNumber}, when given, is that of the person acting for it (经办人).
 */
@IdentifiedApplicant
public record Applicant(
        @NotNull ApplicantKind kind,
        @NotBlank @Size(max = 100) String name,
        @ResidentIdNumber String idNumber,
        @UnifiedSocialCreditCode String creditCode,
        @NotBlank @MobileNumber String mobile) {

    /** The identifier that names the applicant in departments' systems and licences. */
    public String holderId() {
        return kind == ApplicantKind.COMPANY ? creditCode : idNumber;
    }
}
