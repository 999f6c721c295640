package org.onewindow.hub.callbacks;

import org.onewindow.adapters.kit.CallbackDepartmentMapping;
import org.onewindow.schemas.callbacks.CallbackSignature;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.caselog.CaseLogContext;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.tasks.TaskLedger;
import org.onewindow.schemas.tasks.TaskOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * POST /api/v1/departments/{department}/callbacks/{taskId}: a department that decides later sends its
 * decision. The body must be signed with the department's secret
 * ({@code onewindow.departments.<department>.callback-secret}); an unsigned or wrongly signed callback
 * is 401 and changes nothing. Repeated and late callbacks are answered 200 and change nothing either:
 * a task is decided once. A callback that breaks the department's contract is 400, and its task is
 * dead-lettered with the reason, so the case never waits for a decision that cannot come. Only the department's
 * own system calls (its token carries department:&lt;department&gt;), and only for its own tasks: another
 * department's task is 403 and nothing changes.
 */
@RestController
class DepartmentCallbackController {

    private static final Logger log = LoggerFactory.getLogger(DepartmentCallbackController.class);
    /** When a department should send a callback again that the hub's database could not take. */
    private static final java.time.Duration RECORD_RETRY = java.time.Duration.ofSeconds(30);

    private final Map<String, CallbackDepartmentMapping> adapters;
    private final CaseStore store;
    private final TaskLedger ledger;
    private final ServiceCatalogue catalogue;
    private final Environment environment;

    DepartmentCallbackController(List<CallbackDepartmentMapping> adapters, CaseStore store, TaskLedger ledger,
                                 ServiceCatalogue catalogue, Environment environment) {
        this.adapters = adapters.stream().collect(Collectors.toMap(CallbackDepartmentMapping::department, Function.identity()));
        this.store = store;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.environment = environment;
    }

    /** The answer to a callback: the task's status after it. */
    record CallbackReceipt(String taskId, String status) {
    }

    @PostMapping(path = "/api/v1/departments/{department}/callbacks/{taskId}", produces = "application/json")
    CallbackReceipt receive(@PathVariable String department, @PathVariable String taskId,
                            @RequestHeader(name = CallbackSignature.HEADER, required = false) String signature,
                            @RequestBody(required = false) byte[] body) {
        CallbackDepartmentMapping adapter = adapters.get(department);
        if (adapter == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "no-callbacks", "This department does not call back",
                    department + " sends no callbacks to the hub", List.of(new Fault("department", "not-found",
                    department + " is not a department that decides by callback")));
        }
        byte[] payload = body == null ? new byte[0] : body;
        String secret = environment.getProperty("onewindow.departments." + department + ".callback-secret");
        if (secret == null) {
            log.error("Callback from {} refused: onewindow.departments.{}.callback-secret is not configured", department, department);
        }
        if (!CallbackSignature.matches(secret, payload, signature)) {
            log.warn("Callback from {} for {} refused: bad or missing signature", department, taskId);
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "bad-signature", "The callback is not signed by the department",
                    "The " + CallbackSignature.HEADER + " header must be sha256=<HMAC-SHA256 of the body with the department's secret>",
                    List.of(new Fault(CallbackSignature.HEADER, signature == null ? "required" : "mismatch",
                            signature == null ? "header is required" : "does not match the body")));
        }
        TaskRecord task = DepartmentTasks.own(store, catalogue, department, taskId);
        TaskOutcome outcome;
        try {
            outcome = adapter.callback(taskId, new String(payload, StandardCharsets.UTF_8));
        } catch (DepartmentContractException broken) {
            ledger.deadLetter(taskId, department + " sent a callback that breaks its contract: " + broken.getMessage());
            throw new ProblemException(HttpStatus.BAD_REQUEST, "callback-breaks-contract", "The callback breaks the department's contract",
                    broken.getMessage(), List.of(new Fault("body", "contract", broken.getMessage())));
        }
        // the request knew only the task; with its case the callback's unit takes its locks in the group commit's
        // case order (persistence/GroupCommit), as the other units of the case do at every hub
        try (CaseLogContext.Scope ignored = CaseLogContext.forTask(task.caseId(), taskId)) {
            ledger.recordCallback(taskId, outcome);
        } catch (DataAccessException refused) {
            // the database's message names tables, columns and SQL: it goes to the log, never to the department
            log.error("Callback from {} for {} could not be recorded", department, taskId, refused);
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "callback-not-recorded", "The hub could not record the callback",
                    "The hub could not store this decision just now; nothing was changed. Send the callback again later.",
                    List.of(new Fault("body", "not-recorded", "was not recorded; send it again later")))
                    .retryAfter(RECORD_RETRY);
        }
        return new CallbackReceipt(taskId, store.findTask(taskId).map(t -> t.status().name()).orElse(task.status().name()));
    }
}
