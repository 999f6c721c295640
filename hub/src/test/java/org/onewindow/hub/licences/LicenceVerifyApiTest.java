package org.onewindow.hub.licences;

import org.onewindow.hub.access.PurposeRequiredException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.schemas.licences.Licence;
import org.onewindow.schemas.licences.LicenceIdentifier;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.licences.DemoLicenceFiles.COMPANY_BUSINESS_LICENCE;
import static org.onewindow.hub.licences.DemoLicenceFiles.LI_SI_FLAT;
import static org.onewindow.hub.licences.DemoLicenceFiles.LI_SI_ID_CARD;
import static org.onewindow.hub.licences.DemoLicenceFiles.ZHANG_SAN_ID_CARD;
import static org.onewindow.hub.licences.DemoLicenceFiles.ZHAO_LIU_EXPIRED;
import static org.onewindow.hub.licences.DemoLicenceFiles.ZHAO_LIU_ID_CARD;
import static org.onewindow.hub.licences.DemoLicenceFiles.ZHAO_LIU_REVOKED;
import static org.onewindow.hub.licences.DemoLicenceFiles.ZHAO_LIU_SUSPENDED;
import static org.onewindow.hub.licences.DemoLicenceFiles.ZHAO_LIU_UNKNOWN_ISSUER;
import static org.onewindow.hub.licences.DemoLicenceFiles.ZHAO_LIU_WRONG_CHECK;
import static org.onewindow.hub.licences.DemoLicenceFiles.json;
import static org.onewindow.hub.licences.DemoLicenceFiles.licence;

/** POST /api/v1/licences/verify against the running hub and the provincial e-licence library simulator. */
class LicenceVerifyApiTest extends HubTest {

    private static final String PURPOSE = "二手房转移登记材料核验";
    private static final String CASE = "OW20261201-LICENCE01";

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    LicenceLibrary library;
    @Autowired
    CamelContext camel;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    HubClient hub;
    final List<StubMapping> addedStubs = new ArrayList<>();

    @BeforeEach
    void client() {
        hub = new HubClient(port);
        // the verifying hall's own case, whose parties hold the licences verified below
        org.onewindow.hub.testkit.CaseFixtures.ensureCase(jdbc, CASE, "hall-xuanwu", "320102198001011238",
                "11010519491231002X", "91320102MA1XYW123R", "440305199003013458");
    }

    @AfterEach
    void restoreTheLibrary() {
        WireMockServer provincial = simulators.server("provincial").orElseThrow();
        if (!provincial.isRunning()) { // a test failed half-way
            simulators.bringBack("provincial");
        }
        addedStubs.forEach(stub -> simulators.server("provincial").orElseThrow().removeStub(stub));
        addedStubs.clear();
    }

    @Test
    void aGoodLicenceVerifiedByIdIsValid() {
        JsonNode answer = verifyById(ZHANG_SAN_ID_CARD, Map.of("id", "11010519491231002X", "name", "张三"));
        assertThat(answer.get("licenceId").asText()).isEqualTo(ZHANG_SAN_ID_CARD);
        assertThat(answer.get("result").asText()).isEqualTo("VALID");
        assertThat(answer.get("reasons")).isEmpty();
        assertThat(answer.get("status").asText()).isEqualTo("VALID");
        assertThat(answer.get("verifiedAt").asText()).isNotBlank();
        assertThat(verifyById(COMPANY_BUSINESS_LICENCE, Map.of("id", "91320102MA1XYW123R")).get("result").asText()).isEqualTo("VALID");
        assertThat(verifyById(LI_SI_FLAT, null).get("result").asText()).isEqualTo("VALID");
    }

