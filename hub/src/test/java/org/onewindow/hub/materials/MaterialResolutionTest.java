package org.onewindow.hub.materials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;

/**
 * Material resolution (免证办) through the running hub, with the seeded demo population and the e-licence
 * library and data exchange of the provincial simulator.
 */
class MaterialResolutionTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    org.onewindow.hub.outbound.GatewayLookups gatewayLookups;

    @AfterEach
    void bringBackTheProvince() {
        if (!simulators.server("provincial").orElseThrow().isRunning()) { // the test failed half-way
            simulators.bringBack("provincial");
        }
    }

    @Test
    void theDemoCompanyIsNotAskedForItsBusinessLicence() throws IOException {
        HubClient hub = new HubClient(port);
        String body = demo("restaurant-company-case.json");

        HubClient.Reply given = hub.post("/api/v1/notices", "application/json", null, HttpRequest.BodyPublishers.ofString(body));
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        JsonNode notice = given.json();
        assertThat(codes(notice.get("mustBring"))).containsExactlyInAnyOrder(
                "registration-application", "articles-of-association", "unit-registration-form", "food-safety-rules", "premises-layout");
        assertThat(notice.get("mustBring").findValuesAsText("brought")).containsOnly("true");
        assertThat(codes(notice.get("mayDefer"))).containsExactlyInAnyOrder("bank-account", "authorisation-letter",
                "staff-health-certificates");
        assertThat(codes(notice.get("exempt"))).contains("business-licence", "legal-rep-id-card", "premises-certificate",
                "company-registration");
        assertThat(entry(notice.get("exempt"), "company-registration").get("evidence").asText())
                .as("steps after the business licence need the registration it produces, not another copy")
                .contains("produced in this case by step company-establishment");
        JsonNode businessLicence = entry(notice.get("exempt"), "business-licence");
        assertThat(businessLicence.get("reference").asText()).startsWith("1.2.156.3005.2.");
        assertThat(businessLicence.get("verifiedAt").asText()).isNotEmpty();
        int asking = stepsAsking(hub, "OPEN-RESTAURANT", "business-licence");
        assertThat(asking).isGreaterThanOrEqualTo(5);
        assertThat(businessLicence.get("items").size()).as("one licence for every item that asks for it").isEqualTo(asking);
        assertThat(notice.get("waitingForSystems")).isEmpty();

        HubClient.Reply page = hub.get(notice.get("printUrl").asText());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("一次性告知单", "南京味道餐饮有限公司", "营业执照", businessLicence.get("reference").asText())
                .doesNotContain("91320102MA1XYW123R");
        assertThat(hub.get("/api/v1/notices/" + notice.get("noticeId").asText()).json().get("mustBring")).isEqualTo(notice.get("mustBring"));

        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), body);
        JsonNode view = awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
        List<JsonNode> licences = new ArrayList<>();
        view.get("materials").forEach(m -> {
            if (m.get("materialCode").asText().equals("business-licence")) {
                licences.add(m);
            }
        });
        assertThat(licences).hasSize(asking).allSatisfy(m -> {
            assertThat(m.get("status").asText()).isEqualTo("EXEMPT");
            assertThat(m.get("reference").asText()).isEqualTo(businessLicence.get("reference").asText());
        });
        assertThat(view.get("timeline").findValuesAsText("type")).startsWith("MATERIALS_RESOLVED", "CASE_ACCEPTED");
    }

    @Test
    void aCaseMissingWhatOnlyTheApplicantHoldsIsRefusedWithTheNotice() throws IOException {
        HubClient hub = new HubClient(port);
        ObjectNode request = (ObjectNode) JSON.readTree(demo("restaurant-case.json"));
        request.remove("materials");
        String key = UUID.randomUUID().toString();

        HubClient.Reply refused = hub.submit(key, request.toString());

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/materials-missing");
        assertThat(refused.json().get("errors").findValuesAsText("message")).hasSize(5)
                .anySatisfy(m -> assertThat(m).startsWith("registration-application"));
        assertThat(codes(refused.json().at("/notice/mustBring"))).containsExactlyInAnyOrder(
                "registration-application", "articles-of-association", "unit-registration-form", "food-safety-rules", "premises-layout");
        // nothing was stored: the same key with the materials brought makes the case
        assertThat(hub.submit(key, demo("restaurant-case.json")).status()).isEqualTo(202);
    }

    @Test
    void aLicenceOfSomeoneElseIsNotAcceptedForTheSeller() throws IOException {
        HubClient hub = new HubClient(port);
        ObjectNode request = (ObjectNode) JSON.readTree(demo("flat-transfer-case.json"));
        ((ObjectNode) request.get("form")).put("sellerName", "王五");

        HubClient.Reply refused = hub.submit(UUID.randomUUID().toString(), request.toString());

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode certificate = entry(refused.json().at("/notice/mustBring"), "real-estate-certificate");
        assertThat(certificate.get("reason").asText()).contains("HOLDER_MISMATCH");
        assertThat(codes(refused.json().at("/notice/exempt"))).contains("id-card", "marriage-certificate");
    }

    @Test
    void whileTheLibraryIsDownTheCaseWaitsAndGoesOnByItself() throws IOException, InterruptedException {
        HubClient hub = new HubClient(port);
        // look-ups kept from earlier cases of the same holder and purpose would answer without the library
        gatewayLookups.forgetAll();
        simulators.takeDown("provincial");

        HubClient.Reply receipt = hub.submit(UUID.randomUUID().toString(), demo("enrolment-case.json"));

        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        assertThat(receipt.json().get("status").asText()).isEqualTo("WAITING_VERIFICATION");
        String caseId = receipt.json().get("caseId").asText();
        Thread.sleep(1500); // a few retry rounds with the library still down
        JsonNode waiting = hub.caseView(caseId);
        assertThat(waiting.get("status").asText()).isEqualTo("WAITING_VERIFICATION");
        assertThat(waiting.get("statusReason").asText()).contains("id-card", "not asked");
        assertThat(waiting.get("tasks")).as("nothing is sent on unverified data").isEmpty();
        assertThat(waiting.get("materials").findValuesAsText("status")).contains("UNAVAILABLE").doesNotContain("EXEMPT");

        simulators.bringBack("provincial");

        JsonNode completed = awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
        assertThat(completed.get("timeline").findValuesAsText("type"))
                .containsSubsequence("VERIFICATION_WAITING", "MATERIALS_RESOLVED", "CASE_ACCEPTED", "CASE_COMPLETED");
        assertThat(entry(completed.get("materials"), "id-card").get("status").asText()).isEqualTo("EXEMPT");
    }

    @Test
    void theExemptionRatioOverTheDemoPopulationIsAtLeastSixtyPercent() throws IOException {
        HubClient hub = new HubClient(port);
        Set<String> cases = new HashSet<>();
        try (var files = Files.list(Path.of("../seeds/demo"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("-case.json")).toList()) {
                cases.add(hub.submitAccepted(UUID.randomUUID().toString(), Files.readString(file)));
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(5);

        JsonNode stats = hub.as(DemoCallers.PROVINCE).get("/api/v1/stats/exemptions?cases=200").json();

        long exempted = 0;
        long required = 0;
        for (JsonNode c : stats.get("byCase")) {
            if (cases.contains(c.get("caseId").asText())) {
                exempted += c.at("/exemption/exempted").asLong();
                required += c.at("/exemption/required").asLong();
            }
        }
        assertThat(required).isGreaterThan(0);
        assertThat((double) exempted / required).as("%d of %d materials exempt", exempted, required).isGreaterThanOrEqualTo(0.6);
        assertThat(stats.at("/overall/ratio").asDouble()).isGreaterThan(0);
        assertThat(stats.get("byBundle").findValuesAsText("code")).contains("OPEN-RESTAURANT", "BIRTH-OF-A-CHILD", "TRANSFER-SECOND-HAND-FLAT",
                "COMPANY-OPENING");
        assertThat(stats.get("byItem").findValuesAsText("code")).contains("SI-PERSON-ENROLMENT", "MR-COMPANY-ESTABLISHMENT");
    }

    /** How many steps of the bundle ask for the material, by the hub's catalogue. */
    private static int stepsAsking(HubClient hub, String bundleCode, String materialCode) {
        Set<String> asking = new HashSet<>();
        hub.get("/api/v1/catalogue/items").json().get("items").forEach(item -> item.get("materials").forEach(m -> {
            if (m.get("code").asText().equals(materialCode)) {
                asking.add(item.get("code").asText());
            }
        }));
        int steps = 0;
        for (JsonNode bundle : hub.get("/api/v1/catalogue/bundles").json().get("bundles")) {
            if (bundle.get("code").asText().equals(bundleCode)) {
                for (JsonNode step : bundle.get("steps")) {
                    steps += asking.contains(step.get("item").asText()) ? 1 : 0;
                }
            }
        }
        return steps;
    }

    private static String demo(String file) throws IOException {
        return Files.readString(Path.of("../seeds/demo", file));
    }

    private static List<String> codes(JsonNode entries) {
        return entries.findValuesAsText("materialCode");
    }

    private static JsonNode entry(JsonNode entries, String materialCode) {
        for (JsonNode e : entries) {
            if (e.get("materialCode").asText().equals(materialCode)) {
                return e;
            }
        }
        throw new AssertionError("no " + materialCode + " in " + entries);
    }
}
