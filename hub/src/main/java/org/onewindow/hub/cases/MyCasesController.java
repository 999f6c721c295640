package org.onewindow.hub.cases;

import org.onewindow.hub.access.IdentifierMask;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.problems.QueryNumbers;
import org.onewindow.hub.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * GET /api/v1/my-cases: the applicant, signed in with their holder token, sees their own cases, newest first, and
 * follows each with GET /api/v1/cases/{caseId} (the same token).
 */
@RestController
class MyCasesController {

    private static final int MAX_SIZE = 100;

    private final CaseStore store;

    MyCasesController(CaseStore store) {
        this.store = store;
    }

    record MyCase(String caseId, String itemCode, String bundleCode, CaseStatus status, String statusReason, LocalDate promisedBy,
                  Instant createdAt, Instant updatedAt) {
    }

    record MyCases(String holderId, List<MyCase> cases, int page, int size, long total) {
    }

    @GetMapping(path = "/api/v1/my-cases", produces = "application/json")
    MyCases cases(Caller holder, @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size) {
        List<Fault> faults = new ArrayList<>();
        int pageNumber = QueryNumbers.whole("page", page, 0, Integer.MAX_VALUE / MAX_SIZE, faults);
        int pageSize = QueryNumbers.whole("size", size, 1, MAX_SIZE, faults);
        if (!faults.isEmpty()) {
            throw ProblemException.invalid(faults);
        }
        List<MyCase> cases = store.casesOfApplicant(holder.holderId(), pageNumber, pageSize).stream()
                .map(c -> new MyCase(c.caseId(), c.itemCode(), c.bundleCode(), c.status(), c.statusReason(), c.promisedBy(),
                        c.createdAt(), c.updatedAt()))
                .toList();
        return new MyCases(IdentifierMask.mask(holder.holderId()), cases, pageNumber, pageSize, store.countCasesOfApplicant(holder.holderId()));
    }
}
