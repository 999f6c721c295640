package org.onewindow.hub.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.access.IdentifierMask;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;

/**
 * GET /api/v1/cases/{caseId} masks every resident ID number and credit code it shows (in the tasks' results, reasons,
 * references and the timeline), as the applicant's own is masked: 110105********002X. The release (出件), the
 * document the window hands over to the applicant, keeps them whole: the newborn's ID number is what the parents
 * came for.
 */
class CaseViewMaskingTest extends HubTest {

    /** An ID number or credit code standing alone; not the issuer code inside a licence identifier (1.2.156.3005.2.…). */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?<![0-9A-Za-z.])(?:\\d{17}[\\dXx]|[0-9A-HJ-NP-RTUW-Y]{2}\\d{6}[0-9A-HJ-NP-RTUW-Y]{10})(?![0-9A-Za-z])");
    private static final Pattern MASKED_ID = Pattern.compile("\\d{6}\\*{8}\\d{3}[\\dX]");

    @LocalServerPort
    int port;

    @Test
    void theBirthBundlesCaseViewShowsTheNewbornsIdNumberMaskedAndItsReleaseWhole() throws IOException {
        HubClient hub = new HubClient(port);
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), Files.readString(Path.of("../seeds/demo/birth-case.json")));
        awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
        HubClient.Reply view = hub.get("/api/v1/cases/" + caseId);

        assertThat(unmasked(view.body())).as("identifiers shown whole in the case view").isEmpty();
        JsonNode police = task(view.json(), "police");
        assertThat(police.at("/results/newbornIdNumber").asText()).matches(MASKED_ID);

        JsonNode release = hub.get("/api/v1/cases/" + caseId + "/release").json();
        String newborn = release.findValue("newbornIdNumber").asText();
        assertThat(newborn).hasSize(18).doesNotContain("*");
        assertThat(police.at("/results/newbornIdNumber").asText()).isEqualTo(IdentifierMask.mask(newborn));
    }

    @Test
    void theRestaurantsCaseViewMasksTheNewCompanysCreditCodeEverywhere() throws IOException {
        HubClient hub = new HubClient(port);
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), Files.readString(Path.of("../seeds/demo/restaurant-case.json")));
        awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(40));
        HubClient.Reply view = hub.get("/api/v1/cases/" + caseId);

        assertThat(unmasked(view.body())).as("identifiers shown whole in the case view").isEmpty();
        String creditCode = hub.get("/api/v1/cases/" + caseId + "/release").json().findValue("creditCode").asText();
        assertThat(creditCode).hasSize(18).doesNotContain("*");
        assertThat(view.body()).doesNotContain(creditCode).contains(IdentifierMask.mask(creditCode));
    }

    private static JsonNode task(JsonNode view, String department) {
        for (JsonNode task : view.get("tasks")) {
            if (department.equals(task.get("department").asText())) {
                return task;
            }
        }
        throw new AssertionError("no task of " + department + " in " + view);
    }

    private static List<String> unmasked(String body) {
        List<String> found = new ArrayList<>();
        Matcher matcher = IDENTIFIER.matcher(body);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
