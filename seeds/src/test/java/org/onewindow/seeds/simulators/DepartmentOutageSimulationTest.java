package org.onewindow.seeds.simulators;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department taken down and brought back, as outage tests do while the hub keeps retrying: while it is down it
 * refuses connections, and once it answers again it answers as seeded, never half-loaded.
 */
class DepartmentOutageSimulationTest {

    private static final String UNIT_REGISTRATION_QUERY = """
            {"head": {"requestId": "R-1", "serviceCode": "DX.SHARED-DATA.QUERY"},
             "body": {"department": "social-insurance", "dataItem": "unit-registration", "holderId": "91320102MA1XYW123R",
                      "consumer": "social-insurance", "purpose": "test", "caseId": "C-1"}}""";

    private final DepartmentSimulators simulators = new DepartmentSimulators(
            new SimulatorSettings(SimulatorSettings.SEEDED_STUBS, 10, 100, 0));

    @AfterEach
    void stop() {
        simulators.close();
    }

    @Test
    void aSystemBroughtBackAnswersOnlyOnceItsStubsAreLoaded() throws Exception {
        URI query = URI.create(simulators.server("provincial").orElseThrow().baseUrl() + "/gateway/api/v1/data-exchange/queries");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThat(ask(http, query)).contains("SI-UNIT-32010220260001");

        // a caller that keeps asking through the outage, as the hub's retries do
        AtomicBoolean asking = new AtomicBoolean(true);
        AtomicInteger outage = new AtomicInteger();
        List<String> answers = new CopyOnWriteArrayList<>();
        Thread caller = new Thread(() -> {
            while (asking.get()) {
                try {
                    HttpResponse<String> answer = send(http, query);
                    if (answer.statusCode() >= 500) {
                        outage.incrementAndGet(); // cut off while stopping: what a caller sees of an outage
                    } else {
                        answers.add(answer.body());
                    }
                } catch (IOException e) {
                    outage.incrementAndGet(); // refused or cut off
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        caller.start();
        for (int round = 0; round < 5; round++) {
            simulators.takeDown("provincial");
            Thread.sleep(50);
            simulators.bringBack("provincial");
            Thread.sleep(50);
        }
        asking.set(false);
        caller.join(Duration.ofSeconds(10).toMillis());

        assertThat(outage.get()).as("the caller saw the outage").isPositive();
        assertThat(answers).as("every answer is the seeded record, none from a half-loaded gateway").isNotEmpty()
                .allSatisfy(answer -> assertThat(answer).contains("SI-UNIT-32010220260001"));
    }

    private static String ask(HttpClient http, URI query) throws IOException, InterruptedException {
        return send(http, query).body();
    }

    private static HttpResponse<String> send(HttpClient http, URI query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(query).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header("X-Request-Id", "R-1")
                .POST(HttpRequest.BodyPublishers.ofString(UNIT_REGISTRATION_QUERY)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
