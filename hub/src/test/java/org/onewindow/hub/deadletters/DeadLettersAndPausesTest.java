package org.onewindow.hub.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskStatus;
import org.onewindow.hub.messaging.JmsQueues;
import org.onewindow.hub.operatoractions.OperatorAction;
import org.onewindow.hub.operatoractions.OperatorActionStore;
import org.onewindow.hub.pauses.DepartmentPauses;
import org.onewindow.hub.pauses.Waiting;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

/**
 * Stuck work replayed safely, and a department paused for maintenance (issue 14), on the whole hub: embedded Artemis,
 * H2 and the WireMock departments. Social insurance is taken down, so its tasks wait for it a few seconds
 * (max-wait-for-department) and are dead-lettered; the simulator's journal, fresh once it is brought back, shows
 * exactly what the department received. One class, because its short wait needs a context of its own.
 */
@TestPropertySource(properties = {"onewindow.tasks.max-wait-for-department=3s", "onewindow.pauses.check-interval-ms=500"})
class DeadLettersAndPausesTest extends HubTest {

    private static final String SI = "social-insurance";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    DepartmentPauses pauses;
    @Autowired
    OperatorActionStore audit;
    @Autowired
    CaseStore cases;
    @Autowired
    JmsQueues queues;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CamelContext camel;
    @Value("${onewindow.tasks.dead-letter-address}")
    String deadLetterQueue;

    @AfterEach
    void departmentsBack() {
        if (!simulators.server(SI).orElseThrow().isRunning()) { // the test failed half-way
            simulators.bringBack(SI);
        }
        jdbc.sql("DELETE FROM department_pauses").update();
    }

    @Test
    void replaysADepartmentsDeadLettersOnceItIsBackSendingEachTaskExactlyOnce() throws Exception {
        HubClient hub = new HubClient(port);
        List<String> caseIds = stuckCases(hub, 3);
        List<String> taskIds = caseIds.stream().map(this::taskOf).toList();

        List<DeadLetter> listed = deadLetters.list(SI).stream().filter(d -> taskIds.contains(d.taskId())).toList();
        assertThat(listed).hasSize(3).allSatisfy(letter -> {
            assertThat(letter.department()).isEqualTo(SI);
            assertThat(letter.itemCode()).isEqualTo("SI-PERSON-ENROLMENT");
            assertThat(letter.reason()).isNotBlank();
            assertThat(letter.deadLetteredAt()).isNotNull();
            assertThat(letter.failedExchange()).contains(letter.taskId()).contains(letter.caseId());
        });
        assertThat(deadLetters.counts()).containsKey("tax").hasEntrySatisfying(SI, count -> assertThat(count).isGreaterThanOrEqualTo(3));
        assertThat(queues.browse(deadLetterQueue, taskIds)).hasSize(3);

        simulators.bringBack(SI);
        // two operators replay the same task at the same moment: one replay, one refusal
        String first = taskIds.get(0);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<List<TaskActionResult>>> both = new ArrayList<>();
        for (String operator : List.of("operator-a", "operator-b")) {
            both.add(two.submit(() -> {
                start.await();
                return deadLetters.replay(List.of(first), operator);
            }));
        }
        start.countDown();
        List<TaskActionResult> concurrent = new ArrayList<>();
        for (Future<List<TaskActionResult>> one : both) {
            concurrent.addAll(one.get());
        }
        two.shutdown();
        assertThat(concurrent).extracting(TaskActionResult::outcome)
                .containsExactlyInAnyOrder(TaskActionResult.Outcome.REPLAYED, TaskActionResult.Outcome.REFUSED);

        List<TaskActionResult> all = deadLetters.replayAll(SI, "operator-a");
        assertThat(all).filteredOn(r -> taskIds.contains(r.taskId())).extracting(TaskActionResult::taskId)
                .containsExactlyInAnyOrderElementsOf(taskIds.subList(1, 3));
        assertThat(all).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(TaskActionResult.Outcome.REPLAYED));

        for (String caseId : caseIds) {
            JsonNode done = awaitStatus(hub, caseId, "COMPLETED", WITHIN);
            assertThat(done.get("timeline").findValuesAsText("type")).contains("TASK_DEAD_LETTERED", "CASE_STUCK", "TASK_REPLAYED",
                    "CASE_RESUMED", "TASK_COMPLETED", "CASE_COMPLETED");
        }
        // connection-refused attempts never reached the department: one request per task, with its idempotency key
        taskIds.forEach(taskId -> assertThat(requestsFor(taskId)).as(taskId).isEqualTo(1));

