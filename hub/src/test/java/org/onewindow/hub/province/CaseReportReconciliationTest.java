package org.onewindow.hub.province;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.seeds.simulators.ProvinceCaseReports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.LI_SI;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

/**
 * The daily reconciliation (对账) against the provincial simulator's summary, run through the API as the scheduled
 * task runs it: records the province lost are sent again, in order, and the next reconciliation matches; a gap and a
 * repeat are shown in GET /api/v1/province/feed. And who may read and run it.
 */
class CaseReportReconciliationTest extends HubTest {

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    CaseReportStore store;

    @Test
    void recordsTheProvinceLacksAreSentAgainAndTheNextReconciliationMatches() {
        HubClient hub = new HubClient(port);
        HubClient province = hub.as(DemoCallers.PROVINCE);
        ProvinceCaseReports platform = simulators.caseReports();
        String lost = hub.submitAccepted(UUID.randomUUID().toString(), enrolment("张三", ZHANG_SAN));
        String repeated = hub.submitAccepted(UUID.randomUUID().toString(), enrolment("李四", LI_SI));
        awaitStatus(hub, lost, "COMPLETED", Duration.ofSeconds(30));
        awaitStatus(hub, repeated, "REJECTED", Duration.ofSeconds(30)); // 李四 is insured already: a 办结 all the same
        awaitDelivered(lost);
        awaitDelivered(repeated);
        long records = store.records(lost).size();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        // the platform loses the case's records from 2 on (restored from an old backup)
        platform.forget(lost, 2);
        int arrivalsBefore = platform.arrivals().size();
        JsonNode first = province.post("/api/v1/province/reconciliations?date=" + today, "application/json", null,
                HttpRequest.BodyPublishers.noBody()).json();
        assertThat(first.get("outcome").asText()).as(first.toString()).isEqualTo("DIFFERED");
        assertThat(first.get("resent").asLong()).isEqualTo(records - 1);
        assertThat(first.get("differences").findValuesAsText("subject")).contains(lost);
        assertThat(first.get("differences").findValuesAsText("what")).contains("missing", "count");

        // sent again through the ordered drain: 2, 3, ... n, each after the one before was held
        awaitDelivered(lost);
        assertThat(platform.held(lost)).extracting(ProvinceCaseReports.Held::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, records).boxed().toList());
        assertThat(platform.arrivals().subList(arrivalsBefore, platform.arrivals().size()).stream()
                .filter(a -> a.caseId().equals(lost)).map(ProvinceCaseReports.Arrival::sequence).toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(2, records).boxed().toList());

        // the next reconciliation finds nothing different (other test classes' cases settle first)
        AtomicReference<JsonNode> matched = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            matched.set(province.post("/api/v1/province/reconciliations?date=" + today, "application/json", null,
                    HttpRequest.BodyPublishers.noBody()).json());
            return matched.get().get("outcome").asText().equals("MATCHED");
        });
        assertThat(matched.get().get("differences")).isEmpty();
        assertThat(matched.get().get("hubRecords").asLong()).isEqualTo(matched.get().get("provinceRecords").asLong());

        // a platform that holds a record twice: a repeat, shown with the gap
        platform.repeat(repeated, 1);
        JsonNode third = province.post("/api/v1/province/reconciliations?date=" + today, "application/json", null,
                HttpRequest.BodyPublishers.noBody()).json();
        assertThat(third.get("outcome").asText()).isEqualTo("DIFFERED");
        assertThat(third.get("differences").findValuesAsText("what")).contains("repeat");

        JsonNode feed = hub.as(DemoCallers.OPERATOR).get("/api/v1/province/feed").json();
        List<String> anomalies = new ArrayList<>();
        feed.get("anomalies").forEach(a -> anomalies.add(a.get("kind").asText() + " " + a.get("caseId").asText()));
        assertThat(anomalies).contains("GAP " + lost, "REPEAT " + repeated);
        JsonNode history = province.get("/api/v1/province/reconciliations").json().get("reconciliations");
        assertThat(history.findValuesAsText("outcome")).contains("MATCHED", "DIFFERED");
        assertThat(history.get(0).get("day").asText()).isEqualTo(today.toString());
    }

    @Test
    void aGapTheProvinceAnswersWhileACaseIsUnderwayIsDetectedAndFilled() {
        HubClient hub = new HubClient(port);
        ProvinceCaseReports platform = simulators.caseReports();
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), enrolment("张三", ZHANG_SAN));
        awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
        awaitDelivered(caseId);
        long records = store.records(caseId).size();
        // the platform loses the last two; the hub still has a record to send for the case (an applicant wait, as the
        // deadlines work will write): the platform answers it out of order, and the two go again before it
        platform.forget(caseId, records - 1);
        addEvent(caseId);
        awaitDelivered(caseId);
        assertThat(platform.held(caseId)).extracting(ProvinceCaseReports.Held::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, records + 1).boxed().toList());
        JsonNode feed = hub.as(DemoCallers.PROVINCE).get("/api/v1/province/feed").json();
        assertThat(feed.get("anomalies").findValuesAsText("caseId")).contains(caseId);
        assertThat(feed.get("anomalies").get(0).get("source").asText()).isEqualTo("send");
    }

    @Test
    void onlyOperatorsAuditorsAndTheProvinceMayReadAndOnlyOperatorsAndTheProvinceMayRun() {
        HubClient hub = new HubClient(port);
        for (String path : List.of("/api/v1/province/feed", "/api/v1/province/reconciliations")) {
            refused(hub.anonymous().get(path), 401);
            refused(hub.as(DemoCallers.HALL_XUANWU).get(path), 403);
            refused(hub.as(DemoCallers.TAX).get(path), 403);
            assertThat(hub.as(DemoCallers.PROVINCE).get(path).status()).isEqualTo(200);
            assertThat(hub.as(DemoCallers.OPERATOR).get(path).status()).isEqualTo(200);
            assertThat(hub.as(DemoCallers.AUDITOR).get(path).status()).isEqualTo(200);
        }
        String run = "/api/v1/province/reconciliations?date=2026-01-01";
        refused(hub.anonymous().post(run, "application/json", null, HttpRequest.BodyPublishers.noBody()), 401);
        refused(hub.as(DemoCallers.HALL_XUANWU).post(run, "application/json", null, HttpRequest.BodyPublishers.noBody()), 403);
        assertThat(hub.as(DemoCallers.PROVINCE).post(run, "application/json", null, HttpRequest.BodyPublishers.noBody()).status())
                .isEqualTo(200);
        HubClient.Reply badDay = hub.as(DemoCallers.PROVINCE).post("/api/v1/province/reconciliations?date=yesterday",
                "application/json", null, HttpRequest.BodyPublishers.noBody());
        refused(badDay, 400);
        assertThat(badDay.json().at("/errors/0/field").asText()).isEqualTo("date");
    }

    @Autowired
    org.onewindow.hub.cases.CaseStore caseStore;
    @Autowired
    org.onewindow.hub.persistence.GroupCommit groupCommit;

    private void addEvent(String caseId) {
        groupCommit.run("test-event", () -> caseStore.addEvent(caseId, null,
                org.onewindow.hub.cases.CaseEventType.APPLICANT_WAIT_STARTED, "waiting for the applicant's corrected form",
                java.time.Instant.now()));
    }

    private void awaitDelivered(String caseId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> store.records(caseId).stream().noneMatch(CaseReportStore.Stored::pending));
    }

    private static void refused(HubClient.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).doesNotContain("Exception", "at org.", "SELECT ");
    }
}
