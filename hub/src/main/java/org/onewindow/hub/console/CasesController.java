package org.onewindow.hub.console;

import org.onewindow.hub.access.AccessLog;
import org.onewindow.hub.access.DataKind;
import org.onewindow.hub.access.DataRead;
import org.onewindow.hub.access.IdentifierMask;
import org.onewindow.hub.cases.CaseReaders;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStatus;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.CaseViews;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.security.Caller;
import org.onewindow.hub.supervision.SupervisionCardStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The console's cases: a search (case number, applicant, item or bundle, status, dates) and a case's page with its tasks,
 * deadlines, materials, supervision cards and whole timeline. A case's page shows personal data, so it opens only for a
 * reason the operator gives, and the read goes to the access log (CaseReaders, as for the API); so does a search by an
 * applicant's ID number, once for each case it finds.
 */
@Controller
class CasesController {

    static final int MAX_RESULTS = 50;
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Pattern APPLICANT_ID = Pattern.compile("[0-9A-Za-z]{15,18}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,64}");

    private final CaseStore store;
    private final CaseReaders readers;
    private final CaseViews views;
    private final SupervisionCardStore cards;
    private final AccessLog accessLog;
    private final ZoneId zone;

    CasesController(CaseStore store, CaseReaders readers, CaseViews views, SupervisionCardStore cards, AccessLog accessLog,
                    @Value("${onewindow.calendar.time-zone}") ZoneId zone) {
        this.store = store;
        this.readers = readers;
        this.views = views;
        this.cards = cards;
        this.accessLog = accessLog;
        this.zone = zone;
    }

    /** One found case, as the result list shows it: nothing personal but the masked ID number and initial of the name. */
    record Found(String caseId, String itemCode, String bundleCode, CaseStatus status, String applicant, String maskedId,
                 java.time.Instant createdAt) {
    }

    @GetMapping("/console/cases")
    String search(@RequestParam(required = false) String caseId, @RequestParam(required = false) String applicantId,
                  @RequestParam(required = false) String item, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String reason, Caller caller, Model model) {
        model.addAttribute("page", "cases");
        model.addAttribute("statuses", Arrays.asList(CaseStatus.values()));
        caseId = blankToNull(caseId);
        applicantId = blankToNull(applicantId);
        item = blankToNull(item);
        List<Fault> faults = new ArrayList<>();
        check(caseId, CASE_ID, "caseId", faults);
        check(applicantId, APPLICANT_ID, "applicantId", faults);
        check(item, CODE, "item", faults);
        CaseStatus wanted = null;
        if (blankToNull(status) != null) {
            try {
                wanted = CaseStatus.valueOf(status.strip());
            } catch (IllegalArgumentException unknown) {
                faults.add(new Fault("status", "unknown", "is not a case status"));
            }
        }
        LocalDate fromDay = day(from, "from", faults);
        LocalDate toDay = day(to, "to", faults);
        String why = CaseReaders.reason(reason, null);
        if (!faults.isEmpty()) {
            throw ProblemException.invalid(faults);
        }
        boolean searched = caseId != null || applicantId != null || item != null || wanted != null || fromDay != null || toDay != null;
        if (applicantId != null && why == null) {
            // searching by a person's ID number tells which cases they have: a read of personal data, for a reason
            model.addAttribute("reasonMissing", true);
            searched = false;
        }
        List<Found> found = List.of();
        if (searched) {
            List<CaseRecord> cases = store.searchCases(caseId, applicantId == null ? null : applicantId.toUpperCase(), item, wanted,
                    fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                    toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant(), MAX_RESULTS);
            if (applicantId != null) {
                for (CaseRecord c : cases) {
                    accessLog.record(new DataRead(caller.name(), c.applicantId(), DataKind.CASE, "console search by applicant", why, c.caseId()));
                }
            }
            found = cases.stream().map(c -> new Found(c.caseId(), c.itemCode(), c.bundleCode(), c.status(), initial(c.applicantName()),
                    IdentifierMask.mask(c.applicantId()), c.createdAt())).toList();
        }
        model.addAttribute("searched", searched);
        model.addAttribute("found", found);
        model.addAttribute("maxResults", MAX_RESULTS);
        return "console/cases";
    }

    /** A case's page asks first why it is opened. */
    @GetMapping("/console/cases/{caseId}")
    String reasonForm(@PathVariable String caseId, Model model) {
        checkCaseId(caseId);
        model.addAttribute("page", "cases");
        model.addAttribute("caseId", caseId);
        return "console/case-reason";
    }

    /** The case, opened for the reason given (logged; without one the form comes back). */
    @PostMapping("/console/cases/{caseId}")
    String open(@PathVariable String caseId, @RequestParam(required = false) String reason, Caller caller, Model model) {
        checkCaseId(caseId);
        model.addAttribute("page", "cases");
        model.addAttribute("caseId", caseId);
        String why = CaseReaders.reason(reason, null);
        if (why == null) {
            model.addAttribute("reasonMissing", true);
            return "console/case-reason";
        }
        CaseRecord c = readers.open(caseId, caller, why, "console case page");
        model.addAttribute("reason", why);
        model.addAttribute("view", views.of(c));
        model.addAttribute("cards", cards.find(null, null, null, caseId, 100));
        return "console/case";
    }

    private static void checkCaseId(String caseId) {
        if (!CASE_ID.matcher(caseId).matches()) {
            throw ProblemException.invalid(List.of(new Fault("caseId", "malformed", "is not a case number")));
        }
    }

    private static void check(String value, Pattern pattern, String field, List<Fault> faults) {
        if (value != null && !pattern.matcher(value).matches()) {
            faults.add(new Fault(field, "malformed", "has characters or a length no " + field + " has"));
        }
    }

    private static LocalDate day(String value, String field, List<Fault> faults) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException bad) {
            faults.add(new Fault(field, "malformed", "is not a date (yyyy-mm-dd)"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String initial(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return name.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }
}
