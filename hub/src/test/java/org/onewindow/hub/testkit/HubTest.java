package org.onewindow.hub.testkit;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The whole hub as it runs by default: embedded Artemis, an H2 file database and the WireMock
 * department simulators, in a fresh data folder. Subclasses share one application context.
 *
 * <p>{@link AutoConfigureObservability}: metrics are exported as they are in production (Boot turns export off in
 * tests otherwise, and /actuator/prometheus answers 404), so the tests that scrape it (observability/
 * DashboardQueriesTest) share this context instead of starting one of their own.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class HubTest {

    @DynamicPropertySource
    static void freshDataFolder(DynamicPropertyRegistry registry) {
        try {
            String dataDir = Files.createTempDirectory("onewindow-test-").toString();
            registry.add("onewindow.data-dir", () -> dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
