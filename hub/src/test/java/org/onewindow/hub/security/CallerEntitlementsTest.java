package org.onewindow.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

/**
 * Who sees what (issue 11): the hall that submitted a case reads it, another hall does not; the applicant reads
 * their own cases with their holder token, nobody else's; an operator reads any case stating a reason, which the
 * applicant then sees in their access log; Idempotency-Keys are each caller's own; an e-licence is read only for a
 * case of the caller's, about one of its parties.
 */
class CallerEntitlementsTest extends HubTest {

    private static final String ID_CARD_OF_ZHANG_SAN = "1.2.156.3005.2.11100000000000000101.11320100MB0000011N.000101.1.6";
    private static final String ID_CARD_OF_LI_SI = "1.2.156.3005.2.11100000000000000101.11320100MB0000011N.000104.1.R";

    @LocalServerPort
    int port;
    HubClient xuanwu;
    HubClient gulou;
    String caseId;

    @BeforeEach
    void zhangSanEnrolsAtTheXuanwuHall() throws Exception {
        xuanwu = new HubClient(port);
        gulou = xuanwu.as(DemoCallers.HALL_GULOU);
        caseId = xuanwu.submitAccepted(UUID.randomUUID().toString(), Files.readString(Path.of("../seeds/demo/enrolment-case.json")));
        awaitStatus(xuanwu, caseId, "COMPLETED", Duration.ofSeconds(30));
    }

    @Test
    void anotherHallCannotReadTheCaseItsReleaseOrItsNotice() throws Exception {
        assertThat(xuanwu.get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        for (String path : List.of("/api/v1/cases/" + caseId, "/api/v1/cases/" + caseId + "/release")) {
            HubClient.Reply refused = gulou.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).isEqualTo("/problems/not-your-case");
            assertThat(refused.body()).doesNotContain("张三", "11010519491231002X", "110105********002X");
        }
        String noticeId = xuanwu.post("/api/v1/notices", "application/json", null, HttpRequest.BodyPublishers.ofString(
                Files.readString(Path.of("../seeds/demo/enrolment-case.json")))).json().get("noticeId").asText();
        assertThat(xuanwu.get("/api/v1/notices/" + noticeId).status()).isEqualTo(200);
        assertThat(gulou.get("/api/v1/notices/" + noticeId).status()).isEqualTo(403);
        assertThat(gulou.get("/api/v1/notices/" + noticeId + "/print").status()).isEqualTo(403);
    }

    @Test
    void theApplicantReadsTheirOwnCasesAndNobodyElses() {
        HubClient zhangSan = xuanwu.withBearer(DemoCallers.ZHANG_SAN_TOKEN);
        JsonNode mine = zhangSan.get("/api/v1/my-cases?size=100").json();
        assertThat(mine.get("holderId").asText()).isEqualTo("110105********002X");
        assertThat(mine.get("cases").findValuesAsText("caseId")).contains(caseId);
        assertThat(zhangSan.get("/api/v1/cases/" + caseId).json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(zhangSan.get("/api/v1/cases/" + caseId + "/release").json().get("decision").asText()).isEqualTo("APPROVED");

        HubClient liSi = xuanwu.withBearer(DemoCallers.LI_SI_TOKEN);
        assertThat(liSi.get("/api/v1/my-cases?size=100").json().get("cases").findValuesAsText("caseId")).doesNotContain(caseId);
        assertThat(liSi.get("/api/v1/cases/" + caseId).status()).isEqualTo(403);
        assertThat(liSi.get("/api/v1/cases/" + caseId + "/release").status()).isEqualTo(403);
        // a holder token is not a system's: it submits nothing and reads no statistics
        assertThat(zhangSan.submit(UUID.randomUUID().toString(), enrolment("张三", ZHANG_SAN)).status()).isEqualTo(403);
        assertThat(zhangSan.get("/api/v1/stats/exemptions").status()).isEqualTo(403);
    }

    @Test
    void anOperatorReadsAnyCaseStatingAReasonAndTheApplicantSeesIt() {
        HubClient operator = xuanwu.as(DemoCallers.OPERATOR);
        HubClient.Reply noReason = operator.get("/api/v1/cases/" + caseId);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("type").asText()).isEqualTo("/problems/purpose-required");

        String reason = "核查办件卡顿 ticket 4711";
        HubClient.Reply read = operator.get("/api/v1/cases/" + caseId + "?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        HubClient.Reply byHeader = operator.get("/api/v1/cases/" + caseId + "/release",
                Map.of("X-Access-Reason", URLEncoder.encode("出件核对", StandardCharsets.UTF_8)));
        assertThat(byHeader.status()).isEqualTo(200);

        JsonNode reads = xuanwu.withBearer(DemoCallers.ZHANG_SAN_TOKEN).get("/api/v1/my-data-access?size=100").json().get("reads");
        List<JsonNode> byOperator = new java.util.ArrayList<>();
        reads.forEach(r -> {
            if (r.get("caller").asText().startsWith("operator") && caseId.equals(r.path("caseId").asText())) {
                byOperator.add(r);
            }
        });
        assertThat(byOperator).extracting(r -> r.get("dataKind").asText(), r -> r.path("purpose").asText(), r -> r.get("outcome").asText())
                .contains(org.assertj.core.groups.Tuple.tuple("CASE", reason, "GRANTED"),
                        org.assertj.core.groups.Tuple.tuple("CASE", "出件核对", "GRANTED"));
        assertThat(byOperator).extracting(r -> r.get("caller").asText()).allSatisfy(caller -> assertThat(caller).contains("王运维"));
        assertThat(byOperator).extracting(r -> r.get("outcome").asText()).contains("REFUSED");
    }

