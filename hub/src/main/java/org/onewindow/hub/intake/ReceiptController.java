package org.onewindow.hub.intake;

import org.onewindow.hub.cases.ApplicantWaitStore;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseReaders;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * GET /api/v1/cases/{caseId}/receipt: the printable acceptance receipt (受理通知单), for whoever may read the case
 * (CaseReaders: the intake system that submitted it, its applicant, operators stating a reason). A case still waiting
 * for its materials to be verified has no receipt yet: 409.
 */
@RestController
class ReceiptController {

    private final CaseReaders readers;
    private final CaseStore store;
    private final ApplicantWaitStore waits;
    private final ReceiptPage page;

    ReceiptController(CaseReaders readers, CaseStore store, ApplicantWaitStore waits, ReceiptPage page) {
        this.readers = readers;
        this.store = store;
        this.waits = waits;
        this.page = page;
    }

    @GetMapping(path = "/api/v1/cases/{caseId}/receipt", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String receipt(@PathVariable String caseId, Caller caller, @RequestParam(required = false) String reason,
                   @RequestHeader(name = CaseReaders.REASON_HEADER, required = false) String reasonHeader) {
        CaseRecord c = readers.open(caseId, caller, CaseReaders.reason(reason, reasonHeader), "acceptance receipt");
        Instant acceptedAt = store.events(caseId).stream().filter(e -> e.type() == CaseEventType.CASE_ACCEPTED)
                .map(e -> e.occurredAt()).findFirst()
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "not-accepted", "The case is not accepted yet",
                        "Case " + caseId + " is " + c.status() + ": it has a receipt once it is accepted",
                        List.of(new Fault("caseId", "not-accepted", "is " + c.status()))));
        return page.render(c, acceptedAt, store.tasks(caseId), waits.ofCase(caseId));
    }
}
