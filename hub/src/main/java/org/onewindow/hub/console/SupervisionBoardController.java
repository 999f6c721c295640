package org.onewindow.hub.console;

import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.supervision.SupervisionCard;
import org.onewindow.hub.supervision.SupervisionCardStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The supervision board (督查): the open red and yellow cards (红黄牌) with their escalations (催办, 督办), counted per
 * department, and the statistics' charts (the same SVGs the statistics API serves, for the current month).
 */
@Controller
class SupervisionBoardController {

    static final int MAX_CARDS = 200;
    /** the charts the board shows, by the statistics' figure keys */
    static final List<String> CHARTS = List.of("accepted", "onTimeRate", "redCards", "exemptionRatio", "satisfactionRate");

    private final SupervisionCardStore cards;
    private final java.time.Clock clock;
    private final java.time.ZoneId zone;

    SupervisionBoardController(SupervisionCardStore cards, java.time.Clock clock,
                               @org.springframework.beans.factory.annotation.Value("${onewindow.calendar.time-zone}") java.time.ZoneId zone) {
        this.cards = cards;
        this.clock = clock;
        this.zone = zone;
    }

    /** One department's open cards. */
    record Tally(long red, long yellow, long urged, long supervised) {
    }

    @GetMapping("/console/supervision")
    String board(@RequestParam(required = false) String colour, Model model) {
        SupervisionCard.Colour wanted = null;
        if (colour != null && !colour.isBlank()) {
            try {
                wanted = SupervisionCard.Colour.valueOf(colour.strip());
            } catch (IllegalArgumentException unknown) {
                throw ProblemException.invalid(List.of(new Fault("colour", "unknown", "must be RED or YELLOW")));
            }
        }
        List<SupervisionCard> open = cards.find(true, wanted, null, null, MAX_CARDS);
        Map<String, long[]> tally = new TreeMap<>();
        for (SupervisionCard card : open) {
            long[] t = tally.computeIfAbsent(card.department(), d -> new long[4]);
            t[card.colour() == SupervisionCard.Colour.RED ? 0 : 1]++;
            if (card.escalation() == SupervisionCard.Escalation.URGED) {
                t[2]++;
            } else if (card.escalation() == SupervisionCard.Escalation.SUPERVISED) {
                t[3]++;
            }
        }
        Map<String, Tally> tallies = new TreeMap<>();
        tally.forEach((d, t) -> tallies.put(d, new Tally(t[0], t[1], t[2], t[3])));
        model.addAttribute("page", "supervision");
        model.addAttribute("cards", open);
        model.addAttribute("tallies", tallies);
        model.addAttribute("charts", CHARTS);
        // the statistics of this month so far, day by day, in the hall's calendar
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), zone);
        model.addAttribute("from", today.withDayOfMonth(1));
        model.addAttribute("to", today);
        model.addAttribute("colour", wanted);
        model.addAttribute("maxCards", MAX_CARDS);
        return "console/supervision";
    }
}
