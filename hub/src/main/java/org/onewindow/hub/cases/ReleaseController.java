package org.onewindow.hub.cases;

import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.security.Caller;
import org.onewindow.schemas.catalogue.Item;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * GET /api/v1/cases/{caseId}/release: the release (出件) of a decided case, in one response: every
 * department's result (licence and certificate numbers, decisions, documents) for the window to hand
 * over, or the refusal with the department and its reason, or, for a case an operator terminated (终止办理), TERMINATED
 * with the operator's reason. A case still in progress is 409. Read by the intake
 * system that submitted the case, its applicant, and operators stating a reason ({@link CaseReaders}).
 */
@RestController
class ReleaseController {

    private final CaseStore store;
    private final CaseReaders readers;
    private final ServiceCatalogue catalogue;

    ReleaseController(CaseStore store, CaseReaders readers, ServiceCatalogue catalogue) {
        this.store = store;
        this.readers = readers;
        this.catalogue = catalogue;
    }

    record Release(String caseId, String itemCode, String bundleCode, CaseStatus status, String decision, String reason,
                   List<ReleasedResult> results) {
    }

    /** One department's part of the release. */
    record ReleasedResult(String stepId, String itemCode, String itemName, String itemNameZh, String department,
                          TaskStatus status, String departmentRef, Map<String, String> results, String reason) {
    }

    @GetMapping(path = "/api/v1/cases/{caseId}/release", produces = "application/json")
    Release release(@PathVariable String caseId, Caller caller, @RequestParam(required = false) String reason,
                    @RequestHeader(name = CaseReaders.REASON_HEADER, required = false) String reasonHeader) {
        CaseRecord c = readers.open(caseId, caller, CaseReaders.reason(reason, reasonHeader), "release");
        if (!c.status().isFinal()) {
            throw new ProblemException(HttpStatus.CONFLICT, "case-not-decided", "The case is not decided yet",
                    "Case " + caseId + " is " + c.status() + "; its release is ready once it is COMPLETED, REJECTED or TERMINATED",
                    List.of(new Fault("caseId", "not-decided", "is " + c.status())));
        }
        List<ReleasedResult> results = store.tasks(caseId).stream().map(t -> {
            Item item = catalogue.item(t.itemCode()).orElse(null);
            return new ReleasedResult(t.stepId(), t.itemCode(), item == null ? null : item.name(), item == null ? null : item.nameZh(),
                    t.department(), t.status(), t.departmentRef(), t.results(), t.statusReason());
        }).toList();
        return new Release(c.caseId(), c.itemCode(), c.bundleCode(), c.status(),
                decision(c.status()), c.statusReason(), results);
    }

    private static String decision(CaseStatus status) {
        return switch (status) {
            case COMPLETED -> "APPROVED";
            case TERMINATED -> "TERMINATED";
            default -> "REFUSED";
        };
    }
}
