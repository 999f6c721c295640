package org.onewindow.hub.licences;

import org.onewindow.hub.access.AccessLog;
import org.onewindow.hub.access.DataKind;
import org.onewindow.hub.access.DataRead;

import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.problems.StrictJson;
import org.onewindow.hub.security.Caller;
import org.onewindow.schemas.licences.Licence;
import org.onewindow.schemas.licences.LicenceIdentifier;
import org.onewindow.schemas.licences.LicenceIdentifier.InvalidLicenceIdentifierException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * POST /api/v1/licences/verify (schemas/intake-openapi.yaml). Bodies are read strictly ({@link StrictJson}: malformed
 * JSON and unknown fields are 400s naming them). A licenceId not even shaped like an identifier
 * is 400; one shaped like it but with a wrong check character is 200 INVALID BAD_CHECK_CHARACTER, without
 * reading the library. A read by id is for a stated case or notice the caller is entitled to ({@link ReadEntitlements}),
 * of a licence of one of its parties; the access log names the authenticated caller.
 */
@RestController
class LicenceVerifyController {

    private final LicenceLibrary library;
    private final LicenceVerifier verifier;
    private final AccessLog accessLog;
    private final ReadEntitlements entitlements;
    private final Clock clock;
    private final StrictJson json;

    LicenceVerifyController(LicenceLibrary library, LicenceVerifier verifier, AccessLog accessLog, ReadEntitlements entitlements,
                            Clock clock, StrictJson json) {
        this.library = library;
        this.verifier = verifier;
        this.accessLog = accessLog;
        this.entitlements = entitlements;
        this.clock = clock;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/licences/verify", consumes = "application/json", produces = "application/json")
    Verification verify(Caller caller, @RequestBody(required = false) byte[] body) {
        return verifyOne(caller, json.read(body, VerifyRequest.class, "a verification request"));
    }

    /**
     * POST /api/v1/licences/verifications: several licences in one call, e.g. every document a counter
     * holds for one case, answered in order. Each is verified exactly as by /verify; a request the single
     * endpoint would refuse refuses the whole batch, its faults named verifications[i].field.
     */
    @PostMapping(path = "/api/v1/licences/verifications", consumes = "application/json", produces = "application/json")
    VerifyBatchResponse verifyAll(Caller caller, @RequestBody(required = false) byte[] body) {
        VerifyBatchRequest request = json.read(body, VerifyBatchRequest.class, "a batch of verification requests");
        List<Verification> results = new java.util.ArrayList<>(request.verifications().size());
        for (int i = 0; i < request.verifications().size(); i++) {
            try {
                results.add(verifyOne(caller, request.verifications().get(i)));
            } catch (ProblemException refused) {
                String prefix = "verifications[" + i + "].";
                ProblemException named = new ProblemException(refused.status(), refused.type(), refused.title(),
                        "verifications[" + i + "]: " + refused.getMessage(),
                        refused.faults().stream().map(f -> new Fault(prefix + f.field(), f.code(), f.message())).toList());
                refused.extensions().forEach(named::with);
                throw named;
            }
        }
        return new VerifyBatchResponse(results);
    }

    private Verification verifyOne(Caller caller, VerifyRequest request) {
        if ((request.licenceId() == null) == (request.licence() == null)) {
            throw ProblemException.invalid(List.of(new Fault("licenceId", "exactly-one",
                    "give exactly one of licenceId (read from the library) and licence (a signed licence document)")));
        }
        if (request.licence() != null) {
            return verifier.verify(request.licence(), request.expectedHolder());
        }
        String holderHint = request.expectedHolder() == null ? null : request.expectedHolder().id();
        // a read by id states why, or it is refused (and logged as refused) before anything else
        DataRead asked = new DataRead(caller.name(), holderHint == null ? "" : holderHint, DataKind.LICENCE,
                "licence " + request.licenceId(), request.purpose(), request.caseId());
        accessLog.permit(asked);
        // ... for a case or notice of the caller's own, about one of its parties
        Set<String> parties = entitlements.partiesFor(caller, request.caseId()).orElseThrow(() -> {
            if (holderHint != null) {
                accessLog.refuse(asked, "not a case or notice of " + caller.id());
            }
            return new ProblemException(HttpStatus.FORBIDDEN, "not-entitled", "Not a case of this caller",
                    caller.name() + " may read personal data only for a case it submitted or has a task in, or a notice it asked for",
                    List.of(new Fault("caseId", "not-entitled", request.caseId() + " is not a case or notice of this caller")));
        });
        if (holderHint != null && !parties.contains(holderHint)) {
            accessLog.refuse(asked, "the expected holder is not a party of " + request.caseId());
            throw new ProblemException(HttpStatus.FORBIDDEN, "not-a-party", "Not a party of this case",
                    "expectedHolder.id is not the applicant or another party of " + request.caseId(),
                    List.of(new Fault("expectedHolder.id", "not-a-party", "is not a party of " + request.caseId())));
        }
        Optional<InvalidLicenceIdentifierException> fault = LicenceIdentifier.fault(request.licenceId());
        if (fault.isPresent() && fault.get().fault() == LicenceIdentifier.Fault.BAD_FORMAT) {
            throw ProblemException.invalid(List.of(new Fault("licenceId", "licence-identifier", fault.get().getMessage())));
        }
        if (fault.isPresent()) {
            return Verification.of(request.licenceId(), List.of(InvalidReason.BAD_CHECK_CHARACTER), null, clock.instant());
        }
        Licence licence = library.get(caller.name(), request.licenceId(), holderHint, request.purpose(), request.caseId(), parties)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "licence-not-found", "No such e-licence",
                        "The e-licence library has no licence " + request.licenceId(),
                        List.of(new Fault("licenceId", "not-found", request.licenceId() + " is not in the e-licence library"))));
        return verifier.verify(licence, request.expectedHolder());
    }
}
