package org.onewindow.hub.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;

/**
 * An operator who runs the packaged hub with {@code logging.file.name}, as Spring Boot documents, gets a log file,
 * and it shows ID numbers masked like the console (DESIGN.md rule 4). Its own process: logging is set up once per JVM.
 */
class MaskedLogFileIT {

    @TempDir
    Path dataDir;

    @Test
    void theConfiguredLogFileShowsIdNumbersMasked() throws Exception {
        Path logFile = dataDir.resolve("logs/hub.log");
        List<String> settings = List.of("logging.file.name=" + logFile,
                // every granted read logged with its holder, as an operator tracing a case would set it
                "logging.level.org.onewindow.hub.access=DEBUG");
        try (HubProcess hubProcess = new HubProcess(dataDir, Path.of("target", "masked-log-file-hub.log"), settings).start()) {
            HubClient hub = new HubClient(hubProcess.port());
            String caseId = hub.submitAccepted(UUID.randomUUID().toString(), Files.readString(Path.of("../seeds/demo/enrolment-case.json")));
            awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(60));

            await().atMost(Duration.ofSeconds(10)).until(() -> read(logFile).contains("for case " + caseId));
            assertThat(read(logFile)).contains("Started OneWindowHubApplication")
                    .contains("of 110105********002X for case " + caseId)
                    .doesNotContain(ZHANG_SAN);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
