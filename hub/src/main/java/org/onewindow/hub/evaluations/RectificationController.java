package org.onewindow.hub.evaluations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.persistence.GroupCommit;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.problems.StrictJson;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A department's rectification tickets (整改), on its own path with its own token:
 * GET /api/v1/departments/{department}/rectifications lists them; POST .../rectifications/{ticketId} answers one
 * (RECTIFIED or EXPLAINED, with what was done). Another department's ticket is 403; a ticket answered already is 409.
 */
@RestController
class RectificationController {

    private final RectificationStore tickets;
    private final CaseStore cases;
    private final StrictJson json;
    private final GroupCommit groupCommit;
    private final Clock clock;

    RectificationController(RectificationStore tickets, CaseStore cases, StrictJson json, GroupCommit groupCommit, Clock clock) {
        this.tickets = tickets;
        this.cases = cases;
        this.json = json;
        this.groupCommit = groupCommit;
        this.clock = clock;
    }

    enum Outcome {
        /** 整改到位 */
        RECTIFIED,
        /** 解释说明: nothing to rectify, the applicant was given the reason */
        EXPLAINED
    }

    record TicketAnswer(@NotNull Outcome outcome, @NotBlank @Size(max = 1000) String answer) {
    }

    record Tickets(int count, List<RectificationTicket> tickets) {
    }

    @GetMapping(path = "/api/v1/departments/{department}/rectifications", produces = "application/json")
    Tickets list(@PathVariable String department, @RequestParam(required = false) Boolean open,
                 @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid(List.of(new Fault("limit", "out-of-range", "must be between 1 and 1000")));
        }
        List<RectificationTicket> found = tickets.ofDepartment(department, open, limit);
        return new Tickets(found.size(), found);
    }

    @PostMapping(path = "/api/v1/departments/{department}/rectifications/{ticketId}", consumes = "application/json",
            produces = "application/json")
    RectificationTicket answer(@PathVariable String department, @PathVariable long ticketId, @RequestBody(required = false) byte[] body) {
        TicketAnswer answer = json.read(body, TicketAnswer.class, "a rectification answer");
        RectificationTicket ticket = tickets.find(ticketId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "ticket-not-found", "No such ticket", "There is no rectification ticket " + ticketId,
                List.of(new Fault("ticketId", "not-found", "is not a ticket of this hub"))));
        if (!ticket.department().equals(department)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "not-your-ticket", "Not a ticket of this department",
                    "Rectification ticket " + ticketId + " is not " + department + "'s",
                    List.of(new Fault("ticketId", "not-entitled", "is not a ticket of " + department)));
        }
        boolean answered = groupCommit.execute("rectification-answered", () -> {
            Instant now = clock.instant();
            if (!tickets.answer(ticketId, answer.outcome().name(), answer.answer(), now)) {
                return false;
            }
            cases.addEvent(ticket.caseId(), null, CaseEventType.RECTIFICATION_ANSWERED, "rectification ticket " + ticketId + " answered by "
                    + department + ": " + answer.outcome() + (now.isAfter(ticket.dueAt()) ? " (late: due " + ticket.dueAt() + ")" : ""), now);
            return true;
        });
        if (!answered) {
            throw new ProblemException(HttpStatus.CONFLICT, "ticket-answered", "The ticket was answered already",
                    "Rectification ticket " + ticketId + " was answered already", List.of(new Fault("ticketId", "answered", "was answered already")));
        }
        return tickets.find(ticketId).orElseThrow();
    }
}
