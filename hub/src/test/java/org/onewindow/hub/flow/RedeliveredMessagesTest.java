package org.onewindow.hub.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.cases.TaskRecord;
import org.onewindow.hub.sharing.DataShareStatus;
import org.onewindow.hub.sharing.DataShareStore;
import org.onewindow.hub.tasks.TaskDispatcher;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;
import static org.onewindow.hub.testkit.DemoApplicants.item;

/**
 * The department routes do nothing twice without an idempotency table of their own: the task's and the share's
 * status decide. A task or share message that arrives again (the broker redelivering after a crash, the outbox
 * relaying twice) calls the department again only while its outcome is not recorded, and then with the same
 * idempotency key. And a department's configured response timeout is the one its calls use, shared data included;
 * its shares, like its tasks, go several at a time.
 */
class RedeliveredMessagesTest extends HubTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final String APPLICATIONS = "/si-gateway/v2/services/[A-Z0-9]+/applications";
    private static final String SHARED_DATA = "/si-gateway/v2/shared-data";

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    TaskDispatcher dispatcher;
    @Autowired
    CaseStore cases;
    @Autowired
    DataShareStore shares;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JmsTemplate jms;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    org.apache.camel.CamelContext camel;
    HubClient hub;
    WireMockServer socialInsurance;

    @BeforeEach
    void setUp() {
        hub = new HubClient(port);
        socialInsurance = simulators.server("social-insurance").orElseThrow();
    }

    @Test
    void aTaskWhoseOutcomeIsRecordedIsNotSentAgainWhenItsMessageComesAgain() {
        String caseId = hub.submitAccepted(key(), enrolment("张三", ZHANG_SAN));
        String taskId = awaitStatus(hub, caseId, "COMPLETED", WITHIN).at("/tasks/0/taskId").asText();
        assertThat(requestsFor(taskId)).hasSize(1);

        long consumed = acknowledged("onewindow.tasks.social-insurance");
        queueAgain(taskId);

        // the message was taken off the queue (committed), and the department was not called for it
        await().atMost(WITHIN).until(() -> acknowledged("onewindow.tasks.social-insurance") > consumed);
        assertThat(requestsFor(taskId)).hasSize(1);
        assertThat(cases.findTask(taskId).orElseThrow().status().name()).isEqualTo("COMPLETED");
    }

    @Test
    void aTaskStillSentWhenItsMessageComesAgainIsSentAgainWithTheSameIdempotencyKey() {
        String caseId = hub.submitAccepted(key(), enrolment("张三", ZHANG_SAN));
        String taskId = awaitStatus(hub, caseId, "COMPLETED", WITHIN).at("/tasks/0/taskId").asText();
        // as after a crash between the department's answer and its record: the task is SENT, its message redelivered
        jdbc.sql("UPDATE case_tasks SET status = 'SENT' WHERE task_id = ?").param(taskId).update();

        queueAgain(taskId);

        await().atMost(WITHIN).untilAsserted(() -> assertThat(cases.findTask(taskId).orElseThrow().status().name())
                .isEqualTo("COMPLETED"));
        assertThat(requestsFor(taskId)).hasSize(2)
                .allSatisfy(request -> assertThat(request.getHeader("Idempotency-Key")).isEqualTo(taskId));
    }

    @Test
    void sharedDataTakesTheDepartmentsResponseTimeoutAndIsNotDeliveredTwice() throws Exception {
        // social insurance's response timeout is 1.5 s in the test profile (the hub's default is 10 s): its first
        // answer to this applicant's tax-payment record comes after 4 s, so the call fails and is retried
        List<StubMapping> slowOnce = List.of(
                socialInsurance.stubFor(post(urlPathEqualTo(SHARED_DATA)).atPriority(1)
                        .withRequestBody(containing("tax-payment-record")).withRequestBody(containing(ZHANG_SAN))
                        .inScenario("share-slow-once").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered-slowly")
                        .willReturn(okJson("{\"code\":\"0000\",\"msg\":\"slow\"}").withFixedDelay(4000))),
                socialInsurance.stubFor(post(urlPathEqualTo(SHARED_DATA)).atPriority(1)
                        .withRequestBody(containing("tax-payment-record")).withRequestBody(containing(ZHANG_SAN))
                        .inScenario("share-slow-once").whenScenarioStateIs("answered-slowly")
                        .willReturn(okJson("{\"code\":\"0000\",\"msg\":\"fast\"}"))));
        try {
            socialInsurance.resetScenarios();
            String caseId = hub.submitAccepted(key(), item("TAX-PAYMENT-CERTIFICATE", "PERSON", "张三", ZHANG_SAN, "{}"));
            awaitStatus(hub, caseId, "COMPLETED", WITHIN);
            await().atMost(WITHIN).untilAsserted(() -> assertThat(taxPaymentRecord(caseId).status())
                    .isEqualTo(DataShareStatus.DELIVERED));
            DataShareStore.DataShare share = taxPaymentRecord(caseId);
            assertThat(shareRequests(share.shareId())).hasSize(2)
                    .allSatisfy(request -> assertThat(request.getHeader("Idempotency-Key")).isEqualTo(share.shareId()));

            // the same share again: taken off the queue, not delivered a third time
            long consumed = acknowledged("onewindow.shared.social-insurance");
            SharedData again = new SharedData(share.shareId(), share.agreement(), share.producer(), share.consumer(),
                    share.dataItem(), "test", caseId, ZHANG_SAN, Map.of());
            jms.convertAndSend("onewindow.shared.social-insurance", objectMapper.writeValueAsString(again), message -> {
                message.setStringProperty("MessageKey", share.shareId());
                return message;
            });
            await().atMost(WITHIN).until(() -> acknowledged("onewindow.shared.social-insurance") > consumed);
            assertThat(shareRequests(share.shareId())).hasSize(2);
        } finally {
            slowOnce.forEach(socialInsurance::removeStub);
        }
    }

    @Test
    void everyDepartmentTakesSeveralSharesAtOnceAndOneWaitsWhileIdle() {
        // one consumer per department could not keep up with social insurance, which receives several shares per case
        for (String department : List.of("tax", "social-insurance", "real-estate", "police", "housing-fund", "provincial", "medical-insurance")) {
            org.apache.camel.component.jms.JmsEndpoint shares = (org.apache.camel.component.jms.JmsEndpoint)
                    camel.getRoute(department + "-shares").getEndpoint();
            assertThat(shares.getConcurrentConsumers()).as(department).isEqualTo(1);
            assertThat(shares.getMaxConcurrentConsumers()).as(department).isEqualTo(4);
        }
    }

    private DataShareStore.DataShare taxPaymentRecord(String caseId) {
        return shares.ofCase(caseId).stream().filter(share -> share.dataItem().equals("tax-payment-record"))
                .filter(share -> share.consumer().equals("social-insurance")).findFirst().orElseThrow();
    }

    /** The task's message once more, through the outbox, exactly as it was dispatched. */
    private void queueAgain(String taskId) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            TaskRecord task = cases.findTask(taskId).orElseThrow();
            dispatcher.dispatch(cases.request(cases.findCase(task.caseId()).orElseThrow()), List.of(task), List.of(), Instant.now());
        });
    }

    /** Messages the queue's consumers took and committed so far. */
    private long acknowledged(String queue) {
        Queue found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessagesAcknowledged();
    }

    private List<LoggedRequest> requestsFor(String taskId) {
        return socialInsurance.findAll(postRequestedFor(urlPathMatching(APPLICATIONS))
                .withRequestBody(matchingJsonPath("$.ywlsh", equalTo(taskId))));
    }

    private List<LoggedRequest> shareRequests(String shareId) {
        return socialInsurance.findAll(postRequestedFor(urlPathEqualTo(SHARED_DATA))
                .withRequestBody(matchingJsonPath("$.gxbh", equalTo(shareId))));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
