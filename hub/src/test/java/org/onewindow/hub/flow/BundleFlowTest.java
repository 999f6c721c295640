package org.onewindow.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.hub.access.IdentifierMask;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.birth;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;
import static org.onewindow.hub.testkit.DemoApplicants.flatTransfer;
import static org.onewindow.hub.testkit.DemoApplicants.restaurant;

/** 一件事一次办: a bundle's steps run in parallel where they can, in order where one needs another's result. */
class BundleFlowTest extends HubTest {

    private static final int DELAY_MS = 1000;

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    ServiceCatalogue catalogue;
    HubClient hub;

    @BeforeEach
    void client() {
        hub = new HubClient(port);
    }

    @AfterEach
    void noDelays() {
        simulators.departments().forEach(d -> simulators.server(d).orElseThrow().setGlobalFixedDelay(0));
    }

    /**
     * Proven from the departments' request journals, not from durations: with every department taking a
     * second to answer, the steps that depend on the business licence (企业开办's, which the restaurant includes, and
     * the food licence) all reach their departments after the licence was issued, and each before any other has
     * been answered. Steps are found by their ids: a step added to 企业开办 changes none of this.
     */
    @Test
    void restaurantStepsRunInParallelOnceTheBusinessLicenceIsIssued() {
        simulators.departments().forEach(d -> simulators.server(d).orElseThrow().setGlobalFixedDelay(DELAY_MS));
        String caseId = hub.submitAccepted(key(), restaurant("张三", ZHANG_SAN));
        JsonNode done = awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(40));

        JsonNode establishment = task(done, "company-establishment");
        long licence = receivedAt(requestsOf(establishment));
        List<JsonNode> dependents = new ArrayList<>();
        done.get("tasks").forEach(task -> {
            if (task != establishment) {
                dependents.add(task);
            }
        });
        assertThat(dependents).extracting(task -> task.get("stepId").asText()).contains("seal-filing", "invoice-application",
                "unit-social-insurance", "unit-medical-insurance", "housing-fund-deposit", "food-business-licence");
        List<Long> starts = dependents.stream().map(task -> receivedAt(requestsOf(task))).toList();
        assertThat(starts).as("each dependent step starts after the licence was answered")
                .allSatisfy(start -> assertThat(start).isGreaterThanOrEqualTo(licence + DELAY_MS));
        long first = starts.stream().min(Long::compare).orElseThrow();
        long last = starts.stream().max(Long::compare).orElseThrow();
        assertThat(last - first).as("the last dependent step started before the first one was answered").isLessThan(DELAY_MS);

