package org.onewindow.hub.flow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;

/** The demo cases the README walks through (seeds/demo) complete in the embedded default, as written. */
class DemoCasesTest extends HubTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"enrolment-case.json", "restaurant-case.json", "flat-transfer-case.json", "birth-case.json", "restaurant-company-case.json",
            "company-opening-case.json"})
    void demoCaseCompletes(String file) throws IOException {
        HubClient hub = new HubClient(port);
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), Files.readString(Path.of("../seeds/demo", file)));
        awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
        assertThat(hub.get("/api/v1/cases/" + caseId + "/release").json().get("decision").asText()).isEqualTo("APPROVED");
    }
}
