package org.onewindow.hub.intake;

import org.onewindow.hub.access.AccessLog;
import org.onewindow.hub.access.DataKind;
import org.onewindow.hub.access.DataRead;
import org.onewindow.hub.cases.CaseReaders;
import org.onewindow.hub.materials.MaterialResolution;
import org.onewindow.hub.materials.MaterialResolver;
import org.onewindow.hub.materials.NoticePage;
import org.onewindow.hub.materials.NoticeStore;
import org.onewindow.hub.materials.OneTimeNotice;
import org.onewindow.hub.materials.OneTimeNotices;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.security.Caller;
import org.onewindow.hub.tasks.TaskPlanner;
import org.onewindow.schemas.cases.CaseRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The one-time notice (一次性告知单): before a case is submitted, the intake system asks what this applicant
 * must still bring for this item or bundle. The hub resolves the materials as it would for the case (the
 * look-ups state the notice number as their case), keeps the notice, and serves a printable Chinese page of it.
 * The system that asked reads it again; operators read it stating a reason, which the access log records.
 */
@RestController
class NoticeController {

    private final CaseRequestReader reader;
    private final TaskPlanner planner;
    private final MaterialResolver resolver;
    private final OneTimeNotices notices;
    private final NoticeStore store;
    private final NoticePage page;
    private final CaseNumbers numbers;
    private final AccessLog accessLog;
    private final Clock clock;

    NoticeController(CaseRequestReader reader, TaskPlanner planner, MaterialResolver resolver, OneTimeNotices notices,
                     NoticeStore store, NoticePage page, CaseNumbers numbers, AccessLog accessLog, Clock clock) {
        this.reader = reader;
        this.planner = planner;
        this.resolver = resolver;
        this.notices = notices;
        this.store = store;
        this.page = page;
        this.numbers = numbers;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/notices", consumes = "application/json", produces = "application/json")
    ResponseEntity<OneTimeNotice> give(Caller caller, @RequestBody(required = false) byte[] body) {
        CaseRequest request = reader.read(body);
        planner.plan(request);
        String noticeId = numbers.nextNotice();
        MaterialResolution resolution = resolver.resolve(request, noticeId);
        OneTimeNotice notice = notices.compose(noticeId, request, resolution, clock.instant());
        store.save(notice, caller.id(), resolution.holders(request.applicant().holderId()));
        return ResponseEntity.created(URI.create("/api/v1/notices/" + noticeId)).body(notice);
    }

    @GetMapping(path = "/api/v1/notices/{noticeId}", produces = "application/json")
    OneTimeNotice notice(@PathVariable String noticeId, Caller caller, @RequestParam(required = false) String reason,
                         @RequestHeader(name = CaseReaders.REASON_HEADER, required = false) String reasonHeader) {
        return find(noticeId, caller, CaseReaders.reason(reason, reasonHeader));
    }

    @GetMapping(path = "/api/v1/notices/{noticeId}/print", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String print(@PathVariable String noticeId, Caller caller, @RequestParam(required = false) String reason,
                 @RequestHeader(name = CaseReaders.REASON_HEADER, required = false) String reasonHeader) {
        return page.render(find(noticeId, caller, CaseReaders.reason(reason, reasonHeader)));
    }

    private OneTimeNotice find(String noticeId, Caller caller, String reason) {
        java.util.Optional<NoticeStore.GivenNotice> found = store.find(noticeId);
        if (found.isEmpty() && caller.isOperator()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "notice-not-found", "No such notice", "No one-time notice " + noticeId,
                    List.of(new Fault("noticeId", "unknown", "no notice has this number")));
        }
        // to anyone but an operator an unknown number and another system's notice look alike
        NoticeStore.GivenNotice given = found.orElse(null);
        if (given != null && caller.id().equals(given.requestedBy())) {
            return given.notice();
        }
        if (given != null && caller.isOperator()) {
            List<String> parties = given.parties().isEmpty() ? List.of("") : List.copyOf(given.parties());
            if (reason == null || reason.isBlank()) {
                parties.forEach(party -> accessLog.refuse(new DataRead(caller.name(), party, DataKind.NOTICE,
                        "one-time notice " + noticeId, null, noticeId), "refused: an operator gave no reason for reading the notice"));
                throw CaseReaders.reasonRequired();
            }
            parties.forEach(party -> accessLog.record(new DataRead(caller.name(), party, DataKind.NOTICE, "one-time notice " + noticeId,
                    reason, noticeId)));
            return given.notice();
        }
        throw new ProblemException(HttpStatus.FORBIDDEN, "not-your-notice", "Not a notice of this caller",
                caller.name() + " may not read notice " + noticeId + ": only the system that asked for it and operators may",
                List.of(new Fault("noticeId", "not-entitled", "is not a notice this caller asked for")));
    }
}
