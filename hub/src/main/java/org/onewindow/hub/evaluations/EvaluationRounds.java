package org.onewindow.hub.evaluations;

import org.onewindow.hub.access.IdentifierMask;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.persistence.GroupCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The evaluation round, run every onewindow.evaluations.round-every by the hub's scheduler (one hub of a cluster; it
 * works from stored rows, so a missed round is caught up by the next):
 * <ol>
 *   <li>invites the applicants of completed cases by SMS, with the link to rate the case; a refused invitation is tried
 *       again next round, up to max-send-attempts;</li>
 *   <li>applies the default rating to completed cases nobody rated by their default moment, marked as such;</li>
 *   <li>escalates rectification tickets not answered by their due time (to the supervision office).</li>
 * </ol>
 */
@Component
@EnableConfigurationProperties(EvaluationProperties.class)
public class EvaluationRounds {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRounds.class);

    private final InvitationStore invitations;
    private final RectificationStore tickets;
    private final Evaluations evaluations;
    private final CaseStore cases;
    private final SmsGateway sms;
    private final GroupCommit groupCommit;
    private final Clock clock;
    private final EvaluationProperties properties;

    EvaluationRounds(InvitationStore invitations, RectificationStore tickets, Evaluations evaluations, CaseStore cases,
                     SmsGateway sms, GroupCommit groupCommit, Clock clock, EvaluationProperties properties) {
        this.invitations = invitations;
        this.tickets = tickets;
        this.evaluations = evaluations;
        this.cases = cases;
        this.sms = sms;
        this.groupCommit = groupCommit;
        this.clock = clock;
        this.properties = properties;
    }

    /** What one round did. */
    public record Round(int invited, int refused, int defaulted, int escalated) {
    }

    public Round run() {
        int invited = 0;
        int refused = 0;
        for (String caseId : invitations.unsent(properties.maxSendAttempts(), properties.batchSize())) {
            if (invite(caseId)) {
                invited++;
            } else {
                refused++;
            }
        }
        Instant now = clock.instant();
        int defaulted = groupCommit.execute("evaluation-defaults", () -> {
            List<String> due = invitations.dueForDefault(now, properties.batchSize());
            due.forEach(caseId -> {
                CaseRecord c = cases.lockCase(caseId);
                evaluations.give(c, properties.defaultLevel(), "DEFAULT", null, List.of(), List.of(),
                        "default rating (no rating within " + properties.defaultAfter() + ")", true, now);
            });
            return due.size();
        });
        int escalated = groupCommit.execute("rectification-escalation", () -> {
            List<RectificationTicket> late = tickets.overdue(now, properties.batchSize());
            late.forEach(ticket -> {
                if (tickets.escalate(ticket.ticketId(), now)) {
                    cases.addEvent(ticket.caseId(), null, CaseEventType.RECTIFICATION_ESCALATED, "rectification ticket "
                            + ticket.ticketId() + " of " + ticket.department() + " not answered by " + ticket.dueAt()
                            + ": referred to the supervision office (督办)", now);
                }
            });
            return late.size();
        });
        Round round = new Round(invited, refused, defaulted, escalated);
        if (invited + refused + defaulted + escalated > 0) {
            log.info("Evaluation round: {} invited, {} invitation(s) refused by the SMS gateway, {} default rating(s), {} ticket(s) escalated",
                    invited, refused, defaulted, escalated);
        }
        return round;
    }

    /** Sends one invitation outside any transaction (the gateway may be slow), then records the outcome. */
    private boolean invite(String caseId) {
        CaseRecord c = cases.findCase(caseId).orElseThrow();
        String mobile = cases.request(c).applicant().mobile();
        String link = properties.invitationLink() + caseId;
        try {
            String messageId = sms.send(mobile, Map.of("caseId", caseId, "name", c.applicantName(), "link", link));
            groupCommit.run("evaluation-invited", () -> {
                Instant now = clock.instant();
                invitations.sent(caseId, now, messageId);
                cases.addEvent(caseId, null, CaseEventType.EVALUATION_INVITED, "invited to rate the case by SMS to "
                        + IdentifierMask.maskMobile(mobile) + " (" + messageId + ")", now);
            });
            return true;
        } catch (SmsGateway.SmsFailure e) {
            groupCommit.run("evaluation-invitation-failed", () -> invitations.failed(caseId, e.getMessage()));
            log.warn("Evaluation invitation for case {} not sent: {}", caseId, e.getMessage());
            return false;
        }
    }
}
