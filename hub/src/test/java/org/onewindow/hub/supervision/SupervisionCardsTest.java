package org.onewindow.hub.supervision;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.CaseWaits;
import org.onewindow.hub.testkit.DemoApplicants;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.ShiftedClock;
import org.onewindow.hub.testkit.ShiftedClockHubTest;
import org.onewindow.schemas.callbacks.CallbackSignature;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision cards (红黄牌) with the hub's clock moved by hand, on the 2026 calendar, office hours 09:00-12:00 and
 * 13:30-17:30 (7 h a day), yellow share 0.2, 催办 after 1 working day and 督办 after 3. Expected moments are worked out
 * by hand in the comments.
 */
class SupervisionCardsTest extends ShiftedClockHubTest {

    private static final String FLAT = "{\"sellerName\":\"李四\",\"sellerIdNumber\":\"320102198001011238\",\"propertyCertificateNo\":\"(2019)0001\"}";

    @LocalServerPort
    int port;
    @Autowired
    ShiftedClock clock;
    @Autowired
    SupervisionReview review;
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

    @Test
    void aLateTaskGoesYellowThenRedIsEscalatedAndItsCardsClearWhenItCompletes() {
        clock.setNow(beijing("2026-09-30T10:00:00"));
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(),
                DemoApplicants.item("RE-TRANSFER-REGISTRATION", "PERSON", "孔三", "370102198203033338", FLAT));
        String taskId = CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", Duration.ofSeconds(20));
        HubClient operator = hub.as(DemoCallers.OPERATOR);

        // promised 3 working days: due Saturday 10 October 17:30 (调休), 27 h = 1,620 working minutes after acceptance;
        // yellow when less than 20 % (324 min = 5 h 24 min) is left: 4 h in the afternoon and 1 h 24 min before noon,
        // so from 10 October 10:36
        clock.setNow(beijing("2026-10-10T10:34:00"));
        review.review();
        assertThat(cards(operator, caseId).get("count").asInt()).isZero();
        clock.setNow(beijing("2026-10-10T10:40:00"));
        assertThat(review.review().yellow()).isGreaterThanOrEqualTo(1);
        JsonNode yellow = cards(operator, caseId).at("/cards/0");
        assertThat(yellow.get("colour").asText()).isEqualTo("YELLOW");
        assertThat(yellow.get("department").asText()).isEqualTo("real-estate");
        assertThat(yellow.get("itemCode").asText()).isEqualTo("RE-TRANSFER-REGISTRATION");
        assertThat(yellow.get("taskId").asText()).isEqualTo(taskId);
        // 10:40 to 12:00 and 13:30 to 17:30: 320 minutes left (less the moment the test took since 10:40, cut to whole minutes)
        assertThat(yellow.get("minutesLeft").asLong()).isBetween(319L, 320L);

        // overdue at 17:30: the red card replaces the yellow one
        clock.setNow(beijing("2026-10-10T17:45:00"));
        assertThat(review.review().red()).isGreaterThanOrEqualTo(1);
        JsonNode both = cards(operator, caseId);
        assertThat(both.at("/cards/0/colour").asText()).isEqualTo("RED");
        assertThat(both.at("/cards/0/clearedAt").isValueNode()).isFalse();
        assertThat(both.at("/cards/1/colour").asText()).isEqualTo("YELLOW");
        assertThat(both.at("/cards/1/clearedBecause").asText()).isEqualTo("turned red");

        // 催办 once the red card (issued after closing time on 10 October) has been open one working day (420 min): not at
        // 17:00 on Monday 12 October (390 min), but by 09:30 on 13 October (450 min)
        clock.setNow(beijing("2026-10-12T17:00:00"));
        assertThat(review.review().urged()).isZero();
        clock.setNow(beijing("2026-10-13T09:30:00"));
        assertThat(review.review().urged()).isGreaterThanOrEqualTo(1);
        assertThat(cards(operator, caseId).at("/cards/0/escalation").asText()).isEqualTo("URGED");
        // 督办 after three working days (1,260 min): not at 17:00 on 14 October (420 + 420 + 390), but by 09:30 on 15 October
        clock.setNow(beijing("2026-10-14T17:00:00"));
        review.review();
        assertThat(cards(operator, caseId).at("/cards/0/escalation").asText()).isEqualTo("URGED");
        clock.setNow(beijing("2026-10-15T09:30:00"));
        review.review();
        assertThat(cards(operator, caseId).at("/cards/0/escalation").asText()).isEqualTo("SUPERVISED");

