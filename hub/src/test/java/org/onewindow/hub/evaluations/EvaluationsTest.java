package org.onewindow.hub.evaluations;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.CaseWaits;
import org.onewindow.hub.testkit.DemoApplicants;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.ShiftedClock;
import org.onewindow.hub.testkit.ShiftedClockHubTest;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 好差评 on a clock moved by hand (2026 calendar, office hours 09:00-12:00 and 13:30-17:30, 7 h a day): the SMS
 * invitation, a bad rating by the window and its rectification ticket (15 working days), the refusals, the ticket's
 * escalation and answer, the default rating, and the province receiving all of it through the case report feed.
 */
class EvaluationsTest extends ShiftedClockHubTest {

    private static final String ZHANG_SAN_TOKEN = "demo-zhangsan-3f9c2a";
    private static final String LI_SI_TOKEN = "demo-lisi-7b41e0";

    @LocalServerPort
    int port;
    @Autowired
    ShiftedClock clock;
    @Autowired
    EvaluationRounds rounds;
    @Autowired
    DepartmentSimulators simulators;
    HubClient hub;

    @BeforeEach
    void client() {
        hub = new HubClient(port);
    }

    private static Instant beijing(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private static String rating(String caseId, int level, String channel) {
        return "{\"caseId\":\"" + caseId + "\",\"level\":" + level + ",\"channel\":\"" + channel
                + "\",\"comment\":\"等了很久才办好\",\"tags\":[\"slow\",\"unclear-guidance\"]}";
    }

    @Test
    void aBadRatingOpensATicketThatEscalatesUntilTheDepartmentAnswersAndTheProvinceHearsOfIt() {
        clock.setNow(beijing("2026-09-30T10:00:00"));
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), DemoApplicants.enrolment("张三", DemoApplicants.ZHANG_SAN));
        CaseWaits.awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(20));

        // the invitation goes out by SMS at the next round, with the link to rate this case
        assertThat(rounds.run().invited()).isGreaterThanOrEqualTo(1);
        List<ServeEvent> sent = simulators.server("sms-gateway").orElseThrow().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(caseId)).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getRequest().getBodyAsString()).contains("13800138000", "EVALUATION_INVITATION",
                "https://zwfw.example.gov.cn/evaluate/" + caseId);
        assertThat(hub.caseView(caseId).get("timeline").findValuesAsText("detail"))
                .anyMatch(d -> d.contains("invited to rate the case by SMS to 138****8000"));

        // the window records a level-2 rating (不满意) from its tablet: a ticket for social insurance, due in 15 working
        // days: 6 h left on 30 September, none in the holiday, then 14 full days (8, 9, 10 (调休), 12-16, 19-23, 26 October)
        // make 14 h + 98 h = 104 h of 105: the last hour runs out at 10:00 on 27 October
        HubClient.Reply rated = hub.post("/api/v1/evaluations", "application/json", null, json(rating(caseId, 2, "WINDOW_TABLET")));
        assertThat(rated.status()).isEqualTo(201);
        JsonNode evaluation = rated.json();
        assertThat(evaluation.get("level").asInt()).isEqualTo(2);
        assertThat(evaluation.get("levelName").asText()).startsWith("不满意");
        assertThat(evaluation.get("defaultRating").asBoolean()).isFalse();
        JsonNode ticket = evaluation.at("/tickets/0");
        assertThat(evaluation.get("tickets")).hasSize(1);
        assertThat(ticket.get("department").asText()).isEqualTo("social-insurance");
        assertThat(Instant.parse(ticket.get("dueAt").asText())).isBetween(beijing("2026-10-27T10:00:00"), beijing("2026-10-27T10:01:00"));
        long ticketId = ticket.get("ticketId").asLong();

        // a second rating of the same case, by the applicant themself: 409; another holder: 403; nothing changes
        HubClient.Reply again = hub.withBearer(ZHANG_SAN_TOKEN).post("/api/v1/evaluations", "application/json", null,
                json(rating(caseId, 5, "MOBILE_APP")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asText()).isEqualTo("/problems/already-evaluated");
        assertThat(hub.withBearer(LI_SI_TOKEN).post("/api/v1/evaluations", "application/json", null,
                json(rating(caseId, 5, "MOBILE_APP"))).status()).isEqualTo(403);
        assertThat(hub.as(DemoCallers.HALL_GULOU).post("/api/v1/evaluations", "application/json", null,
                json(rating(caseId, 5, "PC"))).status()).isEqualTo(403);
        assertThat(hub.post("/api/v1/evaluations", "application/json", null,
                json("{\"caseId\":\"" + caseId + "\",\"level\":6,\"channel\":\"FAX\"}")).status()).isEqualTo(400);
        assertThat(hub.caseView(caseId).get("timeline").findValuesAsText("type")).containsOnlyOnce("EVALUATION_GIVEN");
        assertThat(hub.caseView(caseId).get("timeline").findValuesAsText("detail")).contains(
                "rating 2 不满意 dissatisfied via WINDOW_TABLET (evaluation " + evaluation.get("evaluationId").asLong()
                        + "), tags slow unclear-guidance: 等了很久才办好");

        // not answered by 10:00 on 27 October: escalated at the next round
        clock.setNow(beijing("2026-10-27T09:50:00"));
        assertThat(rounds.run().escalated()).isZero();
        clock.setNow(beijing("2026-10-27T10:05:00"));
        assertThat(rounds.run().escalated()).isGreaterThanOrEqualTo(1);
        HubClient socialInsurance = hub.as(DemoCallers.SOCIAL_INSURANCE);
        JsonNode open = socialInsurance.get("/api/v1/departments/social-insurance/rectifications?open=true").json();
        assertThat(open.findValuesAsText("ticketId")).contains(String.valueOf(ticketId));

        // the department answers: another department may not; a second answer is 409
        String answer = "{\"outcome\":\"RECTIFIED\",\"answer\":\"窗口增派人员，参保登记当场办结\"}";
        assertThat(hub.as(DemoCallers.TAX).post("/api/v1/departments/social-insurance/rectifications/" + ticketId, "application/json",
                null, json(answer)).status()).isEqualTo(403);
        HubClient.Reply answered = socialInsurance.post("/api/v1/departments/social-insurance/rectifications/" + ticketId,
                "application/json", null, json(answer));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().get("status").asText()).isEqualTo("ANSWERED");
        assertThat(answered.json().get("escalatedAt").isTextual()).isTrue();
        assertThat(socialInsurance.post("/api/v1/departments/social-insurance/rectifications/" + ticketId, "application/json", null,
                json(answer)).status()).isEqualTo(409);

        // the province heard of the rating, the ticket, its escalation and its answer, in that order, after the case's result
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(simulators.caseReports().held(caseId).stream()
                .map(h -> h.kind() + ":" + h.body().replaceAll(".*\"eventType\":\"([A-Z_]+)\".*", "$1")).toList())
                .endsWith("RESULT:CASE_COMPLETED", "EVALUATION:EVALUATION_GIVEN", "EVALUATION:RECTIFICATION_OPENED",
                        "EVALUATION:RECTIFICATION_ESCALATED", "EVALUATION:RECTIFICATION_ANSWERED"));
    }

    @Test
    void onlyACompletedCaseIsRatedAndANotRatedOneGetsTheDefaultRatingMarkedAsSuch() {
        clock.setNow(beijing("2026-11-02T10:00:00"));
        // the registry decides by callback: the case stays open, and is not rated yet
        String open = hub.submitAccepted(UUID.randomUUID().toString(), DemoApplicants.item("RE-TRANSFER-REGISTRATION", "PERSON",
                "孔三", "370102198203033338",
                "{\"sellerName\":\"李四\",\"sellerIdNumber\":\"320102198001011238\",\"propertyCertificateNo\":\"(2019)0001\"}"));
        HubClient.Reply early = hub.post("/api/v1/evaluations", "application/json", null, json(rating(open, 5, "PC")));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("type").asText()).isEqualTo("/problems/case-not-completed");

        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), DemoApplicants.enrolment("张三", DemoApplicants.ZHANG_SAN));
        CaseWaits.awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(20));
        // completed on Monday 2 November at 10:00: the default rating falls due 5 working days (35 h) later, at 10:00 on
        // Monday 9 November
        clock.setNow(beijing("2026-11-09T09:55:00"));
        rounds.run();
        assertThat(hub.caseView(caseId).get("timeline").findValuesAsText("type")).doesNotContain("EVALUATION_GIVEN");
        clock.setNow(beijing("2026-11-09T10:05:00"));
        assertThat(rounds.run().defaulted()).isGreaterThanOrEqualTo(1);
        assertThat(hub.caseView(caseId).get("timeline").findValuesAsText("detail"))
                .anyMatch(d -> d.startsWith("default rating 4 满意"));
        // the applicant can no longer rate it
        assertThat(hub.withBearer(ZHANG_SAN_TOKEN).post("/api/v1/evaluations", "application/json", null,
                json(rating(caseId, 5, "SMS"))).status()).isEqualTo(409);
    }
}