        List<TaskActionResult> again = deadLetters.replay(taskIds, "operator-b");
        assertThat(again).hasSize(3).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(TaskActionResult.Outcome.REFUSED);
            assertThat(r.message()).isNotBlank();
        });
        assertThat(deadLetters.replayAll(SI, "operator-b")).noneMatch(r -> taskIds.contains(r.taskId()));
        sleep(1000);
        taskIds.forEach(taskId -> assertThat(requestsFor(taskId)).as(taskId).isEqualTo(1));
        assertThat(queues.browse(deadLetterQueue, taskIds)).isEmpty();
        assertThat(deadLetters.list(SI)).noneMatch(d -> taskIds.contains(d.taskId()));

        assertThat(audit.ofTask(first)).extracting(OperatorAction::action, OperatorAction::outcome).containsExactlyInAnyOrder(
                tuple(OperatorAction.Kind.REPLAY, OperatorAction.Outcome.DONE),
                tuple(OperatorAction.Kind.REPLAY, OperatorAction.Outcome.REFUSED),
                tuple(OperatorAction.Kind.REPLAY, OperatorAction.Outcome.REFUSED));
        assertThat(audit.recent(50)).anySatisfy(a -> {
            assertThat(a.taskId()).isEqualTo(taskIds.get(1));
            assertThat(a.operator()).isEqualTo("operator-a");
            assertThat(a.department()).isEqualTo(SI);
            assertThat(a.caseId()).isEqualTo(caseIds.get(1));
        });
    }

    @Test
    void discardNeedsAReasonMarksTheTaskDiscardedAndTerminatesTheCase() {
        HubClient hub = new HubClient(port);
        String caseId = stuckCases(hub, 1).get(0);
        String taskId = taskOf(caseId);
        simulators.bringBack(SI);

        TaskActionResult blank = deadLetters.discard(taskId, "  ", "operator-a");
        assertThat(blank.outcome()).isEqualTo(TaskActionResult.Outcome.REFUSED);
        assertThat(blank.message()).contains("reason");
        assertThat(cases.findTask(taskId).orElseThrow().status()).isEqualTo(TaskStatus.DEAD_LETTERED);

        TaskActionResult discarded = deadLetters.discard(taskId, "申请人撤回申请 (the applicant withdrew)", "operator-a");
        assertThat(discarded.outcome()).isEqualTo(TaskActionResult.Outcome.DISCARDED);
        assertThat(cases.findTask(taskId).orElseThrow().status()).isEqualTo(TaskStatus.DISCARDED);
        JsonNode terminated = hub.caseView(caseId);
        assertThat(terminated.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(terminated.get("statusReason").asText()).contains("申请人撤回申请").contains("operator-a");
        assertThat(terminated.get("timeline").findValuesAsText("type")).contains("TASK_DISCARDED", "CASE_TERMINATED");

        assertThat(deadLetters.replay(List.of(taskId), "operator-b")).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(TaskActionResult.Outcome.REFUSED));
        assertThat(deadLetters.discard(taskId, "again", "operator-b").outcome()).isEqualTo(TaskActionResult.Outcome.REFUSED);
        assertThat(audit.ofTask(taskId)).extracting(OperatorAction::action, OperatorAction::outcome).containsExactly(
                tuple(OperatorAction.Kind.DISCARD, OperatorAction.Outcome.REFUSED),
                tuple(OperatorAction.Kind.DISCARD, OperatorAction.Outcome.DONE),
                tuple(OperatorAction.Kind.REPLAY, OperatorAction.Outcome.REFUSED),
                tuple(OperatorAction.Kind.DISCARD, OperatorAction.Outcome.REFUSED));
        assertThat(audit.ofTask(taskId).get(1).reason()).isEqualTo("申请人撤回申请 (the applicant withdrew)");

        assertThat(queues.browse(deadLetterQueue, List.of(taskId))).isEmpty();
        assertThat(requestsFor(taskId)).isZero();
        // the province is told the case's result (办结): terminated
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_reports WHERE case_id = ? AND kind = 'RESULT' AND event_type = 'CASE_TERMINATED'")
                .param(caseId).query(Long.class).single()).isEqualTo(1);
        assertThat(hub.as(DemoCallers.OPERATOR).get("/api/v1/cases/" + caseId + "/release?reason=test")
                .json().get("decision").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void aPausedDepartmentIsSentNothingUntilItIsResumedAndThePauseFollowsTheTable() throws Exception {
        HubClient hub = new HubClient(port);
        assertThatThrownBy(() -> pauses.pause("nowhere", "maintenance", "operator-a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown department");
        assertThatThrownBy(() -> pauses.pause(SI, " ", "operator-a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> deadLetters.list("nowhere")).isInstanceOf(IllegalArgumentException.class);

        pauses.pause(SI, "维护窗口 maintenance 22:00-23:00", "operator-a");
        assertThat(pauses.isPaused(SI)).isTrue();
        assertThat(pauses.paused()).containsOnlyKeys(SI);
        assertThat(pauses.paused().get(SI).pausedBy()).isEqualTo("operator-a");
        assertThat(suspended(SI + "-tasks")).isTrue();
        assertThat(suspended(SI + "-shares")).isTrue();
        assertThat(suspended("tax-tasks")).isFalse();
        // a second pause keeps the first
        assertThat(pauses.pause(SI, "another window", "operator-b").pausedBy()).isEqualTo("operator-a");

        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            caseIds.add(hub.submitAccepted(UUID.randomUUID().toString(), enrolment("张三", ZHANG_SAN)));
        }
        List<String> taskIds = caseIds.stream().map(this::taskOf).toList();
        await().atMost(WITHIN).untilAsserted(() -> assertThat(pauses.waiting(SI).queuedTasks()).isGreaterThanOrEqualTo(2));
        // a restarted route (a restarted hub) is paused again as it starts, from the table
        camel.getRouteController().stopRoute(SI + "-tasks");
        camel.getRouteController().startRoute(SI + "-tasks");
        assertThat(suspended(SI + "-tasks")).isTrue();

        sleep(1500);
        taskIds.forEach(taskId -> assertThat(requestsFor(taskId)).as(taskId).isZero());
        Waiting waiting = pauses.waiting(SI);
        assertThat(waiting.paused()).isTrue();
        assertThat(waiting.queuedTasks()).isGreaterThanOrEqualTo(2);
        assertThat(waiting.messagesOnQueue()).isNotNull();
        caseIds.forEach(caseId -> assertThat(hub.caseView(caseId).get("status").asText()).isEqualTo("ACCEPTED"));

        // another hub sharing the database pauses and resumes tax: this one follows within the check interval
        jdbc.sql("INSERT INTO department_pauses (department, paused_by, paused_at, reason) VALUES ('tax', 'operator-c', ?, 'elsewhere')")
                .param(OffsetDateTime.now()).update();
        await().atMost(Duration.ofSeconds(5)).until(() -> suspended("tax-tasks") && suspended("tax-shares"));
        jdbc.sql("DELETE FROM department_pauses WHERE department = 'tax'").update();
        await().atMost(Duration.ofSeconds(5)).until(() -> !suspended("tax-tasks") && !suspended("tax-shares"));

        assertThat(pauses.resume(SI, "operator-b")).isTrue();
        assertThat(suspended(SI + "-tasks")).isFalse();
        caseIds.forEach(caseId -> awaitStatus(hub, caseId, "COMPLETED", WITHIN));
        taskIds.forEach(taskId -> assertThat(requestsFor(taskId)).as(taskId).isEqualTo(1));
        assertThat(pauses.resume(SI, "operator-b")).isFalse();
        assertThat(pauses.waiting(SI).paused()).isFalse();

        assertThat(audit.ofDepartment(SI, 10)).extracting(OperatorAction::action, OperatorAction::outcome).startsWith(
                tuple(OperatorAction.Kind.RESUME, OperatorAction.Outcome.REFUSED),
                tuple(OperatorAction.Kind.RESUME, OperatorAction.Outcome.DONE),
                tuple(OperatorAction.Kind.PAUSE, OperatorAction.Outcome.REFUSED),
                tuple(OperatorAction.Kind.PAUSE, OperatorAction.Outcome.DONE));
    }

    /** Cases whose social-insurance task is dead-lettered: submitted while the department is down (left down). */
    private List<String> stuckCases(HubClient hub, int n) {
        simulators.takeDown(SI);
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            caseIds.add(hub.submitAccepted(UUID.randomUUID().toString(), enrolment("张三", ZHANG_SAN)));
        }
        caseIds.forEach(caseId -> awaitStatus(hub, caseId, "STUCK", WITHIN));
        return caseIds;
    }

    private String taskOf(String caseId) {
        return cases.tasks(caseId).get(0).taskId();
    }

    /** Requests the social-insurance simulator received for the task (its idempotency key), since it was last started. */
    private int requestsFor(String taskId) {
        WireMockServer server = simulators.server(SI).orElseThrow();
        return server.findAll(anyRequestedFor(anyUrl()).withHeader("Idempotency-Key", equalTo(taskId))).size();
    }

    private boolean suspended(String routeId) {
        return ServiceHelper.isSuspended(camel.getRoute(routeId).getConsumer());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
