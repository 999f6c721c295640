package org.onewindow.hub.province;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.seeds.simulators.ProvinceCaseReports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

/**
 * The done-when of the case report feed, in one JVM: cases flow while the provincial platform is down; its records wait
 * in the hub; when the platform is back they drain, and the platform holds every record of every case exactly once and
 * in order. What is checked, precisely:
 * <ul>
 *   <li>the platform's deduplicated store holds, per case, exactly the hub's records, sequences 1..n, same kinds;</li>
 *   <li>per case, no record n+1 arrived before the platform had answered record n as held (its arrival log, kept
 *   across the outage, unlike WireMock's journal);</li>
 *   <li>each record was answered ACCEPTED once; it arrived again (answered DUPLICATE) only after that, when the
 *   platform was cut off while it answered: taking the simulator down can break the connection of a send the
 *   platform had already held, and the hub, never told, must send it again. The journal after the outage holds every
 *   record once.</li>
 * </ul>
 */
@CamelSpringBootTest
class CaseReportFeedFlowTest extends HubTest {

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    CaseReportStore store;
    @Autowired
    CamelContext camel;

    @AfterEach
    void bringBack() {
        if (!simulators.server("provincial").orElseThrow().isRunning()) { // the test failed half-way
            simulators.bringBack("provincial");
        }
    }

    @Test
    void recordsWaitWhileTheProvinceIsDownAndReachItOnceAndInOrderWhenItIsBack() throws Exception {
        HubClient hub = new HubClient(port);
        ProvinceCaseReports province = simulators.caseReports();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cases.add(hub.submitAccepted(UUID.randomUUID().toString(), enrolment("张三", ZHANG_SAN)));
        }
        simulators.takeDown("provincial");
        // a case whose result reached the province before it went down (the feed polls every 200 ms) waited for nothing
        Set<String> reportedBeforeTheOutage = cases.stream()
                .filter(c -> province.held(c).stream().anyMatch(h -> "RESULT".equals(h.kind()))).collect(Collectors.toSet());
        // the departments go on: the cases complete while the province is down, their records pile up in the hub
        for (String caseId : cases) {
            awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
        }
        // a case submitted during the outage waits for its e-licence check (the same gateway) and goes on afterwards
        String duringOutage = hub.submitAccepted(UUID.randomUUID().toString(), enrolment("张三", ZHANG_SAN));
        NotifyBuilder polls = new NotifyBuilder(camel).fromRoute("case-report-feed").whenCompleted(5).create();
        assertThat(polls.matches(10, TimeUnit.SECONDS)).as("the feed keeps polling, backing off, while the province is down").isTrue();
        var feed = hub.as(DemoCallers.OPERATOR).get("/api/v1/province/feed").json();
        assertThat(feed.at("/backlog/waiting").asLong()).as("records waiting: " + feed).isGreaterThanOrEqualTo(cases.size());
        assertThat(feed.at("/backlog/lastError").asText()).isNotEmpty();

        simulators.bringBack("provincial");
        awaitStatus(hub, duringOutage, "COMPLETED", Duration.ofSeconds(30));
        cases.add(duringOutage);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> cases.stream().allMatch(c -> store.records(c).stream().noneMatch(CaseReportStore.Stored::pending)));

        List<ProvinceCaseReports.Arrival> arrivals = province.arrivals();
        for (String caseId : cases) {
            List<CaseReportStore.Stored> ours = store.records(caseId);
            assertThat(ours).extracting(CaseReportStore.Stored::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, ours.size()).boxed().toList());
            assertThat(ours.get(0).kind()).isEqualTo(ReportKind.ACCEPT);
            assertThat(ours.get(ours.size() - 1).kind()).isEqualTo(ReportKind.RESULT);
            assertThat(ours).extracting(CaseReportStore.Stored::eventType)
                    .contains("CASE_ACCEPTED", "TASK_SENT", "TASK_COMPLETED", "CASE_COMPLETED");
            List<ProvinceCaseReports.Held> held = province.held(caseId);
            assertThat(held).extracting(ProvinceCaseReports.Held::sequence).as("held by the province, case " + caseId)
                    .containsExactlyElementsOf(ours.stream().map(CaseReportStore.Stored::sequence).toList());
            assertThat(held).extracting(ProvinceCaseReports.Held::kind)
                    .containsExactlyElementsOf(ours.stream().map(r -> r.kind().name()).toList());

            List<ProvinceCaseReports.Arrival> ofCase = arrivals.stream().filter(a -> a.caseId().equals(caseId)).toList();
            Set<Long> heldSoFar = new java.util.HashSet<>();
            for (ProvinceCaseReports.Arrival arrival : ofCase) {
                assertThat(arrival.sequence() == 1 || heldSoFar.contains(arrival.sequence() - 1))
                        .as("case %s: record %d arrived before %d was held", caseId, arrival.sequence(), arrival.sequence() - 1).isTrue();
                if (heldSoFar.contains(arrival.sequence())) {
                    // sent again after an answer lost to the cut-off: the platform recognises it and holds it once
                    assertThat(arrival.outcome()).as("case %s record %d again", caseId, arrival.sequence()).isEqualTo("DUPLICATE");
                } else {
                    assertThat(arrival.outcome()).as("case %s record %d", caseId, arrival.sequence()).isEqualTo("ACCEPTED");
                }
                heldSoFar.add(arrival.sequence());
            }
            assertThat(ofCase.stream().filter(a -> "ACCEPTED".equals(a.outcome()))).as("records held, case " + caseId).hasSize(ours.size());
        }
        // the journal of the simulator since it came back: every record in it once
        List<LoggedRequest> posts = simulators.server("provincial").orElseThrow()
                .findAll(postRequestedFor(urlPathEqualTo("/gateway/report/v1/case-records")));
        Map<String, Long> sent = new java.util.HashMap<>();
        for (LoggedRequest post : posts) {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(post.getBodyAsString()).get("records")
                    .forEach(r -> sent.merge(r.get("caseId").asText() + "/" + r.get("sequence").asLong(), 1L, Long::sum));
        }
        assertThat(sent.values()).as("records in the journal after the outage").isNotEmpty().allMatch(n -> n == 1);
        assertThat(sent.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).collect(Collectors.toSet()))
                .as("cases whose records waited out the outage").containsAll(
                        cases.stream().filter(c -> !reportedBeforeTheOutage.contains(c)).toList());
        // the applicant's ID number goes to the province in the accept record only
        assertThat(posts.stream().map(LoggedRequest::getBodyAsString).filter(b -> b.contains(ZHANG_SAN)))
                .allMatch(b -> b.contains("\"kind\":\"ACCEPT\""));
        feed = hub.as(DemoCallers.OPERATOR).get("/api/v1/province/feed").json();
        assertThat(feed.at("/backlog/waiting").asLong()).isZero();
        assertThat(feed.at("/anomalies")).isEmpty();
    }
}
