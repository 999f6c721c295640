package org.onewindow.hub.access;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.LI_SI_TOKEN;
import static org.onewindow.hub.testkit.DemoApplicants.WANG_QIANG;
import static org.onewindow.hub.testkit.DemoApplicants.WANG_QIANG_TOKEN;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN_TOKEN;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.DEMO_COMPANY_TOKEN;

/** GET /api/v1/my-data-access: the holder sees who read their data, when and why; nobody else does. */
class MyDataAccessTest extends HubTest {

    private static final String PATH = "/api/v1/my-data-access";

    @LocalServerPort
    int port;
    @Autowired
    AccessLog accessLog;

    @Test
    void theApplicantSeesEveryReadOfTheirDataInARestaurantCaseWithItsPurposeAndNobodyElseDoes() throws IOException {
        HubClient hub = new HubClient(port);
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), Files.readString(Path.of("../seeds/demo/restaurant-case.json")));
        awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(readsOfCase(hub, ZHANG_SAN_TOKEN, caseId))
                .extracting(r -> r.get("caller").asText(), r -> r.get("what").asText(), r -> r.get("purpose").asText(),
                        r -> r.get("outcome").asText())
                .contains(
                        tuple("tax", "company-registration from market-regulation under SA-MR-REGISTRATION",
                                "Tax registration of a newly established company (企业开办)", "GRANTED"),
                        tuple("police", "company-registration from market-regulation under SA-MR-REGISTRATION-POLICE",
                                "Seal engraving filing for a newly established company", "GRANTED"),
                        tuple("social-insurance", "company-registration from market-regulation under SA-MR-REGISTRATION-SI",
                                "Unit social insurance registration of a newly established company", "GRANTED")));

        JsonNode page = myDataAccess(hub, ZHANG_SAN_TOKEN, "?size=100");
        assertThat(page.get("holderId").asText()).isEqualTo("110105********002X");
        assertThat(page.toString()).doesNotContain("11010519491231002X");
        assertThat(readsOfCase(hub, LI_SI_TOKEN, caseId)).as("another holder sees none of it").isEmpty();
        assertThat(readsOfCase(hub, WANG_QIANG_TOKEN, caseId)).isEmpty();
    }

    @Test
    void aReadWithoutPurposeIsRefusedAndTheHolderSeesTheRefusal() {
        HubClient hub = new HubClient(port);
        String caseId = "OW-REFUSED-" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> accessLog.record(new DataRead("police", WANG_QIANG, DataKind.LICENCE, "resident-id-card", "", caseId)))
                .isInstanceOf(PurposeRequiredException.class);

        assertThat(readsOfCase(hub, WANG_QIANG_TOKEN, caseId)).singleElement().satisfies(read -> {
            assertThat(read.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(read.get("caller").asText()).isEqualTo("police");
            assertThat(read.get("refusalReason").asText()).contains("purpose");
            assertThat(read.path("purpose").asText()).isBlank();
        });
    }

    @Test
    void pagesRunNewestFirstAndAddUpToTheTotal() {
        HubClient hub = new HubClient(port);
        for (int i = 0; i < 5; i++) {
            accessLog.record(new DataRead("tax", WANG_QIANG, DataKind.SHARED_DATA, "si-payment-record from social-insurance",
                    "Reconcile social insurance fees collected by the tax bureau (税务征收社保费)", "OW-PAGING-" + i));
        }
        long total = myDataAccess(hub, WANG_QIANG_TOKEN, "").get("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(5);

        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; page * 2 < total; page++) {
            JsonNode body = myDataAccess(hub, WANG_QIANG_TOKEN, "?page=" + page + "&size=2");
            assertThat(body.get("page").asInt()).isEqualTo(page);
            assertThat(body.get("size").asInt()).isEqualTo(2);
            assertThat(body.get("total").asLong()).isEqualTo(total);
            assertThat(body.get("reads").size()).isBetween(1, 2);
            body.get("reads").forEach(all::add);
        }
        assertThat(all).hasSize((int) total);
        assertThat(all).extracting(r -> Instant.parse(r.get("readAt").asText())).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all.stream().map(r -> r.path("caseId").asText()).filter(c -> c.startsWith("OW-PAGING-")).toList())
                .containsExactly("OW-PAGING-4", "OW-PAGING-3", "OW-PAGING-2", "OW-PAGING-1", "OW-PAGING-0");
        assertThat(myDataAccess(hub, WANG_QIANG_TOKEN, "?page=" + (total / 2 + 1) + "&size=2").get("reads")).isEmpty();
    }

    @Test
    void badPagingIsRefusedWithEveryFault() {
        HubClient.Reply reply = new HubClient(port).get(PATH + "?page=-1&size=101", bearer(ZHANG_SAN_TOKEN));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo("/problems/invalid-request");
        assertThat(reply.json().get("errors")).extracting(f -> f.get("field").asText()).containsExactly("page", "size");

        HubClient.Reply notANumber = new HubClient(port).get(PATH + "?size=ten", bearer(ZHANG_SAN_TOKEN));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("errors")).extracting(f -> f.get("field").asText()).containsExactly("size");
    }

    @Test
    void withoutAKnownTokenTheAnswerIs401WithABearerChallenge() {
        HubClient hub = new HubClient(port).anonymous();
        for (HubClient.Reply reply : List.of(hub.get(PATH), hub.get(PATH, bearer("not-a-token")),
                hub.get(PATH, Map.of("Authorization", "Basic emhhbmdzYW46c2VjcmV0")))) {
            assertThat(reply.status()).isEqualTo(401);
            // a wrong password is challenged for Basic, anything else for a bearer token
            assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge).matches("(Bearer|Basic) realm=.*"));
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("type").asText()).isEqualTo("/problems/unauthorized");
            assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("Authorization");
            assertThat(reply.body()).doesNotContain("reads");
        }
    }

    @Test
    void theMaterialLookUpsOfACaseAndARefusedVerificationShowToTheHolders() throws IOException {
        HubClient hub = new HubClient(port);
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), Files.readString(Path.of("../seeds/demo/enrolment-case.json")));

        assertThat(readsOfCase(hub, ZHANG_SAN_TOKEN, caseId))
                .extracting(r -> r.get("caller").asText(), r -> r.get("dataKind").asText(), r -> r.get("purpose").asText(),
                        r -> r.get("outcome").asText())
                .contains(tuple("one window for social-insurance (SI-PERSON-ENROLMENT)", "LICENCE",
                        "申请 职工参保登记 (SI-PERSON-ENROLMENT)", "GRANTED"));
        assertThat(readsOfCase(hub, DEMO_COMPANY_TOKEN, caseId)).as("the employer's registration is the employer's data")
                .extracting(r -> r.get("what").asText())
                .anySatisfy(what -> assertThat(what).startsWith("unit-registration from social-insurance"));

        String idCard = "1.2.156.3005.2.11100000000000000101.11320100MB0000011N.000101.1.6";
        HubClient.Reply refused = hub.post("/api/v1/licences/verify", "application/json", null, HttpRequest.BodyPublishers.ofString(
                "{\"licenceId\":\"" + idCard + "\",\"expectedHolder\":{\"id\":\"" + ZHANG_SAN + "\"}}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/purpose-required");
        assertThat(myDataAccess(hub, ZHANG_SAN_TOKEN, "?size=5").get("reads"))
                .anySatisfy(read -> {
                    assertThat(read.get("outcome").asText()).isEqualTo("REFUSED");
                    assertThat(read.get("what").asText()).isEqualTo("licence " + idCard);
                });
    }

    private static List<JsonNode> readsOfCase(HubClient hub, String token, String caseId) {
        List<JsonNode> reads = new ArrayList<>();
        myDataAccess(hub, token, "?size=100").get("reads").forEach(read -> {
            if (caseId.equals(read.path("caseId").asText())) {
                reads.add(read);
            }
        });
        return reads;
    }

    private static JsonNode myDataAccess(HubClient hub, String token, String query) {
        HubClient.Reply reply = hub.get(PATH + query, bearer(token));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        return reply.json();
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
