package org.onewindow.hub.cases;

import org.onewindow.hub.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/v1/cases/{caseId}: status, one task per department step, and the timeline; for the intake system that
 * submitted the case, its applicant, and operators stating a reason ({@link CaseReaders}). Every resident ID number
 * and credit code it shows is masked (IdentifierMask): the applicant's, and any in a task's results, reasons and
 * references, the timeline or the materials (the newborn's ID number of the birth bundle, a new company's credit
 * code). The release (ReleaseController), the document the window hands over to the applicant, keeps them whole.
 */
@RestController
class CaseController {

    private final CaseReaders readers;
    private final CaseViews views;

    CaseController(CaseReaders readers, CaseViews views) {
        this.readers = readers;
        this.views = views;
    }

    @GetMapping(path = "/api/v1/cases/{caseId}", produces = "application/json")
    CaseView get(@PathVariable String caseId, Caller caller, @RequestParam(required = false) String reason,
                 @RequestHeader(name = CaseReaders.REASON_HEADER, required = false) String reasonHeader) {
        return views.of(readers.open(caseId, caller, CaseReaders.reason(reason, reasonHeader), "case view"));
    }
}
