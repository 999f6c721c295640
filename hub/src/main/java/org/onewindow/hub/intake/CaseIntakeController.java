package org.onewindow.hub.intake;

import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.security.Caller;
import org.onewindow.schemas.cases.CaseRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * POST /api/v1/cases: the one window submits a case (schemas/intake-openapi.yaml). The intake system that submits
 * it (its token's client id) is recorded: it reads the case, and its Idempotency-Keys are its own.
 */
@RestController
class CaseIntakeController {

    private static final int MAX_KEY_LENGTH = 200;
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CaseRequestReader reader;
    private final CaseIntake intake;
    private final IntakeAvailability availability;

    CaseIntakeController(CaseRequestReader reader, CaseIntake intake, IntakeAvailability availability) {
        this.reader = reader;
        this.intake = intake;
        this.availability = availability;
    }

    @PostMapping(path = "/api/v1/cases", consumes = "application/json", produces = "application/json")
    ResponseEntity<IntakeReceipt> submit(Caller caller, @RequestHeader HttpHeaders headers,
                                         @RequestBody(required = false) byte[] body) {
        // each header line as sent: two Idempotency-Key headers are refused, never joined into one key "A,B"
        List<String> keys = headers.getOrEmpty(IDEMPOTENCY_KEY);
        String idempotencyKey = keys.isEmpty() ? null : keys.get(0);
        List<Fault> keyFaults = keys.size() > 1
                ? List.of(new Fault(IDEMPOTENCY_KEY, "repeated", "must be sent exactly once; it was sent " + keys.size() + " times"))
                : keyFaults(idempotencyKey);
        CaseRequest request;
        try {
            request = reader.read(body);
        } catch (ProblemException bodyFaults) {
            throw keyFaults.isEmpty() ? bodyFaults : ProblemException.invalid(
                    java.util.stream.Stream.concat(keyFaults.stream(), bodyFaults.faults().stream()).toList());
        }
        if (!keyFaults.isEmpty()) {
            throw ProblemException.invalid(keyFaults);
        }
        availability.requireAvailable();
        String fingerprint = reader.fingerprint(request);
        IntakeReceipt receipt;
        try {
            receipt = intake.submit(caller.id(), idempotencyKey, request, fingerprint);
        } catch (DuplicateKeyException raced) {
            // the same key was submitted concurrently and the other request stored first
            receipt = intake.replay(caller.id(), idempotencyKey, fingerprint).orElseThrow(() -> raced);
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/cases/" + receipt.caseId())).body(receipt);
    }

    private static List<Fault> keyFaults(String key) {
        if (key == null) {
            return List.of(new Fault("Idempotency-Key", "required", "header is required: one key per distinct submission, such as a UUID"));
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            return List.of(new Fault("Idempotency-Key", "invalid",
                    "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters, such as a UUID"));
        }
        return List.of();
    }
}
