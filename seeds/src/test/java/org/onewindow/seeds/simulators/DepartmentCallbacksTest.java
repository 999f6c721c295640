package org.onewindow.seeds.simulators;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.schemas.callbacks.CallbackSignature;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A simulated department that decides later calls back, signed, with the task id of the request it answered, and
 * with an access token it asked the hub for with its own client credentials.
 */
class DepartmentCallbacksTest {

    private final WireMockServer hub = new WireMockServer(options().dynamicPort());
    private DepartmentCallbacks callbacks;
    private WireMockServer department;

    @AfterEach
    void stop() {
        department.stop();
        hub.stop();
        callbacks.shutdown();
    }

    @Test
    void aStubNamingAnotherDepartmentGetsNoCallback() throws Exception {
        hub.start();
        hub.stubFor(any(anyUrl()).willReturn(ok()));
        callbacks = new DepartmentCallbacks("social-insurance", () -> List.of(hub.baseUrl()), () -> "secret-of-social-insurance", () -> null,
                new DepartmentDecisions("social-insurance", java.time.Clock.systemUTC()));
        department = new WireMockServer(options().dynamicPort().extensions(callbacks));
        department.start();
        // a stub on the social insurance simulator that would call back as the real-estate registry
        department.stubFor(post(urlPathEqualTo("/forge")).willReturn(aResponse().withStatus(202))
                .withServeEventListener("onewindow-callback", Parameters.from(Map.of(
                        "department", "real-estate", "delayMs", 10, "body", "<Result>$TASK_ID</Result>"))));
        // and one that names its own department, which still calls back
        department.stubFor(post(urlPathEqualTo("/own")).willReturn(aResponse().withStatus(202))
                .withServeEventListener("onewindow-callback", Parameters.from(Map.of(
                        "department", "social-insurance", "delayMs", 10, "body", "<Result>$TASK_ID</Result>"))));

        send("/forge", "T-9");
        send("/own", "T-10");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(hub.findAll(postRequestedFor(urlEqualTo("/api/v1/departments/social-insurance/callbacks/T-10")))).hasSize(1));
        Thread.sleep(300);
        assertThat(hub.findAll(postRequestedFor(anyUrl()))).as("only the simulator's own department called back")
                .extracting(request -> request.getUrl()).containsExactly("/api/v1/departments/social-insurance/callbacks/T-10");
    }

    @Test
    void callsTheNextHubWhenTheFirstRefusesTheConnection() throws Exception {
        hub.start();
        hub.stubFor(any(anyUrl()).willReturn(ok()));
        hub.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(okJson("{\"access_token\":\"token-of-real-estate\",\"expires_in\":1800}")));
        String killed = "http://127.0.0.1:" + closedPort();
        DepartmentTokens client = new DepartmentTokens("dept-real-estate", "its-secret", "department:real-estate");
        startRealEstate(List.of(killed, hub.baseUrl()), client);

        send("/apply", "T-20");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(hub.findAll(postRequestedFor(urlEqualTo("/api/v1/departments/real-estate/callbacks/T-20")))).hasSize(1));
        var callback = hub.findAll(postRequestedFor(urlEqualTo("/api/v1/departments/real-estate/callbacks/T-20"))).get(0);
        assertThat(callback.getBodyAsString()).isEqualTo("<Result>T-20</Result>");
        assertThat(callback.getHeader("Authorization")).as("a token asked for at the hub that answered").isEqualTo("Bearer token-of-real-estate");
    }

    @Test
    void callsTheNextHubWhenTheFirstAnswers503AndKeepsToTheHubThatTookIt() throws Exception {
        hub.start();
        hub.stubFor(any(anyUrl()).willReturn(ok()));
        WireMockServer stopping = new WireMockServer(options().dynamicPort());
        stopping.start();
        try {
            stopping.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
            startRealEstate(List.of(stopping.baseUrl(), hub.baseUrl()), null);

            send("/apply", "T-21");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(hub.findAll(postRequestedFor(urlEqualTo("/api/v1/departments/real-estate/callbacks/T-21")))).hasSize(1));
            send("/apply", "T-22");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(hub.findAll(postRequestedFor(urlEqualTo("/api/v1/departments/real-estate/callbacks/T-22")))).hasSize(1));

            assertThat(stopping.findAll(postRequestedFor(anyUrl()))).as("the 503 hub, tried for the first callback only")
                    .extracting(request -> request.getUrl()).containsExactly("/api/v1/departments/real-estate/callbacks/T-21");
        } finally {
            stopping.stop();
        }
    }

    private void startRealEstate(List<String> hubs, DepartmentTokens client) {
        callbacks = new DepartmentCallbacks("real-estate", () -> hubs, () -> "secret-of-real-estate", () -> client,
                new DepartmentDecisions("real-estate", java.time.Clock.systemUTC()));
        department = new WireMockServer(options().dynamicPort().extensions(callbacks));
        department.start();
        department.stubFor(post(urlPathEqualTo("/apply")).willReturn(aResponse().withStatus(202))
                .withServeEventListener("onewindow-callback", Parameters.from(Map.of(
                        "department", "real-estate", "delayMs", 10, "body", "<Result>$TASK_ID</Result>"))));
    }

    /** A loopback port nothing listens on: connecting to it is refused, as to a hub killed with kill -9. */
    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void send(String path, String taskId) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(department.baseUrl() + path))
                .header("Idempotency-Key", taskId).POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(202);
    }

    @Test
    void callsTheHubBackSignedWithTheDepartmentsSecretAndItsToken() throws Exception {
        hub.start();
        hub.stubFor(any(anyUrl()).willReturn(ok()));
        hub.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(okJson("{\"access_token\":\"token-of-real-estate\",\"expires_in\":1800}")));
        DepartmentTokens client = new DepartmentTokens("dept-real-estate", "its-secret", "department:real-estate");
        callbacks = new DepartmentCallbacks("real-estate", () -> List.of(hub.baseUrl()), () -> "secret-of-real-estate", () -> client,
                new DepartmentDecisions("real-estate", java.time.Clock.systemUTC()));
        department = new WireMockServer(options().dynamicPort().extensions(callbacks));
        department.start();
        department.stubFor(post(urlPathEqualTo("/apply")).willReturn(aResponse().withStatus(202))
                .withServeEventListener("onewindow-callback", Parameters.from(Map.of(
                        "department", "real-estate", "delayMs", 100, "body", "<Result>$TASK_ID</Result>"))));

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(department.baseUrl() + "/apply"))
                .header("Idempotency-Key", "T-1").POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(hub.findAll(postRequestedFor(urlEqualTo("/api/v1/departments/real-estate/callbacks/T-1")))).hasSize(1));
        var callback = hub.findAll(postRequestedFor(urlEqualTo("/api/v1/departments/real-estate/callbacks/T-1"))).get(0);
        assertThat(callback.getBodyAsString()).isEqualTo("<Result>T-1</Result>");
        assertThat(callback.getHeader(CallbackSignature.HEADER)).isEqualTo(
                CallbackSignature.sign("secret-of-real-estate", "<Result>T-1</Result>".getBytes(StandardCharsets.UTF_8)));
        assertThat(callback.getHeader("Authorization")).isEqualTo("Bearer token-of-real-estate");
        var tokenRequest = hub.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))).get(0);
        assertThat(tokenRequest.getHeader("Authorization")).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("dept-real-estate:its-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(tokenRequest.getBodyAsString()).isEqualTo("grant_type=client_credentials&scope=department%3Areal-estate");
    }
}
