package org.onewindow.hub.materials;

import org.onewindow.hub.licences.ExpectedHolder;
import org.onewindow.hub.licences.LicenceLibrary;
import org.onewindow.hub.licences.LicenceLibraryUnavailableException;
import org.onewindow.hub.licences.LicenceVerifier;
import org.onewindow.hub.licences.Verification;
import org.onewindow.hub.licences.VerificationResult;
import org.onewindow.schemas.licences.Licence;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a holder's e-licence (电子证照) of one type in the provincial library and verifies it: FOUND only for a
 * licence that passed every check (signature, issuer, status, holder, validity today); otherwise the reasons,
 * so the notice can tell the applicant why the paper is needed after all.
 */
@Component
class LicenceEvidence {

    private final LicenceLibrary library;
    private final LicenceVerifier verifier;

    LicenceEvidence(LicenceLibrary library, LicenceVerifier verifier) {
        this.library = library;
        this.verifier = verifier;
    }

    /** @param caller the department whose item needs the licence: it is whom the read serves */
    LookupOutcome find(String caller, Holder holder, String licenceType, String purpose, String caseId) {
        List<Licence> found;
        try {
            found = library.find(caller, holder.id(), licenceType, purpose, caseId);
        } catch (LicenceLibraryUnavailableException e) {
            return LookupOutcome.unavailable("the e-licence library did not answer: " + e.getMessage());
        }
        if (found.isEmpty()) {
            return LookupOutcome.notUsable("the e-licence library holds no " + licenceType + " of this holder");
        }
        List<String> invalid = new ArrayList<>();
        for (Licence licence : found) {
            Verification verification = verifier.verify(licence, new ExpectedHolder(holder.id(), holder.name()));
            if (verification.result() == VerificationResult.VALID) {
                return LookupOutcome.found(verification.licenceId(), verification.verifiedAt(),
                        "e-licence verified: signature, issuer, status, holder and validity");
            }
            invalid.add(licence.identifier() + " " + verification.reasons());
        }
        return LookupOutcome.notUsable("the e-licence is not valid: " + String.join("; ", invalid));
    }
}
