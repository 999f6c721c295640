package org.onewindow.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.item;

/**
 * Whatever a department sends back that breaks its contract, in every dialect, ends the task in a clear
 * failure with the reason, at once and without retries, never in a case that hangs.
 */
class MalformedRepliesTest extends HubTest {

    private static final String FORM = "{\"companyName\":\"味道餐饮\",\"businessScope\":\"餐饮服务\",\"registeredCapital\":\"1\",\"address\":\"中山路1号\","
            + "\"newbornName\":\"小宝\",\"birthDate\":\"2026-11-20\",\"gender\":\"M\",\"birthCertificateNo\":\"Q1\","
            + "\"sellerName\":\"李四\",\"sellerIdNumber\":\"320102198001011238\",\"propertyCertificateNo\":\"(2019)0001\"}";

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            REST/JSON social insurance   | reply without result code | SI-PERSON-ENROLMENT       | 孙八 | 330106198808085673 | lacks the required field /code
            REST/JSON provincial         | reply without head.code   | MR-COMPANY-ESTABLISHMENT  | 何四 | 330102198304042447 | code
            REST/JSON provincial         | truncated JSON            | MR-COMPANY-ESTABLISHMENT  | 何六 | 330102198506062665 | malformed JSON
            SOAP tax                     | broken XML                | TAX-DEED-TAX              | 吴四 | 310104198505050047 | breaks its contract
            SOAP tax                     | wrong namespace           | TAX-DEED-TAX              | 郑五 | 310104197001010055 | urn:other-bureau:v9
            SOAP tax                     | DOCTYPE                   | TAX-DEED-TAX              | 冯六 | 310104198808180068 | DTD
            SOAP police                  | broken XML                | PS-BIRTH-REGISTRATION     | 钟五 | 440106198405051554 | breaks its contract
            SOAP police                  | wrong namespace           | PS-BIRTH-REGISTRATION     | 钟六 | 440106198506061663 | breaks its contract
            SOAP police                  | DOCTYPE                   | PS-BIRTH-REGISTRATION     | 钟七 | 440106198607071772 | DTD
            HTTP/XML real estate         | broken acknowledgement    | RE-TRANSFER-REGISTRATION  | 孔七 | 370102198607073774 | refuses to read
            HTTP/XML real estate         | broken callback           | RE-TRANSFER-REGISTRATION  | 孔四 | 370102198304043447 | callback that breaks its contract
            HTTP/XML real estate         | callback with DOCTYPE     | RE-TRANSFER-REGISTRATION  | 孔五 | 370102198405053556 | DOCTYPE
            HTTP/XML real estate         | callback, wrong namespace | RE-TRANSFER-REGISTRATION  | 孔六 | 370102198506063665 | breaks its contract
            """)
    void aBrokenReplyEndsTheTaskWithItsReason(String dialect, String breakage, String itemCode, String name, String idNumber,
                                             String reason) {
        HubClient hub = new HubClient(port);
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), item(itemCode, "PERSON", name, idNumber, FORM));
        JsonNode stuck = awaitStatus(hub, caseId, "STUCK", Duration.ofSeconds(30));
        JsonNode task = stuck.at("/tasks/0");
        assertThat(task.get("status").asText()).isEqualTo("DEAD_LETTERED");
        assertThat(task.get("statusReason").asText()).contains(reason);
        if (!breakage.contains("callback")) {
            assertThat(task.get("statusReason").asText()).contains("retried 0 times");
        }
        assertThat(stuck.get("statusReason").asText()).contains(task.get("taskId").asText());
    }
}
