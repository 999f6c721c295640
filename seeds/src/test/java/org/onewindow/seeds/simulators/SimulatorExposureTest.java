package org.onewindow.seeds.simulators;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The simulators of the embedded default are reachable from this machine only, and nobody can reprogram them
 * over HTTP: WireMock's admin API (stubs, the request journal with full ID numbers) is refused on the wire,
 * while the in-process Java API that tests use keeps working.
 */
class SimulatorExposureTest {

    private static DepartmentSimulators simulators;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() {
        simulators = new DepartmentSimulators(new SimulatorSettings(SimulatorSettings.SEEDED_STUBS, 10, 100, 0));
    }

    @AfterAll
    static void stop() {
        simulators.close();
    }

    @Test
    void aSimulatorListensOnTheLoopbackAddressOnly() throws IOException {
        Optional<InetAddress> outside = nonLoopbackAddress();
        assumeTrue(outside.isPresent(), "this machine has no non-loopback address to try");
        for (String department : simulators.departments()) {
            int port = simulators.server(department).orElseThrow().port();
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
                assertThat(loopback.isConnected()).as("%s on the loopback address", department).isTrue();
            }
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(outside.get(), port), 2000);
                }
            }).as("%s on %s", department, outside.get()).isInstanceOf(IOException.class);
        }
        assertThat(simulators.hubSettings().get("onewindow.departments.tax.base-url")).asString().startsWith("http://127.0.0.1:");
    }

    @Test
    void theAdminApiIsRefusedOverHttp() throws Exception {
        WireMockServer realEstate = simulators.server("real-estate").orElseThrow();
        int stubsBefore = realEstate.getStubMappings().size();
        String forgery = """
                {"request": {"method": "POST", "urlPath": "/forge"},
                 "response": {"status": 202},
                 "serveEventListeners": [{"name": "onewindow-callback",
                     "parameters": {"department": "real-estate", "body": "<RegistrationResult/>"}}]}""";

        HttpResponse<String> added = http.send(HttpRequest.newBuilder(adminUri(realEstate, "/__admin/mappings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(forgery)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> journal = http.send(HttpRequest.newBuilder(adminUri(realEstate, "/__admin/requests")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> reset = http.send(HttpRequest.newBuilder(adminUri(realEstate, "/__admin/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(added.statusCode()).as(added.body()).isEqualTo(401);
        assertThat(journal.statusCode()).isEqualTo(401);
        assertThat(journal.body()).doesNotContain("IdNo", "zjhm");
        assertThat(reset.statusCode()).isEqualTo(401);
        assertThat(realEstate.getStubMappings()).as("no stub added or removed over HTTP").hasSize(stubsBefore);

        // the in-process API (what the hub's tests use) is not HTTP and keeps working
        realEstate.stubFor(get(urlPathEqualTo("/in-process")).willReturn(ok("yes")));
        HttpResponse<String> inProcess = http.send(HttpRequest.newBuilder(adminUri(realEstate, "/in-process")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(inProcess.body()).isEqualTo("yes");
        assertThat(realEstate.getAllServeEvents()).isNotEmpty();
    }

    private static URI adminUri(WireMockServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** An address of this machine other than loopback, IPv4 first. */
    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        InetAddress any = null;
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                    continue;
                }
                if (address instanceof Inet4Address) {
                    return Optional.of(address);
                }
                any = any == null ? address : any;
            }
        }
        return Optional.ofNullable(any);
    }
}
