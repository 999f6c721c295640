package org.onewindow.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.CaseWaits;
import org.onewindow.hub.testkit.DemoApplicants;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.ShiftedClockHubTest;
import org.onewindow.hub.testkit.ShiftedClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines in working days on the catalogue's 2026 calendar (DESIGN.md rule 7), office hours 09:00-12:00 and
 * 13:30-17:30 Beijing time, with the hub's clock set to the eve of the National Day holiday. Every expected figure is
 * worked out by hand in the comments.
 */
class WorkingDayDeadlinesTest extends ShiftedClockHubTest {

    /** Wednesday 30 September 2026, 10:00 in Beijing. */
    private static final Instant EVE_OF_NATIONAL_DAY = OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant();
    private static final String FLAT = "{\"sellerName\":\"李四\",\"sellerIdNumber\":\"320102198001011238\",\"propertyCertificateNo\":\"(2019)0001\"}";

    @LocalServerPort
    int port;
    @Autowired
    ShiftedClock clock;
    HubClient hub;

    @BeforeEach
    void eveOfNationalDay() {
        hub = new HubClient(port);
        clock.setNow(EVE_OF_NATIONAL_DAY);
    }

    @Test
    void threePromisedWorkingDaysAcceptedOnTheEveOfNationalDayEndOnTheAdjustedSaturday() {
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(),
                DemoApplicants.item("RE-TRANSFER-REGISTRATION", "PERSON", "孔三", "370102198203033338", FLAT));
        CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", Duration.ofSeconds(20));
        JsonNode deadline = hub.caseView(caseId).at("/tasks/0/deadline");
        // the day of acceptance does not count; 1-7 October are the holiday; 8 October (Thursday) is day 1, 9 October
        // day 2, Saturday 10 October (调休上班) day 3; the office closes at 17:30
        assertThat(deadline.get("promisedWorkingDays").asInt()).isEqualTo(3);
        assertThat(Instant.parse(deadline.get("deadline").asText())).isEqualTo(OffsetDateTime.parse("2026-10-10T17:30:00+08:00").toInstant());
        // left on 30 September from 10:00: 2 h to noon and 4 h in the afternoon, then 3 days of 7 h: 27 h (a few seconds gone)
        assertThat(deadline.get("remainingWorkingMinutes").asLong()).isBetween(27 * 60L - 1, 27 * 60L);
        assertThat(deadline.get("clockStopped").asBoolean()).isFalse();
        assertThat(deadline.get("overdue").asBoolean()).isFalse();

