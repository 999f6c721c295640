package org.onewindow.hub.intake;

import org.onewindow.hub.materials.MaterialResolution;
import org.onewindow.hub.materials.MaterialResolver;
import org.onewindow.hub.materials.NoticePage;
import org.onewindow.hub.materials.NoticeStore;
import org.onewindow.hub.materials.OneTimeNotice;
import org.onewindow.hub.materials.OneTimeNotices;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.tasks.TaskPlanner;
import org.onewindow.schemas.cases.CaseRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The one-time notice (一次性告知单): before a case is submitted, the intake system asks what this applicant
 * must still bring for this item or bundle. The hub resolves the materials as it would for the case (the
 * look-ups state the notice number as their case), keeps the notice, and serves a printable Chinese page of it.
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
    private final Clock clock;

    NoticeController(CaseRequestReader reader, TaskPlanner planner, MaterialResolver resolver, OneTimeNotices notices,
                     NoticeStore store, NoticePage page, CaseNumbers numbers, Clock clock) {
        this.reader = reader;
        this.planner = planner;
        this.resolver = resolver;
        this.notices = notices;
        this.store = store;
        this.page = page;
        this.numbers = numbers;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/notices", consumes = "application/json", produces = "application/json")
    ResponseEntity<OneTimeNotice> give(@RequestBody(required = false) byte[] body) {
        CaseRequest request = reader.read(body);
        planner.plan(request);
        String noticeId = numbers.nextNotice();
        MaterialResolution resolution = resolver.resolve(request, noticeId);
        OneTimeNotice notice = notices.compose(noticeId, request, resolution, clock.instant());
        store.save(notice);
        return ResponseEntity.created(URI.create("/api/v1/notices/" + noticeId)).body(notice);
    }

    @GetMapping(path = "/api/v1/notices/{noticeId}", produces = "application/json")
    OneTimeNotice notice(@PathVariable String noticeId) {
        return find(noticeId);
    }

    @GetMapping(path = "/api/v1/notices/{noticeId}/print", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String print(@PathVariable String noticeId) {
        return page.render(find(noticeId));
    }

    private OneTimeNotice find(String noticeId) {
        return store.find(noticeId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "notice-not-found",
                "No such notice", "No one-time notice " + noticeId,
                List.of(new Fault("noticeId", "unknown", "no notice has this number"))));
    }
}
