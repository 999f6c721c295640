package org.onewindow.hub.problems;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.enrolment;

/**
 * The probe's slow-client attack: some 200 requests that declare a body and then send it a few bytes at a time, or
 * not at all, each holding one of Tomcat's 200 worker threads while it waits. With a minimum data rate on bodies
 * and Tomcat's upload timeout, they are cut off within seconds (408 problem+json, or the connection closed), and a
 * normal intake and the health check still answer promptly meanwhile.
 */
class SlowClientsTest extends HubTest {

    private static final int SLOW_CLIENTS = 200;
    /** What "promptly" means here, while 200 slow clients are at it; unprotected, they wait for Tomcat's 20 s timeout and more. */
    private static final Duration PROMPTLY = Duration.ofSeconds(6);

    @LocalServerPort
    int port;
    private final List<Socket> slow = new ArrayList<>();
    private final ExecutorService trickler = Executors.newSingleThreadExecutor();

    @AfterEach
    void closeTheSlowOnes() throws IOException {
        trickler.shutdownNow();
        for (Socket socket : slow) {
            socket.close();
        }
    }

    @Test
    void slowBodiesCannotStarveTheIntakeOrTheHealthCheck() throws Exception {
        HubClient hub = new HubClient(port);
        hub.get("/actuator/health"); // a warm hub: the first request of a context may take a while by itself
        // an intake system with a valid token (anyone else is refused before the body is read): the slow body is read
        String token = hub.token(DemoCallers.HALL_XUANWU);
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Idempotency-Key: slow-" + UUID.randomUUID() + "\r\nContent-Length: 1000\r\n\r\n{\"itemCod").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            slow.add(socket);
        }
        // half of them go on trickling one byte a second (beating a plain read timeout), half send nothing more
        trickler.submit(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (int i = 0; i < slow.size(); i += 2) {
                    try {
                        slow.get(i).getOutputStream().write('e');
                    } catch (IOException closed) {
                        // cut off: what should happen
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Thread.sleep(1000); // they hold their threads now

        long started = System.nanoTime();
        CompletableFuture<HubClient.Reply> intake = CompletableFuture.supplyAsync(() -> hub.submit(UUID.randomUUID().toString(),
                enrolment("张三", ZHANG_SAN)));
        CompletableFuture<HubClient.Reply> health = CompletableFuture.supplyAsync(() -> hub.get("/actuator/health"));
        HubClient.Reply intakeReply = intake.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
        HubClient.Reply healthReply = health.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(intakeReply.status()).as(intakeReply.body()).isEqualTo(202);
        assertThat(healthReply.status()).isEqualTo(200);
        assertThat(took).isLessThan(PROMPTLY);

        // every slow one was answered 408 problem+json, or its connection closed
        int answered408 = 0;
        for (Socket socket : slow) {
            String answer = readAll(socket);
            if (answer.startsWith("HTTP/1.1 408")) {
                assertThat(answer).contains("application/problem+json", "\"status\":408");
                answered408++;
            } else {
                assertThat(answer).as("a slow client is answered 408 or cut off, nothing else").isEmpty();
            }
        }
        System.out.printf("slow clients: %d answered 408, %d closed without an answer; intake and health answered in %d ms%n",
                answered408, SLOW_CLIENTS - answered408, took.toMillis());
    }

    /** What the hub sent before it closed the connection; fails if it is still open after the socket timeout. */
    private static String readAll(Socket socket) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("a slow client is still connected: " + all.toString(StandardCharsets.UTF_8), stillOpen);
        } catch (IOException reset) {
            // reset by the hub: closed
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}
