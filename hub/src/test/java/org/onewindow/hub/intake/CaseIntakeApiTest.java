package org.onewindow.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.nio.ByteBuffer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

class CaseIntakeApiTest extends HubTest {

    private static final String PROBLEM = "application/problem+json";
    /** Rows only an accepted submission adds; department work running in the background never does. */
    private static final List<String> TABLES = List.of("cases", "case_tasks", "intake_requests");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    HubClient hub;

    @BeforeEach
    void client() {
        hub = new HubClient(port);
    }

    @Test
    void acceptsACaseWith202LocationAndBody() {
        HubClient.Reply reply = hub.submit(key(), enrolment("张三", ZHANG_SAN));
        assertThat(reply.status()).isEqualTo(202);
        String caseId = reply.json().get("caseId").asText();
        assertThat(caseId).matches("OW\\d{8}-[0-9A-Z]{10}");
        assertThat(reply.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(reply.location()).isEqualTo("/api/v1/cases/" + caseId);
        assertThat(hub.get(reply.location()).status()).isEqualTo(200);
    }

    @Test
    void sameKeyAndSameBodyGivesTheSameResponseAndNoSecondCase() {
        String key = key();
        Map<String, Long> before = rowCounts();
        HubClient.Reply first = hub.submit(key, enrolment("张三", ZHANG_SAN));
        // the same request with other whitespace and key order is the same request
        HubClient.Reply again = hub.submit(key, "{ \"applicant\": {\"mobile\":\"13800138000\",\"idNumber\":\"" + ZHANG_SAN
                + "\",\"name\":\"张三\",\"kind\":\"PERSON\"}, \"itemCode\": \"SI-PERSON-ENROLMENT\","
                + " \"materials\":" + org.onewindow.hub.testkit.DemoApplicants.onPaper("SI-PERSON-ENROLMENT")
                + ", \"form\":{\"startDate\":\"2026-12-01\"} }");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(rowCounts().get("cases")).isEqualTo(before.get("cases") + 1);
        assertThat(rowCounts().get("intake_requests")).isEqualTo(before.get("intake_requests") + 1);
    }

    @Test
    void sameKeyWithADifferentBodyIs409AndChangesNothing() {
        String key = key();
        hub.submitAccepted(key, enrolment("张三", ZHANG_SAN));
        refused(() -> hub.submit(key, enrolment("张三丰", ZHANG_SAN)), 409, "Idempotency-Key");
    }

    @Test
    void acceptsTheDocumentedIdNumberWithCheckCharacterX() {
        assertThat(hub.submit(key(), enrolment("张三", "11010519491231002X")).status()).isEqualTo(202);
    }

    @Test
    void badIdCheckCharacterAndMissingPhoneAreReportedTogether() {
        refused(() -> hub.submit(key(), """
                {"itemCode":"SI-PERSON-ENROLMENT","applicant":{"kind":"PERSON","name":"张三","idNumber":"110105194912310021"}}"""),
                400, "applicant.idNumber", "applicant.mobile");
    }

    @Test
    void creditCodeIsCheckedByItsMod31Character() {
        String good = """
                {"itemCode":"SI-UNIT-REGISTRATION","applicant":{"kind":"COMPANY","name":"南京味道餐饮有限公司","creditCode":"91110000600037341L","mobile":"13800138000"},
                 "materials":%s}""".formatted(org.onewindow.hub.testkit.DemoApplicants.onPaper("SI-UNIT-REGISTRATION"));
        assertThat(hub.submit(key(), good).status()).isEqualTo(202);
        HubClient.Reply bad = refused(() -> hub.submit(key(), good.replace("91110000600037341L", "91110000600037341M")), 400, "applicant.creditCode");
        assertThat(bad.json().at("/errors/0/message").asText()).contains("check character");
    }

    @Test
    void unknownItemIs422NamingIt() {
        HubClient.Reply reply = refused(() -> hub.submit(key(), enrolment("张三", ZHANG_SAN).replace("SI-PERSON-ENROLMENT", "XX-NO-SUCH-ITEM")),
                422, "itemCode");
        assertThat(reply.json().at("/errors/0/code").asText()).isEqualTo("unknown-item");
        assertThat(reply.json().at("/errors/0/message").asText()).contains("XX-NO-SUCH-ITEM");
    }

    @Test
    void itemOfADepartmentNotConnectedIs422() {
        HubClient.Reply reply = refused(() -> hub.submit(key(), """
                {"itemCode":"CA-MARRIAGE-REGISTRATION","applicant":{"kind":"PERSON","name":"张三","idNumber":"11010519491231002X","mobile":"13800138000"}}"""),
                422, "itemCode");
        assertThat(reply.json().at("/errors/0/code").asText()).isEqualTo("department-not-connected");
    }

    @Test
    void materialTheItemDoesNotAskForIs422() {
        refused(() -> hub.submit(key(), enrolment("张三", ZHANG_SAN).replace("\"labour-contract\"", "\"marriage-certificate\"")),
                422, "materials[1].code");
    }

    @Test
    void malformedJsonIs400() {
        HubClient.Reply reply = refused(() -> hub.submit(key(), "{\"itemCode\": \"SI-PERSON-ENROLMENT\", "), 400, "body");
        assertThat(reply.json().at("/errors/0/code").asText()).isEqualTo("malformed-json");
    }

    @Test
    void unknownFieldAndWrongEnumAre400NamingTheField() {
        refused(() -> hub.submit(key(), enrolment("张三", ZHANG_SAN).replace("\"form\"", "\"fomr\"")), 400, "fomr");
        refused(() -> hub.submit(key(), enrolment("张三", ZHANG_SAN).replace("\"PERSON\"", "\"ALIEN\"")), 400, "applicant.kind");
    }

    @Test
    void missingIdempotencyKeyIs400AlongsideBodyFaults() {
        refused(() -> hub.post("/api/v1/cases", "application/json", null,
                HttpRequest.BodyPublishers.ofString("{\"itemCode\":\"SI-PERSON-ENROLMENT\"}")), 400, "Idempotency-Key", "applicant");
    }

    @Test
    void wrongContentTypeIs415() {
        refused(() -> hub.post("/api/v1/cases", "text/plain", key(),
                HttpRequest.BodyPublishers.ofString(enrolment("张三", ZHANG_SAN))), 415, "Content-Type");
    }

    @Test
    void bodyOverOneMebibyteIs413WithOrWithoutContentLength() {
        String big = "{\"itemCode\":\"SI-PERSON-ENROLMENT\",\"form\":{\"note\":\"" + "x".repeat(1024 * 1024) + "\"}}";
        refused(() -> hub.post("/api/v1/cases", "application/json", key(), HttpRequest.BodyPublishers.ofString(big)),
                413, "body");
        refused(() -> hub.post("/api/v1/cases", "application/json", key(), chunked(big)), 413, "body");
    }

    @Test
    void unknownCaseIs404ProblemToAnOperatorAnd403ToAnIntakeSystem() {
        // only operators learn that a case does not exist (CaseReaders): to an intake system it is not one of its own
        HubClient.Reply reply = hub.as(org.onewindow.hub.testkit.DemoCallers.OPERATOR)
                .get("/api/v1/cases/OW20260101-NOSUCHCASE?reason=test");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith(PROBLEM);
        HubClient.Reply intake = hub.get("/api/v1/cases/OW20260101-NOSUCHCASE");
        assertThat(intake.status()).isEqualTo(403);
        assertThat(intake.contentType()).startsWith(PROBLEM);
    }

    @Test
    void catalogueListsItemsAndBundles() {
        JsonNode items = hub.get("/api/v1/catalogue/items").json().get("items");
        JsonNode bundles = hub.get("/api/v1/catalogue/bundles").json().get("bundles");
        assertThat(items.size()).isGreaterThanOrEqualTo(12);
        assertThat(bundles.findValuesAsText("code")).contains("OPEN-RESTAURANT", "TRANSFER-SECOND-HAND-FLAT", "BIRTH-OF-A-CHILD");
        assertThat(items.findValuesAsText("nameZh")).contains("职工参保登记");
        // each item with its legal basis and limits as the regulation states them, and the older whole-day fields
        JsonNode company = find(items, "MR-COMPANY-ESTABLISHMENT");
        assertThat(company.at("/legalLimit/amount").asInt()).isEqualTo(3);
        assertThat(company.at("/legalLimit/unit").asText()).isEqualTo("working-days");
        assertThat(company.at("/legalLimit/extendableBy").asInt()).isEqualTo(3);
        assertThat(company.at("/legalBasis/document").asText()).isEqualTo("国务院令第746号");
        assertThat(company.at("/legalBasis/effective").asText()).isEqualTo("2022-03-01");
        assertThat(company.get("legalLimitDays").asInt()).isEqualTo(3);
        assertThat(company.get("promisedLimitDays").asInt()).isEqualTo(1);
        JsonNode birth = find(items, "PS-BIRTH-REGISTRATION");
        assertThat(birth.at("/legalLimit/unit").asText()).isEqualTo("none");
        assertThat(birth.has("legalLimitDays")).as("no law sets a limit: no legalLimitDays").isFalse();
        JsonNode flat = find(bundles, "TRANSFER-SECOND-HAND-FLAT");
        assertThat(flat.at("/promisedLimit/amount").asInt()).isEqualTo(3);
        assertThat(flat.get("promisedLimitDays").asInt()).isEqualTo(3);
        assertThat(flat.has("includes")).as("a bundle that builds on none has no includes").isFalse();
        // 企业开办 in 2 working hours (1 whole working day for older readers); the restaurant has all its steps
        JsonNode opening = find(bundles, "COMPANY-OPENING");
        assertThat(opening.at("/promisedLimit/amount").asInt()).isEqualTo(2);
        assertThat(opening.at("/promisedLimit/unit").asText()).isEqualTo("working-hours");
        assertThat(opening.get("promisedLimitDays").asInt()).isEqualTo(1);
        JsonNode restaurant = find(bundles, "OPEN-RESTAURANT");
        assertThat(restaurant.get("includes").get(0).asText()).isEqualTo("COMPANY-OPENING");
        assertThat(restaurant.get("steps").findValuesAsText("id")).containsAll(opening.get("steps").findValuesAsText("id"))
                .contains("food-business-licence");
    }

    private static JsonNode find(JsonNode entries, String code) {
        for (JsonNode entry : entries) {
            if (entry.get("code").asText().equals(code)) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + code + " in " + entries);
    }

    /** Sends a request the hub must refuse, and checks the problem document and that nothing was stored. */
    private HubClient.Reply refused(java.util.function.Supplier<HubClient.Reply> request, int status, String... fields) {
        Map<String, Long> before = rowCounts();
        HubClient.Reply reply = request.get();
        assertThat(rowCounts()).as("rows after a refused request").isEqualTo(before);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith(PROBLEM);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(faultFields(reply)).containsExactlyInAnyOrder(fields);
        return reply;
    }

    /** Checked around every refused request in this class by comparing counts before and after. */
    private Map<String, Long> rowCounts() {
        return TABLES.stream().collect(Collectors.toMap(t -> t, t -> jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single()));
    }

    private static List<String> faultFields(HubClient.Reply reply) {
        return reply.json().get("errors").findValuesAsText("field");
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    /** A body without Content-Length, as a streaming client sends it. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofString(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                inner.subscribe(subscriber);
            }
        };
    }
}
