package org.onewindow.seeds.simulators;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.onewindow.schemas.callbacks.CallbackSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * <p>Each simulator has its own listener, fixed to its own department: it signs and sends callbacks as that
 * department only. A stub naming another department (a forgery: the social insurance simulator deciding a
 * real-estate registration) gets no callback, and the attempt is logged.
 */
public final class DepartmentCallbacks implements ServeEventListener {

    private static final Logger log = LoggerFactory.getLogger(DepartmentCallbacks.class);

    private final String department;
    private final Supplier<String> hubBaseUrl;
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
     * @param hubBaseUrl where the hub listens, once it is known
     * @param secret     the department's callback secret
     * @param tokens     the department's OAuth2 client, or null (a department without client.json sends no token)
     * @param decisions  where the department keeps what it decided, for status queries
     */
    DepartmentCallbacks(String department, Supplier<String> hubBaseUrl, Supplier<String> secret, Supplier<DepartmentTokens> tokens,
                        DepartmentDecisions decisions) {
        this.department = department;
        this.hubBaseUrl = hubBaseUrl;
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
        if (taskId == null || hubBaseUrl.get() == null) {
            log.warn("Simulator of {} cannot call back: task id {}, hub {}", department, taskId, hubBaseUrl.get());
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
        URI uri = URI.create(hubBaseUrl.get() + "/api/v1/departments/" + department + "/callbacks/" + taskId);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/xml; charset=UTF-8")
                    .header(CallbackSignature.HEADER, CallbackSignature.sign(secret.get(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            DepartmentTokens client = tokens.get();
            if (client != null) {
                request.header("Authorization", "Bearer " + client.token(hubBaseUrl.get()));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            log.info("Simulator of {} called back for {}: HTTP {}", department, taskId, response.statusCode());
        } catch (Exception e) {
            log.warn("Simulator of {} could not call back for {}: {}", department, taskId, e.toString());
        }
    }

    /** Not WireMock's stop(): the listener outlives its simulator being taken down and brought back. */
    void shutdown() {
        scheduler.shutdownNow();
    }
}
