package org.onewindow.hub.console;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.onewindow.hub.deadletters.DeadLetter;
import org.onewindow.hub.departments.ConnectedDepartments;
import org.onewindow.hub.deadletters.DeadLetters;
import org.onewindow.hub.deadletters.TaskActionResult;
import org.onewindow.hub.operatoractions.OperatorActionStore;
import org.onewindow.hub.pauses.DepartmentPause;
import org.onewindow.hub.pauses.DepartmentPauses;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.security.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stuck work (死信) per department: the dead-lettered tasks with their reason and the failed exchange; replay of one, a
 * selection or all of a department (through the normal path, same idempotency key, never twice: {@link DeadLetters}),
 * discard with a reason (the case is terminated), and pausing or resuming a department's sending (maintenance window)
 * with what waits meanwhile. Every action is audited (operator_actions) and answered on the page it came from.
 */
@Controller
class DeadLettersController {

    private static final int MAX_SELECTED = 500;

    private final DeadLetters deadLetters;
    private final DepartmentPauses pauses;
    private final OperatorActionStore actions;
    private final Map<String, CircuitBreaker> circuits;
    private final ConnectedDepartments connected;

    DeadLettersController(DeadLetters deadLetters, DepartmentPauses pauses, OperatorActionStore actions,
                          Map<String, CircuitBreaker> departmentCircuitBreakers, ConnectedDepartments connected) {
        this.connected = connected;
        this.deadLetters = deadLetters;
        this.pauses = pauses;
        this.actions = actions;
        this.circuits = departmentCircuitBreakers;
    }

    /** A department's line in the summary. */
    record DepartmentLine(String department, long deadLettered, String circuit, DepartmentPause pause, long queuedTasks, Long onQueue) {
    }

    @GetMapping("/console/dead-letters")
    String page(@RequestParam(required = false) String department, Model model) {
        Map<String, Long> counts = deadLetters.counts();
        if (department != null && !counts.containsKey(department)) {
            throw unknown(department);
        }
        Map<String, DepartmentPause> paused = pauses.paused();
        Map<String, org.onewindow.hub.pauses.Waiting> waitingAtEach = pauses.waitingAtEach();
        List<DepartmentLine> lines = new ArrayList<>();
        counts.forEach((d, n) -> {
            var waiting = waitingAtEach.get(d);
            CircuitBreaker circuit = circuits.get(d);
            lines.add(new DepartmentLine(d, n, circuit == null ? "NONE" : circuit.getState().name(), paused.get(d),
                    waiting == null ? 0 : waiting.queuedTasks(), waiting == null ? null : waiting.messagesOnQueue()));
        });
        String shown = department != null ? department
                : counts.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).findFirst().orElse(null);
        List<DeadLetter> letters = shown == null ? List.of() : deadLetters.list(shown);
        model.addAttribute("page", "dead-letters");
        model.addAttribute("lines", lines);
        model.addAttribute("shown", shown);
        model.addAttribute("shownLine", lines.stream().filter(l -> l.department().equals(shown)).findFirst().orElse(null));
        model.addAttribute("letters", letters);
        model.addAttribute("recent", shown == null ? actions.recent(20) : actions.ofDepartment(shown, 20));
        return "console/dead-letters";
    }

    /** Replays the tasks ticked (one or a selection). */
    @PostMapping("/console/dead-letters/replay")
    String replay(@RequestParam(name = "taskId", required = false) List<String> taskIds, @RequestParam(required = false) String department,
                  Caller caller, RedirectAttributes redirect) {
        if (taskIds == null || taskIds.isEmpty()) {
            redirect.addFlashAttribute("refusal", "console.nothingSelected");
        } else if (taskIds.size() > MAX_SELECTED) {
            throw ProblemException.invalid(List.of(new Fault("taskId", "too-many", "at most " + MAX_SELECTED + " tasks at once")));
        } else {
            redirect.addFlashAttribute("results", deadLetters.replay(taskIds, caller.name()));
        }
        return back(department, redirect);
    }

    /** Replays every dead-lettered task of the department (once it is back). */
    @PostMapping("/console/dead-letters/{department}/replay-all")
    String replayAll(@PathVariable String department, Caller caller, RedirectAttributes redirect) {
        requireKnown(department);
        redirect.addFlashAttribute("results", deadLetters.replayAll(department, caller.name()));
        return back(department, redirect);
    }

    /** Gives a dead-lettered task up, for the reason given; its case is terminated. */
    @PostMapping("/console/dead-letters/discard")
    String discard(@RequestParam(required = false) String taskId, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) String department, Caller caller, RedirectAttributes redirect) {
        if (taskId == null || taskId.isBlank()) {
            throw ProblemException.invalid(List.of(new Fault("taskId", "required", "name the task to discard")));
        }
        checkReason(reason);
        TaskActionResult result = deadLetters.discard(taskId.strip(), reason, caller.name());
        redirect.addFlashAttribute("results", List.of(result));
        return back(department, redirect);
    }

    @PostMapping("/console/departments/{department}/pause")
    String pause(@PathVariable String department, @RequestParam(required = false) String reason, Caller caller,
                 RedirectAttributes redirect) {
        requireKnown(department);
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("refusal", "console.pauseNeedsReason");
        } else {
            checkReason(reason);
            pauses.pause(department, reason.strip(), caller.name());
            redirect.addFlashAttribute("done", "console.paused");
        }
        return back(department, redirect);
    }

    @PostMapping("/console/departments/{department}/resume")
    String resume(@PathVariable String department, Caller caller, RedirectAttributes redirect) {
        requireKnown(department);
        if (pauses.resume(department, caller.name())) {
            redirect.addFlashAttribute("done", "console.resumed");
        } else {
            redirect.addFlashAttribute("refusal", "console.notPaused");
        }
        return back(department, redirect);
    }

    private void requireKnown(String department) {
        if (department == null || !connected.all().contains(department)) {
            throw unknown(department);
        }
    }

    private static ProblemException unknown(String department) {
        return ProblemException.invalid(List.of(new Fault("department", "unknown", "is not a department this hub is connected to")));
    }

    private static void checkReason(String reason) {
        if (reason != null && reason.length() > 500) {
            throw ProblemException.invalid(List.of(new Fault("reason", "too-long", "at most 500 characters")));
        }
    }

    private String back(String department, RedirectAttributes redirect) {
        if (department != null && connected.all().contains(department)) {
            redirect.addAttribute("department", department);
        }
        return "redirect:/console/dead-letters";
    }
}
