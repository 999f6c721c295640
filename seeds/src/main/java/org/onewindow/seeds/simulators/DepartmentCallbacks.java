package org.onewindow.seeds.simulators;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.onewindow.schemas.callbacks.CallbackSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A WireMock extension that plays a department deciding later: after a stub has answered, it calls the
 * hub back, signed with the department's secret. A stub asks for it with
 * <pre>"serveEventListeners": [{"name": "onewindow-callback", "parameters":
 *     {"department": "real-estate", "delayMs": 300, "body": "...$TASK_ID..."}}]</pre>
 * where {@code $TASK_ID} is the Idempotency-Key of the request being answered. Like the real department, it
 * proves who it is with an OAuth2 access token it asks the hub for with its own client credentials
 * (seeds/simulators/&lt;department&gt;/client.json).
 *
 * <p>The department remembers what it decided from the moment it accepts ({@link DepartmentDecisions}), so that it can
 * answer a status query about the task whether or not its callback reached the hub.
 *
 * <p>With several hubs it tries them in turn: first the hub that took its last callback, then the others in their
 * order, moving on when one does not answer (connection refused, no answer within {@value #ANSWER_WITHIN_SECONDS} s,
 * or 5xx: a hub stopping, or one whose database refused the decision). A callback that no hub takes is logged and
 * dropped, as a department whose calls fail would; the hub asks the department for the task's status later.
 *
 * <p>Each simulator has its own listener, fixed to its own department: it signs and sends callbacks as that
 * department only. A stub naming another department (a forgery: the social insurance simulator deciding a
 * real-estate registration) gets no callback, and the attempt is logged.
 */
public final class DepartmentCallbacks implements ServeEventListener {

    private static final Logger log = LoggerFactory.getLogger(DepartmentCallbacks.class);

    private final String department;
    /** How long a hub has to answer a callback (or a token request) before the next hub is tried. */
    static final int ANSWER_WITHIN_SECONDS = 10;

    private final Supplier<List<String>> hubBaseUrls;
    /** The hub that took the last callback, tried first: a dead hub is not tried before every callback. */
    private final AtomicReference<String> lastAnswered = new AtomicReference<>();
    private final Supplier<String> secret;
    private final Supplier<DepartmentTokens> tokens;
    private final DepartmentDecisions decisions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "department-callbacks");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param department the department of the simulator this listener belongs to, the only one it calls back as
     * @param hubBaseUrls where the hubs listen, once it is known (empty until then)
     * @param secret     the department's callback secret
     * @param tokens     the department's OAuth2 client, or null (a department without client.json sends no token)
     * @param decisions  where the department keeps what it decided, for status queries
     */
    DepartmentCallbacks(String department, Supplier<List<String>> hubBaseUrls, Supplier<String> secret, Supplier<DepartmentTokens> tokens,
                        DepartmentDecisions decisions) {
        this.department = department;
        this.hubBaseUrls = hubBaseUrls;
        this.secret = secret;
        this.tokens = tokens;
        this.decisions = decisions;
    }

    /** Only for the stubs that ask for it (WireMock's default runs a listener for every request, without parameters). */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return "onewindow-callback";
    }

    /**
     * The department has accepted: it remembers its decision before its answer leaves, so that a status query can never
     * come before the memory of the acceptance it follows.
     */
    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
        String taskId = event.getRequest().getHeader("Idempotency-Key");
        if (taskId != null && department.equals(parameters.getString("department", department))) {
            // decided, whether or not the hub hears of it
            decisions.accepted(taskId, decision(parameters, taskId), delayMs(parameters));
        }
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        String taskId = event.getRequest().getHeader("Idempotency-Key");
        String named = parameters.getString("department", department);
        if (!department.equals(named)) {
            log.warn("Simulator of {} refuses to call back as {}: stub {} names another department; no callback sent",
                    department, named, event.getStubMapping() == null ? "?" : event.getStubMapping().getId());
            return;
        }
        if (taskId == null || hubBaseUrls.get().isEmpty()) {
            log.warn("Simulator of {} cannot call back: task id {}, hubs {}", department, taskId, hubBaseUrls.get());
            return;
        }
        byte[] body = decision(parameters, taskId).getBytes(StandardCharsets.UTF_8);
        scheduler.schedule(() -> callBack(taskId, body), delayMs(parameters), TimeUnit.MILLISECONDS);
    }

    private static String decision(Parameters parameters, String taskId) {
        return parameters.getString("body").replace("$TASK_ID", taskId);
    }

    private static long delayMs(Parameters parameters) {
        return parameters.getInt("delayMs", 200);
    }

    private void callBack(String taskId, byte[] body) {
        List<String> hubs = inTurn(hubBaseUrls.get());
        for (String hub : hubs) {
            try {
                int status = send(hub, taskId, body);
                if (status < 500) {
                    lastAnswered.set(hub);
                    log.info("Simulator of {} called back for {} at {}: HTTP {}", department, taskId, hub, status);
                    return;
                }
                log.warn("Simulator of {} called back for {} at {}: HTTP {}; trying the next hub", department, taskId, hub, status);
            } catch (IOException e) {
                log.warn("Simulator of {} could not call back for {} at {}: {}", department, taskId, hub, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("Simulator of {} gave up calling back for {}: none of {} took it", department, taskId, hubs);
    }

    /** The hub that took the last callback first, then the others in their order. */
    private List<String> inTurn(List<String> hubs) {
        String last = lastAnswered.get();
        if (last == null || !hubs.contains(last)) {
            return hubs;
        }
        List<String> ordered = new ArrayList<>(hubs.size());
        ordered.add(last);
        hubs.stream().filter(hub -> !hub.equals(last)).forEach(ordered::add);
        return ordered;
    }

    private int send(String hub, String taskId, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub + "/api/v1/departments/" + department + "/callbacks/" + taskId))
                .timeout(Duration.ofSeconds(ANSWER_WITHIN_SECONDS))
                .header("Content-Type", "application/xml; charset=UTF-8")
                .header(CallbackSignature.HEADER, CallbackSignature.sign(secret.get(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        DepartmentTokens client = tokens.get();
        if (client != null) {
            // the hubs share their token signing key: a token from one is good at every other
            request.header("Authorization", "Bearer " + client.token(hub));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Not WireMock's stop(): the listener outlives its simulator being taken down and brought back. */
    void shutdown() {
        scheduler.shutdownNow();
    }
}
