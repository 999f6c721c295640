package org.onewindow.hub.evaluations;

import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.hub.catalogue.WorkingDuration;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Records ratings (好差评) and what a bad one sets off: a rectification ticket (整改) for each department concerned, due
 * in working days. Runs inside its caller's transaction; every rating and ticket is a timeline event of the case, and
 * so a record of the province's case report feed.
 */
@Component
class Evaluations {

    private final EvaluationStore evaluations;
    private final RectificationStore tickets;
    private final CaseStore cases;
    private final ServiceCatalogue catalogue;
    private final WorkingCalendar calendar;
    private final WorkingDuration rectificationWithin;

    Evaluations(EvaluationStore evaluations, RectificationStore tickets, CaseStore cases, ServiceCatalogue catalogue,
                WorkingCalendar calendar, EvaluationProperties properties) {
        this.evaluations = evaluations;
        this.tickets = tickets;
        this.cases = cases;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.rectificationWithin = WorkingDuration.parse(properties.rectificationWithin());
    }

    /**
     * The departments a bad rating concerns: the one named, else every department that completed a task of the case
     * (the system that answers for it: a department reached through another answers through that one).
     */
    List<String> concerned(CaseRecord c, String department) {
        List<String> all = cases.tasks(c.caseId()).stream().filter(t -> t.status() == TaskStatus.COMPLETED)
                .map(TaskRecord::department).map(catalogue::carrier).distinct().sorted().toList();
        return department == null ? all : all.stream().filter(department::equals).toList();
    }

    long give(CaseRecord c, int level, String channel, String comment, List<String> tags, List<String> departments,
              String givenBy, boolean defaultRating, Instant now) {
        long evaluationId = evaluations.insert(c.caseId(), c.applicantId(), level, channel, comment, tags, givenBy, defaultRating, now);
        // the whole rating, so that the province's 好差评 record (the feed reports this event) carries it
        cases.addEvent(c.caseId(), null, CaseEventType.EVALUATION_GIVEN, (defaultRating ? "default rating " : "rating ")
                + level + " " + Evaluation.levelName(level) + " via " + channel + " (evaluation " + evaluationId + ")"
                + (tags.isEmpty() ? "" : ", tags " + String.join(" ", tags)) + (comment == null ? "" : ": " + comment), now);
        if (Evaluation.isBad(level)) {
            Instant due = calendar.plus(now, rectificationWithin);
            for (String department : departments) {
                long ticketId = tickets.open(evaluationId, c.caseId(), department, now, due);
                cases.addEvent(c.caseId(), null, CaseEventType.RECTIFICATION_OPENED, "rectification ticket " + ticketId + " (整改) for "
                        + department + ", due " + due + ", after rating " + level + " " + Evaluation.levelName(level), now);
            }
        }
        return evaluationId;
    }

    Evaluation view(long evaluationId) {
        EvaluationStore.Row row = evaluations.find(evaluationId).orElseThrow();
        return new Evaluation(row.evaluationId(), row.caseId(), row.level(), Evaluation.levelName(row.level()), row.channel(),
                row.comment(), row.tags(), row.givenBy(), row.defaultRating(), row.evaluatedAt(), tickets.ofEvaluation(evaluationId));
    }
}
