package org.onewindow.hub.intake;

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
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.flatTransfer;

/**
 * Form fields the catalogue uses to name a holder (seeds/catalogue: holder.idField, the key of a licence or
 * shared-data look-up) are identifiers, validated by their type like the applicant's own: a credit code by
 * GB 32100, an ID number by GB 11643, with the usual 400 listing every fault, on /api/v1/cases and
 * /api/v1/notices alike, and nothing stored or read.
 */
class FormHolderValidationTest extends HubTest {

    /** Rows a case or a notice would add (not data_access_log: other classes' department work adds to it in the background). */
    private static final List<String> TABLES = List.of("cases", "case_tasks", "intake_requests", "case_materials", "notices");
    private static final String VALID_EMPLOYER = "91320102MA1XYW123R";

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
    void anEmployerCreditCodeWithAnEmojiIs400NamingTheFormField() {
        for (String path : List.of("/api/v1/cases", "/api/v1/notices")) {
            HubClient.Reply reply = refused(() -> post(path, enrolment(VALID_EMPLOYER + "😀", "13800138000")));
            assertThat(faults(reply)).containsExactly("form.employerCreditCode");
            assertThat(reply.json().at("/errors/0/code").asText()).isEqualTo("UnifiedSocialCreditCode");
        }
    }

    @Test
    void anEmployerCreditCodeWithAWrongCheckCharacterIsListedWithTheOtherFaults() {
        HubClient.Reply reply = refused(() -> post("/api/v1/cases", enrolment("91320102MA1XYW123Q", "")));
        assertThat(faults(reply)).contains("applicant.mobile").endsWith("form.employerCreditCode");
        assertThat(reply.json().get("errors").get(faults(reply).size() - 1).get("message").asText()).contains("check character");
    }

    @Test
    void aSellersIdNumberThatIsNoIdNumberIs400NamingTheFormField() {
        String badSeller = flatTransfer("张三", ZHANG_SAN).replace("\"sellerIdNumber\":\"320102198001011238\"",
                "\"sellerIdNumber\":\"320102198001011239\"");
        for (String path : List.of("/api/v1/cases", "/api/v1/notices")) {
            HubClient.Reply reply = refused(() -> post(path, badSeller));
            assertThat(faults(reply)).containsExactly("form.sellerIdNumber");
            assertThat(reply.json().at("/errors/0/code").asText()).isEqualTo("ResidentIdNumber");
        }
    }

    @Test
    void validHolderFieldsAreAccepted() {
        assertThat(post("/api/v1/cases", enrolment(VALID_EMPLOYER, "13800138000")).status()).isEqualTo(202);
        assertThat(post("/api/v1/notices", enrolment(VALID_EMPLOYER, "13800138000")).status()).isEqualTo(201);
        assertThat(post("/api/v1/cases", flatTransfer("张三", ZHANG_SAN)).status()).isEqualTo(202);
    }

    /** seeds/demo/enrolment-case.json: the hub looks up the employer's registration by form.employerCreditCode. */
    private static String enrolment(String employerCreditCode, String mobile) {
        return """
                {"itemCode":"SI-PERSON-ENROLMENT",
                 "applicant":{"kind":"PERSON","name":"张三","idNumber":"%s","mobile":"%s"},
                 "form":{"startDate":"2026-12-01","employerCreditCode":"%s"},
                 "materials":[{"code":"labour-contract","documentRef":"intake-doc-0001"}]}""".formatted(ZHANG_SAN, mobile, employerCreditCode);
    }

    private HubClient.Reply post(String path, String body) {
        return hub.post(path, "application/json", path.endsWith("cases") ? UUID.randomUUID().toString() : null,
                HttpRequest.BodyPublishers.ofString(body));
    }

    private HubClient.Reply refused(Supplier<HubClient.Reply> request) {
        Map<String, Long> before = rowCounts();
        HubClient.Reply reply = request.get();
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo("/problems/invalid-request");
        assertThat(rowCounts()).as("nothing stored").isEqualTo(before);
        return reply;
    }

    private static List<String> faults(HubClient.Reply reply) {
        return reply.json().get("errors").findValuesAsText("field");
    }

    private Map<String, Long> rowCounts() {
        return TABLES.stream().collect(Collectors.toMap(t -> t, t -> jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single()));
    }
}