    @Test
    void idempotencyKeysAreEachCallersOwnAndA409NamesNoCase() {
        String key = "shared-key-" + UUID.randomUUID();
        String first = xuanwu.submitAccepted(key, enrolment("张三", ZHANG_SAN));
        String second = gulou.submitAccepted(key, enrolment("张三", ZHANG_SAN).replace("13800138000", "13900139000"));
        assertThat(second).isNotEqualTo(first);
        assertThat(xuanwu.submitAccepted(key, enrolment("张三", ZHANG_SAN))).as("the same request again").isEqualTo(first);

        HubClient.Reply reused = xuanwu.submit(key, enrolment("张三", ZHANG_SAN).replace("13800138000", "13700137000"));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body()).doesNotContain(first, second);
    }

    @Test
    void aLicenceIsVerifiedOnlyForACaseOfTheCallersAboutOneOfItsParties() {
        // the hall's own case, about its applicant: verified, and the access log names the hall
        HubClient.Reply own = verify(xuanwu, ID_CARD_OF_ZHANG_SAN, "11010519491231002X", caseId);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("result").asText()).isEqualTo("VALID");

        // a made-up case, and another hall's case: refused before anything is read
        assertThat(verify(xuanwu, ID_CARD_OF_ZHANG_SAN, "11010519491231002X", "OW20261201-MADEUP0000").status()).isEqualTo(403);
        HubClient.Reply otherHall = verify(gulou, ID_CARD_OF_ZHANG_SAN, "11010519491231002X", caseId);
        assertThat(otherHall.status()).isEqualTo(403);
        assertThat(otherHall.json().get("type").asText()).isEqualTo("/problems/not-entitled");

        // the hall's own case, but someone who is not a party: refused, named or not
        HubClient.Reply stranger = verify(xuanwu, ID_CARD_OF_LI_SI, "320102198001011238", caseId);
        assertThat(stranger.status()).isEqualTo(403);
        HubClient.Reply unnamed = verify(xuanwu, ID_CARD_OF_LI_SI, null, caseId);
        assertThat(unnamed.status()).isEqualTo(403);
        assertThat(unnamed.json().get("type").asText()).isEqualTo("/problems/not-a-party");
        assertThat(unnamed.body()).doesNotContain("李四", "HOLDER_MISMATCH");

        // the department with a task in the case may verify for it too
        assertThat(verify(xuanwu.as(DemoCallers.SOCIAL_INSURANCE), ID_CARD_OF_ZHANG_SAN, "11010519491231002X", caseId).status())
                .isEqualTo(200);

        JsonNode zhangSansLog = xuanwu.withBearer(DemoCallers.ZHANG_SAN_TOKEN).get("/api/v1/my-data-access?size=100").json().get("reads");
        assertThat(zhangSansLog.findValuesAsText("caller")).contains("hall-xuanwu (玄武区政务服务中心一窗受理系统)",
                "dept-social-insurance (人力资源和社会保障局（社保）)");
        JsonNode liSisLog = xuanwu.withBearer(DemoCallers.LI_SI_TOKEN).get("/api/v1/my-data-access?size=100").json().get("reads");
        List<String> refusedForLiSi = new java.util.ArrayList<>();
        liSisLog.forEach(r -> {
            if (caseId.equals(r.path("caseId").asText())) {
                refusedForLiSi.add(r.get("outcome").asText());
            }
        });
        assertThat(refusedForLiSi).isNotEmpty().containsOnly("REFUSED");
    }

    private static HubClient.Reply verify(HubClient caller, String licenceId, String holderId, String caseId) {
        String holder = holderId == null ? "" : ",\"expectedHolder\":{\"id\":\"" + holderId + "\"}";
        return caller.post("/api/v1/licences/verify", "application/json", null, HttpRequest.BodyPublishers.ofString(
                "{\"licenceId\":\"" + licenceId + "\"" + holder + ",\"purpose\":\"职工参保登记材料核验\",\"caseId\":\"" + caseId + "\"}"));
    }
}