    @Test
    void aPresentedDocumentWithOneChangedByteHasABadSignature() {
        Licence card = licence(LI_SI_ID_CARD);
        assertThat(reasons(verifyDocument(card, null))).isEmpty();
        String tampered = json(card).replace("\"2036-05-01\"", "\"2036-05-02\"");
        HubClient.Reply reply = post(Map.of("licence", DemoLicenceFiles.JSON.valueToTree(readTree(tampered))));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("result").asText()).isEqualTo("INVALID");
        assertThat(reasons(reply.json())).containsExactly("BAD_SIGNATURE");
    }

    @Test
    void theDeliberatelyBadLicencesAreInvalidForTheirReason() {
        assertThat(reasons(verifyById(ZHAO_LIU_REVOKED, null))).containsExactly("REVOKED");
        assertThat(verifyById(ZHAO_LIU_REVOKED, null).get("status").asText()).isEqualTo("REVOKED");
        assertThat(reasons(verifyById(ZHAO_LIU_SUSPENDED, null))).containsExactly("SUSPENDED");
        assertThat(reasons(verifyById(ZHAO_LIU_EXPIRED, null))).containsExactly("EXPIRED");
        assertThat(reasons(verifyById(ZHAO_LIU_UNKNOWN_ISSUER, null))).containsExactly("UNKNOWN_ISSUER");
        assertThat(reasons(verifyDocument(licence(ZHAO_LIU_WRONG_CHECK), null))).containsExactly("BAD_CHECK_CHARACTER");
    }

    @Test
    void anIdWithAWrongCheckCharacterIsInvalidWithoutReadingTheLibrary() {
        int before = libraryReads();
        JsonNode answer = verifyById(ZHAO_LIU_WRONG_CHECK, null);
        assertThat(answer.get("result").asText()).isEqualTo("INVALID");
        assertThat(reasons(answer)).containsExactly("BAD_CHECK_CHARACTER");
        assertThat(answer.has("status")).isFalse();
        assertThat(libraryReads()).isEqualTo(before);
    }

    @Test
    void aLicenceOfSomeoneElseIsAHolderMismatch() {
        JsonNode answer = verifyById(LI_SI_ID_CARD, Map.of("id", "11010519491231002X", "name", "张三"));
        assertThat(reasons(answer)).containsExactly("HOLDER_MISMATCH");
        // every reason, not just the first
        assertThat(reasons(verifyById(ZHAO_LIU_EXPIRED, Map.of("id", "320102198001011238")))).containsExactly("EXPIRED", "HOLDER_MISMATCH");
    }

    @Test
    void readingByIdWithoutPurposeOrCaseIsRefusedBeforeAnyRead() {
        int before = libraryReads();
        HubClient.Reply reply = post(Map.of("licenceId", ZHANG_SAN_ID_CARD));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo("/problems/purpose-required");
        assertThat(reply.json().get("errors").findValuesAsText("field")).containsExactly("purpose", "caseId");
        HubClient.Reply noCase = post(Map.of("licenceId", ZHANG_SAN_ID_CARD, "purpose", PURPOSE, "caseId", " "));
        assertThat(noCase.json().get("errors").findValuesAsText("field")).containsExactly("caseId");
        assertThat(libraryReads()).isEqualTo(before);
        assertThatThrownBy(() -> library.find("test", "11010519491231002X", "resident-id-card", null, CASE))
                .isInstanceOf(PurposeRequiredException.class).hasMessageContaining("no purpose");
        assertThat(libraryReads()).isEqualTo(before);
    }

    @Test
    void theLibraryClientFindsAHoldersLicencesByType() {
        assertThat(library.find("test", "11010519491231002X", "resident-id-card", PURPOSE, CASE)).extracting(Licence::identifier)
                .containsExactly(ZHANG_SAN_ID_CARD);
        assertThat(library.find("test", "440305199003013458", "resident-id-card", PURPOSE, CASE)).hasSize(2);
        assertThat(library.find("test", "11010519491231002X", "food-business-licence", PURPOSE, CASE)).isEmpty();
        assertThat(library.get("test", ZHANG_SAN_ID_CARD, null, PURPOSE, CASE, java.util.Set.of("11010519491231002X"))).get().extracting(Licence::holderName).isEqualTo("张三");
    }

    @Test
    void badRequestsAreProblems() {
        String unknown = LicenceIdentifier.of("11100000000000000101", "11320100MB0000011N", "999999", "1").toString();
        HubClient.Reply notFound = post(Map.of("licenceId", unknown, "purpose", PURPOSE, "caseId", CASE));
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("type").asText()).isEqualTo("/problems/licence-not-found");

        HubClient.Reply notAnId = post(Map.of("licenceId", "LIC-123", "purpose", PURPOSE, "caseId", CASE));
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.json().get("type").asText()).isEqualTo("/problems/invalid-request");
        assertThat(notAnId.json().at("/errors/0/field").asText()).isEqualTo("licenceId");

        HubClient.Reply both = post(Map.of("licenceId", ZHANG_SAN_ID_CARD, "licence", licence(ZHANG_SAN_ID_CARD),
                "purpose", PURPOSE, "caseId", CASE));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().at("/errors/0/code").asText()).isEqualTo("exactly-one");

        HubClient.Reply neither = post(Map.of("purpose", PURPOSE, "caseId", CASE));
        assertThat(neither.status()).isEqualTo(400);

        Licence card = licence(ZHANG_SAN_ID_CARD);
        Map<String, Object> incomplete = new LinkedHashMap<>(DemoLicenceFiles.JSON.convertValue(card, Map.class));
        incomplete.remove("signature");
        incomplete.put("holderIdType", "999");
        HubClient.Reply invalid = post(Map.of("licence", incomplete));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsText("field")).containsExactly("licence.holderIdType", "licence.signature");
    }

    @Test
    void aLibraryThatIsDownIsA503() {
        simulators.takeDown("provincial");
        HubClient.Reply reply = post(Map.of("licenceId", ZHANG_SAN_ID_CARD, "purpose", PURPOSE, "caseId", CASE));
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo("/problems/licence-library-unavailable");
        simulators.bringBack("provincial");
        assertThat(verifyById(ZHANG_SAN_ID_CARD, null).get("result").asText()).isEqualTo("VALID");
    }

    @Test
    void aLibraryThatIsSlowOrFailsIsA503() {
        addStub(get(urlPathEqualTo("/gateway/api/v1/e-licences/" + LI_SI_FLAT)).atPriority(2)
                .willReturn(okJson(json(licence(LI_SI_FLAT))).withFixedDelay(4000)).build());
        long start = System.nanoTime();
        HubClient.Reply slow = post(Map.of("licenceId", LI_SI_FLAT, "purpose", PURPOSE, "caseId", CASE));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(slow.status()).isEqualTo(503);
        assertThat(slow.json().get("detail").asText()).contains("no answer within 2000 ms");
        assertThat(tookMs).as("gives up after the configured 2 s, not the library's 4 s").isLessThan(3900);

        addStub(get(urlPathEqualTo("/gateway/api/v1/e-licences/" + COMPANY_BUSINESS_LICENCE)).atPriority(2)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()).build());
        HubClient.Reply failing = post(Map.of("licenceId", COMPANY_BUSINESS_LICENCE, "purpose", PURPOSE, "caseId", CASE));
        assertThat(failing.status()).isEqualTo(503);
        assertThat(failing.json().get("type").asText()).isEqualTo("/problems/licence-library-unavailable");
        assertThat(failing.json().get("detail").asText()).contains("HTTP 500");
    }

    @Test
    void aRevocationPublishedInTheStatusFeedEndsTheCachedValidResult() {
        assertThat(camel.getRouteController().getRouteStatus("licence-status-feed")).isEqualTo(ServiceStatus.Started);
        JsonNode first = verifyById(ZHAO_LIU_ID_CARD, null);
        assertThat(first.get("result").asText()).isEqualTo("VALID");
        JsonNode second = verifyById(ZHAO_LIU_ID_CARD, null);
        assertThat(second.get("verifiedAt").asText()).as("answered from the cache").isEqualTo(first.get("verifiedAt").asText());

        // the library publishes the revocation (吊销) in its feed; it keeps serving the document signed VALID
        long sequence = System.currentTimeMillis();
        addStub(get(urlPathEqualTo("/gateway/api/v1/e-licences/status-changes")).atPriority(2)
                .willReturn(okJson("""
                        {"changes":[{"sequence":%d,"identifier":"%s","status":"REVOKED","changedAt":"2026-12-01T02:00:00Z"}]}"""
                        .formatted(sequence, ZHAO_LIU_ID_CARD))).build());

        // the route polls every second in tests (every 10 s by default): INVALID from its next poll on
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode now = verifyById(ZHAO_LIU_ID_CARD, null);
            assertThat(now.get("result").asText()).isEqualTo("INVALID");
            assertThat(reasons(now)).containsExactly("REVOKED");
            assertThat(now.get("status").asText()).isEqualTo("REVOKED");
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(simulators.server("provincial").orElseThrow().findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathMatching(".*/status-changes"))
                        .withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.equalTo(String.valueOf(sequence)))))
                .as("the feed goes on from the last sequence seen").isNotEmpty());
    }

    private void addStub(StubMapping stub) {
        simulators.server("provincial").orElseThrow().addStubMapping(stub);
        addedStubs.add(stub);
    }

    private int libraryReads() {
        return simulators.server("provincial").orElseThrow().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .anyRequestedFor(urlPathMatching("/gateway/api/v1/e-licences/(queries|1\\..*)"))).size();
    }

    @Test
    void severalLicencesAreVerifiedInOneCallInOrderAndABadOneNamesItsPlace() {
        Map<String, Object> good = Map.of("licenceId", LI_SI_FLAT, "purpose", PURPOSE, "caseId", CASE);
        Map<String, Object> revoked = Map.of("licenceId", ZHAO_LIU_REVOKED, "purpose", PURPOSE, "caseId", CASE);
        HubClient.Reply both = hub.post("/api/v1/licences/verifications", "application/json", null,
                HttpRequest.BodyPublishers.ofString(json(Map.of("verifications", List.of(good, revoked)))));
        assertThat(both.status()).as(both.body()).isEqualTo(200);
        assertThat(both.json().get("results").findValuesAsText("licenceId")).containsExactly(LI_SI_FLAT, ZHAO_LIU_REVOKED);
        assertThat(both.json().get("results").findValuesAsText("result")).containsExactly("VALID", "INVALID");

        HubClient.Reply refused = hub.post("/api/v1/licences/verifications", "application/json", null,
                HttpRequest.BodyPublishers.ofString(json(Map.of("verifications", List.of(good, Map.of("licenceId", LI_SI_FLAT))))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/purpose-required");
        assertThat(refused.json().get("errors").findValuesAsText("field"))
                .containsExactly("verifications[1].purpose", "verifications[1].caseId");

        HubClient.Reply empty = hub.post("/api/v1/licences/verifications", "application/json", null,
                HttpRequest.BodyPublishers.ofString("{\"verifications\":[]}"));
        assertThat(empty.status()).isEqualTo(400);
    }

    private JsonNode verifyById(String identifier, Map<String, String> expectedHolder) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("licenceId", identifier);
        if (expectedHolder != null) {
            body.put("expectedHolder", expectedHolder);
        }
        body.put("purpose", PURPOSE);
        body.put("caseId", CASE);
        HubClient.Reply reply = post(body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode verifyDocument(Licence licence, Map<String, String> expectedHolder) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("licence", licence);
        if (expectedHolder != null) {
            body.put("expectedHolder", expectedHolder);
        }
        HubClient.Reply reply = post(body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private HubClient.Reply post(Map<String, ?> body) {
        return hub.post("/api/v1/licences/verify", "application/json", null, HttpRequest.BodyPublishers.ofString(json(body)));
    }

    private static JsonNode readTree(String text) {
        try {
            return DemoLicenceFiles.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> reasons(JsonNode answer) {
        List<String> reasons = new ArrayList<>();
        answer.get("reasons").forEach(r -> reasons.add(r.asText()));
        return reasons;
    }
}
