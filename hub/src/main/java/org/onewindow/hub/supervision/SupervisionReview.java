package org.onewindow.hub.supervision;

import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.hub.catalogue.WorkingDuration;
import org.onewindow.hub.persistence.GroupCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The supervision review (电子监察): run every onewindow.supervision.review-every by the hub's scheduler (one hub of a
 * cluster), it works from the stored deadlines alone, so a review that was missed (the hub was down) catches up at the
 * next one. Each round:
 * <ol>
 *   <li>issues a yellow card (黄牌) to each running task past its yellow moment, a red card (红牌) to each past its
 *       deadline (clearing its yellow one);</li>
 *   <li>escalates red cards open for urge-after working time (催办, to the department) and supervise-after (督办, to the
 *       supervision office);</li>
 *   <li>clears the cards of finished tasks. Done here rather than when the task finishes, so that a case's path does not
 *       pay for it: a card is cleared within one review interval.</li>
 * </ol>
 * Every step is a timeline event of the case, and so a record of the province's case report feed.
 */
@Component
@EnableConfigurationProperties(SupervisionProperties.class)
public class SupervisionReview {

    private static final Logger log = LoggerFactory.getLogger(SupervisionReview.class);

    private final SupervisionCardStore cards;
    private final CaseStore cases;
    private final WorkingCalendar calendar;
    private final GroupCommit groupCommit;
    private final Clock clock;
    private final SupervisionProperties properties;
    private final WorkingDuration urgeAfter;
    private final WorkingDuration superviseAfter;

    SupervisionReview(SupervisionCardStore cards, CaseStore cases, WorkingCalendar calendar, GroupCommit groupCommit, Clock clock,
                      SupervisionProperties properties) {
        this.cards = cards;
        this.cases = cases;
        this.calendar = calendar;
        this.groupCommit = groupCommit;
        this.clock = clock;
        this.properties = properties;
        this.urgeAfter = WorkingDuration.parse(properties.urgeAfter());
        this.superviseAfter = WorkingDuration.parse(properties.superviseAfter());
    }

    /** What one review did. */
    public record Round(int yellow, int red, int urged, int supervised, int cleared) {
        int total() {
            return yellow + red + urged + supervised + cleared;
        }
    }

    /** One review at the clock's now. */
    public Round review() {
        Instant now = clock.instant();
        int red = drain(() -> groupCommit.execute("supervision-red", () -> {
            List<SupervisionCardStore.DueTask> due = cards.dueForRed(now, properties.batchSize());
            due.forEach(task -> issue(task, SupervisionCard.Colour.RED, now));
            return due.size();
        }));
        int yellow = drain(() -> groupCommit.execute("supervision-yellow", () -> {
            List<SupervisionCardStore.DueTask> due = cards.dueForYellow(now, properties.batchSize());
            due.forEach(task -> issue(task, SupervisionCard.Colour.YELLOW, now));
            return due.size();
        }));
        int supervised = drain(() -> escalate(SupervisionCard.Escalation.URGED, SupervisionCard.Escalation.SUPERVISED,
                calendar.minus(now, superviseAfter), now));
        int urged = drain(() -> escalate(SupervisionCard.Escalation.NONE, SupervisionCard.Escalation.URGED,
                calendar.minus(now, urgeAfter), now));
        int cleared = drain(() -> groupCommit.execute("supervision-clear", () -> {
            List<SupervisionCardStore.FinishedCard> finished = cards.openOfFinishedTasks(properties.batchSize());
            finished.forEach(f -> clear(f.card(), "its task is " + f.taskStatus(), now));
            return finished.size();
        }));
        Round round = new Round(yellow, red, urged, supervised, cleared);
        if (round.total() > 0) {
            log.info("Supervision review: {} yellow and {} red card(s) issued, {} urged (催办), {} referred (督办), {} cleared",
                    yellow, red, urged, supervised, cleared);
        }
        return round;
    }

    private void issue(SupervisionCardStore.DueTask task, SupervisionCard.Colour colour, Instant now) {
        long left = calendar.workingMinutesBetween(now, task.deadline());
        if (colour == SupervisionCard.Colour.RED) {
            cards.openYellowOf(task.taskId()).forEach(yellow -> clear(yellow, "turned red", now));
        }
        cards.issue(task, colour, left, now);
        String words = org.onewindow.hub.cases.TaskDeadline.words(left, calendar.minutesPerDay());
        cases.addEvent(task.caseId(), task.taskId(), CaseEventType.SUPERVISION_CARD_ISSUED, (colour == SupervisionCard.Colour.RED
                ? "red card (红牌) for " : "yellow card (黄牌) for ") + task.department() + ", " + task.itemCode() + ": " + words
                + " (deadline " + task.deadline() + ")", now);
    }

    private int escalate(SupervisionCard.Escalation from, SupervisionCard.Escalation to, Instant issuedBefore, Instant now) {
        return groupCommit.execute("supervision-escalate", () -> {
            List<SupervisionCard> open = cards.openRedAt(from, issuedBefore, properties.batchSize());
            for (SupervisionCard card : open) {
                if (cards.escalate(card.cardId(), from, to, now)) {
                    cases.addEvent(card.caseId(), card.taskId(), CaseEventType.SUPERVISION_CARD_ESCALATED, (to == SupervisionCard.Escalation.URGED
                            ? "urged on " + card.department() + " (催办)" : "referred to the supervision office (督办)") + ": red card "
                            + card.cardId() + " for " + card.itemCode() + " open since " + card.issuedAt(), now);
                }
            }
            return open.size();
        });
    }

    private void clear(SupervisionCard card, String because, Instant now) {
        if (cards.clear(card.cardId(), now, because)) {
            cases.addEvent(card.caseId(), card.taskId(), CaseEventType.SUPERVISION_CARD_CLEARED, card.colour().name().toLowerCase()
                    + " card " + card.cardId() + " for " + card.department() + ", " + card.itemCode() + " cleared: " + because, now);
        }
    }

    /** Repeats a batch until it finds nothing more (each batch is its own commit). */
    private static int drain(java.util.function.IntSupplier batch) {
        int total = 0;
        for (int done = batch.getAsInt(); done > 0; done = batch.getAsInt()) {
            total += done;
        }
        return total;
    }
}
