package org.onewindow.hub.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.DEMO_COMPANY;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;

/** The hub's console log, as it is written (logback-spring.xml), never shows an ID number or credit code in full. */
@ExtendWith(OutputCaptureExtension.class)
class MaskedLogTest extends HubTest {

    private static final Logger log = LoggerFactory.getLogger("org.onewindow.hub.logging.MaskedLogTest");

    @LocalServerPort
    int port;

    @Test
    void aDemoCaseLeavesOnlyMaskedIdNumbersInTheLog(CapturedOutput output) throws IOException {
        HubClient hub = new HubClient(port);
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), Files.readString(Path.of("../seeds/demo/restaurant-case.json")));
        awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().contains("for case " + caseId));

        assertThat(output.getOut()).contains("of 110105********002X for case " + caseId).doesNotContain(ZHANG_SAN);
    }

    @Test
    void messagesArgumentsAndExceptionsAreMasked(CapturedOutput output) {
        log.warn("holder {} asked for the licence of " + DEMO_COMPANY + " (idNumber=\"{}\")", ZHANG_SAN, "32010619920315451x",
                new IllegalStateException("no licence for " + ZHANG_SAN, new IllegalArgumentException("credit code " + DEMO_COMPANY)));

        assertThat(output.getOut())
                .contains("holder 110105********002X asked for the licence of 913201********123R (idNumber=\"320106********451x\")")
                .contains("java.lang.IllegalStateException: no licence for 110105********002X")
                .contains("Caused by: java.lang.IllegalArgumentException: credit code 913201********123R")
                .contains("MaskedLogTest.java")
                .doesNotContain(ZHANG_SAN).doesNotContain(DEMO_COMPANY).doesNotContain("32010619920315451x");
    }
}
