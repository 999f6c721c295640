package org.onewindow.hub.licences;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.schemas.licences.Licence;
import org.onewindow.schemas.licences.LicenceSignatures;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.security.PublicKey;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rough figures, opt-in: {@code ./mvnw -pl hub -am verify -Dtest=LicenceVerifyMeasurementTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Donewindow.measure=true}. Prints raw BouncyCastle SM2 verifies/s
 * (one thread) and cached POST /api/v1/licences/verify calls/s (one client thread, same machine). No timing
 * assertions: the machine is shared.
 */
@EnabledIfSystemProperty(named = "onewindow.measure", matches = "true")
class LicenceVerifyMeasurementTest extends HubTest {

    private static final long SECONDS = 5;

    @LocalServerPort
    int port;

    @Test
    void printsSm2AndCachedEndpointThroughput() {
        Licence card = DemoLicenceFiles.licence(DemoLicenceFiles.ZHANG_SAN_ID_CARD);
        PublicKey key = DemoLicenceFiles.trustList().keyFor(card.issuerCode(), card.licenceType()).orElseThrow();
        run(1, () -> LicenceSignatures.verify(card, key)); // warm-up
        double sm2 = run(SECONDS, () -> assertThat(LicenceSignatures.verify(card, key)).isTrue());

        HubClient hub = new HubClient(port);
        String body = DemoLicenceFiles.json(Map.of("licence", card));
        Runnable call = () -> {
            HubClient.Reply reply = hub.post("/api/v1/licences/verify", "application/json", null, HttpRequest.BodyPublishers.ofString(body));
            assertThat(reply.status()).isEqualTo(200);
        };
        run(2, call); // warm-up, and the result is cached from here on
        double endpoint = run(SECONDS, call);
        System.out.printf("MEASURE SM2 verify (SM3withSM2, BC JCA, 1 thread): %.0f/s%n", sm2);
        System.out.printf("MEASURE POST /api/v1/licences/verify, cached document, 1 client thread: %.0f calls/s%n", endpoint);
    }

    private static double run(long seconds, Runnable action) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            action.run();
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