        // the registry decides: the red card clears at the next review and keeps its history
        byte[] body = ("<RegistrationResult xmlns=\"urn:county-real-estate:registration:v1\"><BusinessNo>" + taskId + "</BusinessNo>"
                + "<AcceptanceNo>SL-" + taskId + "</AcceptanceNo><NewCertificateNo>(2026)0099999</NewCertificateNo>"
                + "<UnitNo>U-1</UnitNo><RegisteredOn>2026-10-16</RegisteredOn></RegistrationResult>").getBytes(StandardCharsets.UTF_8);
        assertThat(hub.as(DemoCallers.REAL_ESTATE).post("/api/v1/departments/real-estate/callbacks/" + taskId, "application/xml", null,
                HttpRequest.BodyPublishers.ofByteArray(body),
                Map.of(CallbackSignature.HEADER, CallbackSignature.sign(simulators.callbackSecret("real-estate"), body))).status())
                .isEqualTo(200);
        assertThat(review.review().cleared()).isGreaterThanOrEqualTo(1);
        JsonNode cleared = cards(operator, caseId);
        assertThat(cleared.at("/cards/0/clearedAt").isTextual()).isTrue();
        assertThat(cleared.at("/cards/0/clearedBecause").asText()).isEqualTo("its task is COMPLETED");
        assertThat(cleared.at("/cards/0/urgedAt").isTextual()).isTrue();
        assertThat(cleared.at("/cards/0/supervisedAt").isTextual()).isTrue();
        assertThat(hub.caseView(caseId).get("timeline").findValuesAsText("type")).containsSubsequence(
                "SUPERVISION_CARD_ISSUED", "SUPERVISION_CARD_CLEARED", "SUPERVISION_CARD_ISSUED", "SUPERVISION_CARD_ESCALATED",
                "SUPERVISION_CARD_ESCALATED", "TASK_COMPLETED", "SUPERVISION_CARD_CLEARED");

        // each step reached the province through the case report feed, in order, as 电子监察 records
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                simulators.caseReports().held(caseId).stream().filter(h -> h.kind().equals("SUPERVISION"))
                        .map(h -> h.body().replaceAll(".*\"eventType\":\"([A-Z_]+)\".*", "$1")).toList())
                .containsExactly("SUPERVISION_CARD_ISSUED", "SUPERVISION_CARD_CLEARED", "SUPERVISION_CARD_ISSUED",
                        "SUPERVISION_CARD_ESCALATED", "SUPERVISION_CARD_ESCALATED", "SUPERVISION_CARD_CLEARED"));

        // who may read the cards: operators, auditors, the province, and a department its own
        assertThat(hub.as(DemoCallers.PROVINCE).get("/api/v1/supervision/cards?caseId=" + caseId).json().get("count").asInt()).isEqualTo(2);
        assertThat(hub.as(DemoCallers.REAL_ESTATE).get("/api/v1/departments/real-estate/supervision/cards?colour=red").status()).isEqualTo(200);
        assertThat(hub.as(DemoCallers.TAX).get("/api/v1/departments/real-estate/supervision/cards").status()).isEqualTo(403);
        assertThat(hub.as(DemoCallers.HALL_XUANWU).get("/api/v1/supervision/cards").status()).isEqualTo(403);
        HubClient.Reply anonymous = hub.anonymous().get("/api/v1/supervision/cards");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(operator.get("/api/v1/supervision/cards?colour=purple").status()).isEqualTo(400);
    }

    private static JsonNode cards(HubClient operator, String caseId) {
        HubClient.Reply reply = operator.get("/api/v1/supervision/cards?caseId=" + caseId);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }
}