        // the new company's credit code, issued by the licence step, is what the later steps used (whole in the
        // release; the case view shows it masked)
        String creditCode = hub.get("/api/v1/cases/" + caseId + "/release").json().at("/results/0/results/creditCode").asText();
        assertThat(establishment.at("/results/creditCode").asText()).isEqualTo(IdentifierMask.mask(creditCode));
        assertThat(requestsOf(task(done, "invoice-application")).get(0).getBodyAsString()).contains(creditCode);
        assertThat(requestsOf(task(done, "seal-filing")).get(0).getBodyAsString()).contains(creditCode);
        assertThat(requestsOf(task(done, "housing-fund-deposit")).get(0).getBodyAsString()).contains(creditCode);
        assertThat(requestsOf(task(done, "unit-medical-insurance")).get(0).getBodyAsString()).contains(creditCode);
    }

    /**
     * 新生儿出生一件事: the vaccination certificate (health, through the provincial platform) needs only the birth medical
     * certificate, so it is asked for side by side with the birth registration, before the police have answered.
     */
    @Test
    void theVaccinationCertificateIsAskedForBesideTheBirthRegistration() {
        simulators.departments().forEach(d -> simulators.server(d).orElseThrow().setGlobalFixedDelay(DELAY_MS));
        String caseId = hub.submitAccepted(key(), birth("张三", ZHANG_SAN));
        JsonNode done = awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(40));

        JsonNode vaccination = task(done, "vaccination-certificate");
        assertThat(vaccination.get("department").asText()).isEqualTo("health");
        assertThat(vaccination.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(vaccination.at("/results/vaccinationCertificateNo").asText()).isEqualTo("YFJZ-Q320000001");
        LoggedRequest certificate = requestsOf(vaccination).get(0);
        assertThat(certificate.getUrl()).isEqualTo("/gateway/api/v1/health/vaccination-certificates");
        long registration = receivedAt(requestsOf(task(done, "birth-registration")));
        assertThat(Math.abs(certificate.getLoggedDate().getTime() - registration)).as("both sent before either was answered")
                .isLessThan(DELAY_MS);
    }

    @Test
    void flatTransferRegistersOnlyAfterTheDeedTaxIsPaidAndReleasesBothResults() {
        String caseId = hub.submitAccepted(key(), flatTransfer("张三", ZHANG_SAN));
        JsonNode done = awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
        String voucher = done.at("/tasks/0/results/paymentVoucherNo").asText();
        LoggedRequest registration = requestsOfCase("real-estate", caseId + "-02").get(0);
        assertThat(registration.getBodyAsString()).contains("<TaxVoucherNo>" + voucher + "</TaxVoucherNo>");
        assertThat(registration.getLoggedDate()).isAfter(requestsOfCase("tax", caseId + "-01").get(0).getLoggedDate());

        JsonNode release = hub.get("/api/v1/cases/" + caseId + "/release").json();
        assertThat(release.get("decision").asText()).isEqualTo("APPROVED");
        assertThat(release.at("/results/0/results/paymentVoucherNo").asText()).isEqualTo(voucher);
        assertThat(release.at("/results/1/results/certificateNo").asText()).isNotBlank();
        assertThat(release.at("/results/1/itemNameZh").asText()).isEqualTo("不动产转移登记（存量房买卖）");
    }

    @Test
    void theNewbornsIdNumberFeedsTheMedicalAndSocialInsuranceSteps() {
        String caseId = hub.submitAccepted(key(), birth("张三", ZHANG_SAN));
        JsonNode done = awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
        String newborn = hub.get("/api/v1/cases/" + caseId + "/release").json().at("/results/0/results/newbornIdNumber").asText();
        assertThat(newborn).hasSize(18);
        assertThat(done.at("/tasks/0/results/newbornIdNumber").asText()).as("masked in the case view").isEqualTo(IdentifierMask.mask(newborn));
        assertThat(requestsOfCase("medical-insurance", caseId + "-02").get(0).getBodyAsString()).contains(newborn);
        assertThat(requestsOfCase("social-insurance", caseId + "-03").get(0).getBodyAsString()).contains(newborn);
    }

    @Test
    void aRefusalEndsTheBundleAndCancelsStepsNotYetSent() {
        // Chen Yi 陈一 owes tax: the bureau refuses the deed tax declaration
        String caseId = hub.submitAccepted(key(), flatTransfer("陈一", "310104197803120010"));
        JsonNode refused = awaitStatus(hub, caseId, "REJECTED", Duration.ofSeconds(30));
        assertThat(refused.get("statusReason").asText()).contains("tax", "[3001]");
        assertThat(refused.at("/tasks/1/status").asText()).isEqualTo("CANCELLED");
        assertThat(requestsOfCase("real-estate", caseId)).isEmpty();
        JsonNode release = hub.get("/api/v1/cases/" + caseId + "/release").json();
        assertThat(release.get("decision").asText()).isEqualTo("REFUSED");
        assertThat(release.get("reason").asText()).contains("[3001]");
    }

    @Test
    void aCaseStillInProgressHasNoReleaseYet() {
        // Qian Qi 钱七: the social insurance bureau takes 8 seconds
        String caseId = hub.submitAccepted(key(), enrolment("钱七", "510107199511204568"));
        HubClient.Reply early = hub.get("/api/v1/cases/" + caseId + "/release");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
    }

    private List<LoggedRequest> requestsOfCase(String department, String idFragment) {
        WireMockServer server = simulators.server(department).orElseThrow();
        return server.findAll(anyRequestedFor(anyUrl()).withRequestBody(containing(idFragment))).stream()
                .filter(r -> !r.getUrl().contains("shared") && !r.getBodyAsString().contains("SharedData"))
                .toList();
    }

    /** The requests of a task at the simulator of the department that carries it (market regulation, health: provincial). */
    private List<LoggedRequest> requestsOf(JsonNode task) {
        return requestsOfCase(catalogue.carrier(task.get("department").asText()), task.get("taskId").asText());
    }

    private static JsonNode task(JsonNode view, String stepId) {
        for (JsonNode task : view.get("tasks")) {
            if (task.get("stepId").asText().equals(stepId)) {
                return task;
            }
        }
        throw new AssertionError("no step " + stepId + " in " + view.get("tasks"));
    }

    private static long receivedAt(List<LoggedRequest> requests) {
        assertThat(requests).as("requests").isNotEmpty();
        return requests.get(0).getLoggedDate().getTime();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
