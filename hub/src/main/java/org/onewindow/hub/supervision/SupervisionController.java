package org.onewindow.hub.supervision;

import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/**
 * The supervision cards (红黄牌) by API:
 * <ul>
 *   <li>GET /api/v1/supervision/cards: operators, auditors and the province (电子监察); filters open, colour, department,
 *       caseId; newest first.</li>
 *   <li>GET /api/v1/departments/{department}/supervision/cards: a department's own cards, with its own token.</li>
 * </ul>
 * Cards name departments, items, cases and times, never an applicant.
 */
@RestController
class SupervisionController {

    private static final int MAX_LIMIT = 1000;

    private final SupervisionCardStore cards;

    SupervisionController(SupervisionCardStore cards) {
        this.cards = cards;
    }

    record Cards(int count, List<SupervisionCard> cards) {
    }

    @GetMapping(path = "/api/v1/supervision/cards", produces = "application/json")
    Cards all(@RequestParam(required = false) Boolean open, @RequestParam(required = false) String colour,
              @RequestParam(required = false) String department, @RequestParam(required = false) String caseId,
              @RequestParam(defaultValue = "100") int limit) {
        return find(open, colour, department, caseId, limit);
    }

    @GetMapping(path = "/api/v1/departments/{department}/supervision/cards", produces = "application/json")
    Cards ofDepartment(@PathVariable String department, @RequestParam(required = false) Boolean open,
                       @RequestParam(required = false) String colour, @RequestParam(defaultValue = "100") int limit) {
        return find(open, colour, department, null, limit);
    }

    private Cards find(Boolean open, String colour, String department, String caseId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid(List.of(new Fault("limit", "out-of-range", "must be between 1 and " + MAX_LIMIT)));
        }
        SupervisionCard.Colour wanted = null;
        if (colour != null) {
            try {
                wanted = SupervisionCard.Colour.valueOf(colour.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(List.of(new Fault("colour", "unknown", "must be yellow or red")));
            }
        }
        List<SupervisionCard> found = cards.find(open, wanted, department, caseId, limit);
        return new Cards(found.size(), found);
    }
}
