package org.onewindow.hub.evaluations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStatus;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.persistence.GroupCommit;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.problems.StrictJson;
import org.onewindow.hub.security.Caller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * POST /api/v1/evaluations: the applicant rates a completed case (好差评), with their holder token, or the window that
 * submitted the case records the rating for them (e.g. from the window's tablet). One rating per case and applicant:
 * a second is 409. A level 1 or 2 rating opens a rectification ticket for each department concerned.
 */
@RestController
class EvaluationController {

    private final CaseStore cases;
    private final Evaluations evaluations;
    private final EvaluationStore store;
    private final StrictJson json;
    private final GroupCommit groupCommit;
    private final Clock clock;

    EvaluationController(CaseStore cases, Evaluations evaluations, EvaluationStore store, StrictJson json, GroupCommit groupCommit,
                         Clock clock) {
        this.cases = cases;
        this.evaluations = evaluations;
        this.store = store;
        this.json = json;
        this.groupCommit = groupCommit;
        this.clock = clock;
    }

    /** Where the rating was given (评价渠道). */
    enum Channel {
        /** 窗口评价器 */
        WINDOW_TABLET,
        /** 网站 (PC) */
        PC,
        /** 移动端 */
        MOBILE_APP,
        /** 二维码 */
        QR_CODE,
        /** 短信 */
        SMS
    }

    record EvaluationRequest(@NotBlank @Size(max = 40) String caseId,
                             @NotNull @Min(1) @Max(5) Integer level,
                             @NotNull Channel channel,
                             @Size(max = 500) String comment,
                             @Size(max = 10) List<@NotNull @Pattern(regexp = "[a-z0-9-]{1,40}") String> tags,
                             @Size(max = 64) String department) {
    }

    @PostMapping(path = "/api/v1/evaluations", consumes = "application/json", produces = "application/json")
    ResponseEntity<Evaluation> evaluate(Caller caller, @RequestBody(required = false) byte[] body) {
        EvaluationRequest request = json.read(body, EvaluationRequest.class, "an evaluation");
        CaseRecord c = cases.findCase(request.caseId()).filter(found -> mayRate(caller, found))
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "not-your-case", "Not a case of this caller",
                        caller.name() + " may not rate case " + request.caseId()
                                + ": only its applicant, or the intake system that submitted it for them, may",
                        List.of(new Fault("caseId", "not-entitled", "is not a case this caller applied for or submitted"))));
        if (c.status() != CaseStatus.COMPLETED) {
            throw new ProblemException(HttpStatus.CONFLICT, "case-not-completed", "The case is not completed",
                    "Case " + c.caseId() + " is " + c.status() + ": a case is rated once it is completed",
                    List.of(new Fault("caseId", "not-completed", "is " + c.status())));
        }
        List<String> departments = evaluations.concerned(c, request.department());
        if (request.department() != null && departments.isEmpty()) {
            throw ProblemException.invalid(List.of(new Fault("department", "not-of-case",
                    request.department() + " completed no task of case " + c.caseId())));
        }
        long evaluationId;
        try {
            evaluationId = groupCommit.execute("evaluation", () -> {
                cases.lockCase(c.caseId());
                if (store.exists(c.caseId(), c.applicantId())) {
                    throw alreadyRated(c.caseId());
                }
                return evaluations.give(c, request.level(), request.channel().name(), request.comment(),
                        request.tags() == null ? List.of() : request.tags(), departments, caller.name(), false, clock.instant());
            });
        } catch (DuplicateKeyException raced) {
            throw alreadyRated(c.caseId());
        }
        return ResponseEntity.created(URI.create("/api/v1/evaluations/" + evaluationId)).body(evaluations.view(evaluationId));
    }

    private static boolean mayRate(Caller caller, CaseRecord c) {
        return c.applicantId().equals(caller.holderId()) || (caller.isIntake() && caller.id().equals(c.submittedBy()));
    }

    private static ProblemException alreadyRated(String caseId) {
        return new ProblemException(HttpStatus.CONFLICT, "already-evaluated", "The case is rated already",
                "Case " + caseId + " has its rating; a case is rated once per applicant",
                List.of(new Fault("caseId", "already-evaluated", "was rated already")));
    }
}