        // the acceptance receipt (受理通知单) the window prints says the same day, in Chinese
        HubClient.Reply receipt = hub.get("/api/v1/cases/" + caseId + "/receipt");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.contentType()).startsWith("text/html");
        assertThat(receipt.body()).contains("受理通知单", caseId, "2026年9月30日 10:0", "不动产转移登记",
                "data-promised-by=\"2026-10-10\"", "2026年10月10日", "3 个工作日", "370102********3338");
        assertThat(receipt.body()).doesNotContain("370102198203033338");
        assertThat(hub.anonymous().get("/api/v1/cases/" + caseId + "/receipt").status()).isEqualTo(401);
        assertThat(hub.as(DemoCallers.HALL_GULOU).get("/api/v1/cases/" + caseId + "/receipt").status()).isEqualTo(403);
    }

    @Test
    void aCorrectionTheDepartmentAsksForStopsTheClockForExactlyTheTimeTheApplicantTakes() {
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(),
                DemoApplicants.item("RE-TRANSFER-REGISTRATION", "PERSON", "孔三", "370102198203033338", FLAT));
        String taskId = CaseWaits.awaitTaskStatus(hub, caseId, "AWAITING_CALLBACK", Duration.ofSeconds(20));

        HubClient.Reply asked = hub.as(DemoCallers.REAL_ESTATE).post("/api/v1/departments/real-estate/tasks/" + taskId + "/corrections",
                "application/json", null, HttpRequest.BodyPublishers.ofString("{\"reason\":\"the sale contract lacks the buyer's signature\"}"));
        assertThat(asked.status()).isEqualTo(201);
        long waitId = asked.json().get("waitId").asLong();
        JsonNode stopped = hub.caseView(caseId);
        assertThat(stopped.at("/tasks/0/deadline/clockStopped").asBoolean()).isTrue();
        assertThat(stopped.get("timeline").findValuesAsText("type")).contains("APPLICANT_WAIT_STARTED");

        // the applicant comes back eight calendar days later, on Thursday 8 October at 10:00 (and a few seconds): the clock
        // stood still for 6 h on 30 September, nothing in the holiday, 1 h on 8 October: 420 working minutes
        clock.advance(Duration.ofDays(8));
        HubClient.Reply answered = hub.post("/api/v1/cases/" + caseId + "/waits/" + waitId + "/answer", "application/json", null,
                HttpRequest.BodyPublishers.ofString("{\"answer\":\"signed contract brought to the window\"}"));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().get("stoppedMinutes").asLong()).isEqualTo(420);

        // the deadline moves on by those 420 minutes (one working day): from Saturday 10 October 17:30 to Monday 12 October
        // 17:30 (Sunday 11 October is a day off)
        JsonNode running = hub.caseView(caseId);
        assertThat(running.at("/tasks/0/deadline/clockStopped").asBoolean()).isFalse();
        assertThat(running.at("/tasks/0/deadline/stoppedWorkingMinutes").asLong()).isEqualTo(420);
        assertThat(Instant.parse(running.at("/tasks/0/deadline/deadline").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-10-12T17:30:00+08:00").toInstant());
        assertThat(running.at("/waits/0/endedAt").isTextual()).isTrue();

        // answered twice: 409, nothing changes
        HubClient.Reply again = hub.post("/api/v1/cases/" + caseId + "/waits/" + waitId + "/answer", "application/json", null,
                HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        // another hall may not answer for this case; another department may not ask for corrections of this task
        assertThat(hub.as(DemoCallers.HALL_GULOU).post("/api/v1/cases/" + caseId + "/waits/" + waitId + "/answer", "application/json",
                null, HttpRequest.BodyPublishers.ofString("{}")).status()).isEqualTo(403);
        assertThat(hub.as(DemoCallers.TAX).post("/api/v1/departments/tax/tasks/" + taskId + "/corrections", "application/json", null,
                HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}")).status()).isEqualTo(403);
        assertThat(hub.as(DemoCallers.REAL_ESTATE).post("/api/v1/departments/real-estate/tasks/" + taskId + "/corrections",
                "application/json", null, HttpRequest.BodyPublishers.ofString("{\"reason\":\"\"}")).status()).isEqualTo(400);
    }

    @Test
    void aDeferredMaterialStopsTheClockFromAcceptanceUntilItIsBrought() {
        // 李四 holds no marriage certificate in the e-licence library, and the deed-tax declaration lets it be brought later
        String body = DemoApplicants.item("TAX-DEED-TAX", "PERSON", "李四", DemoApplicants.LI_SI, FLAT)
                .replace("{\"code\":\"marriage-certificate\",\"documentRef\":\"paper-marriage-certificate\"},", "")
                .replace(",{\"code\":\"marriage-certificate\",\"documentRef\":\"paper-marriage-certificate\"}", "");
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), body);
        JsonNode accepted = hub.caseView(caseId);
        assertThat(accepted.at("/waits/0/kind").asText()).isEqualTo("DEFERRED_MATERIAL");
        assertThat(accepted.at("/waits/0/subject").asText()).isEqualTo("marriage-certificate");
        long waitId = accepted.at("/waits/0/waitId").asLong();

        // brought on 8 October at 10:00: 420 working minutes later; an immediate item (即办件) accepted on 30 September was
        // due at 17:30 that day, and is now due at 17:30 on 8 October
        clock.advance(Duration.ofDays(8));
        HubClient.Reply brought = hub.post("/api/v1/cases/" + caseId + "/waits/" + waitId + "/answer", "application/json", null,
                HttpRequest.BodyPublishers.ofString("{\"answer\":\"marriage certificate brought\"}"));
        assertThat(brought.status()).isEqualTo(200);
        assertThat(brought.json().get("stoppedMinutes").asLong()).isEqualTo(420);
        JsonNode after = hub.caseView(caseId);
        assertThat(Instant.parse(after.at("/tasks/0/deadline/deadline").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-10-08T17:30:00+08:00").toInstant());
        assertThat(after.get("timeline").findValuesAsText("type")).contains("APPLICANT_WAIT_STARTED", "APPLICANT_WAIT_ENDED");
    }
}
