package org.onewindow.hub.licences;

import org.onewindow.hub.access.AccessLog;
import org.onewindow.hub.access.DataKind;
import org.onewindow.hub.access.DataRead;
import org.onewindow.hub.access.PurposeRequiredException;
import org.onewindow.hub.messagelog.Body;
import org.onewindow.hub.messagelog.Channel;
import org.onewindow.hub.messagelog.LoggedExchange;
import org.onewindow.hub.messagelog.MessageLog;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.onewindow.schemas.licences.Licence;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The provincial e-licence library (电子证照库), over the provincial gateway's REST/JSON:
 * {@code POST /gateway/api/v1/e-licences/queries}, {@code GET /gateway/api/v1/e-licences/{identifier}} and
 * {@code GET /gateway/api/v1/e-licences/status-changes?after=N}. Every read of a licence states its purpose
 * and case, or is refused before anything is sent.
 */
public class LicenceLibrary {

    private static final String PATH = "/gateway/api/v1/e-licences";
    /** The library's name in the message log (and for onewindow.message-log.keep-bodies). */
    static final String PARTY = "e-licence-library";

    private final HttpClient http;
    private final ObjectMapper json;
    private final Supplier<String> baseUrl;
    private final Duration timeout;
    private final AccessLog accessLog;
    private final CircuitBreaker circuit;
    private final MessageLog messageLog;
    private final java.time.Clock clock;

    LicenceLibrary(HttpClient http, ObjectMapper json, Supplier<String> baseUrl, Duration timeout, AccessLog accessLog,
                   CircuitBreaker circuit, MessageLog messageLog, java.time.Clock clock) {
        this.http = http;
        this.json = json;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.accessLog = accessLog;
        this.circuit = circuit;
        this.messageLog = messageLog;
        this.clock = clock;
    }

    /** The library's circuit breaker, for operators (health) to see whether it answers. */
    public CircuitBreaker circuit() {
        return circuit;
    }

    /**
     * The holder's licences of one type (an empty list when there are none). The read is recorded in the
     * access log (用途绑定的数据访问日志) under the caller, purpose and case.
     *
     * @throws PurposeRequiredException             without purpose or caseId, before any call (logged as refused)
     * @throws LicenceLibraryUnavailableException   when the library cannot be reached, times out or fails
     */
    public List<Licence> find(String caller, String holderId, String licenceType, String purpose, String caseId) {
        // refused and logged as refused before anything is read
        accessLog.permit(new DataRead(caller, holderId, DataKind.LICENCE, licenceType, purpose, caseId));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("holderId", holderId);
        body.put("licenceType", licenceType);
        body.put("purpose", purpose);
        body.put("caseId", caseId);
        byte[] query = write(body);
        HttpResponse<byte[]> response = send(request(PATH + "/queries")
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build(), "POST " + PATH + "/queries", query, caseId);
        expect(response, 200);
        List<Licence> found = new ArrayList<>();
        for (JsonNode licence : read(response).path("licences")) {
            found.add(convert(licence, Licence.class));
        }
        // the answer, even "none", says something about the holder: it is a read
        accessLog.record(new DataRead(caller, holderId, DataKind.LICENCE, licenceType + (found.isEmpty() ? " (none held)"
                : " " + found.stream().map(Licence::identifier).collect(java.util.stream.Collectors.joining(", "))), purpose, caseId));
        return found;
    }

    /**
     * One licence by its identifier; empty when the library has none.
     *
     * @param parties whose licences the caller may read for this case (full ID numbers and credit codes): a licence
     *                of anyone else is not handed over, its read is logged as refused, and the answer is 403
     * @throws PurposeRequiredException             without purpose or caseId, before any call (logged as refused)
     * @throws LicenceLibraryUnavailableException   when the library cannot be reached, times out or fails
     */
    public Optional<Licence> get(String caller, String identifier, String holderHint, String purpose, String caseId,
                                 java.util.Set<String> parties) {
        // whose licence it is shows only once it is read: a refusal is logged under the holder the caller named
        accessLog.permit(new DataRead(caller, holderHint == null ? "" : holderHint, DataKind.LICENCE, "licence " + identifier,
                purpose, caseId));
        HttpResponse<byte[]> response = send(request(PATH + "/" + encode(identifier)
                + "?purpose=" + encode(purpose) + "&caseId=" + encode(caseId)).GET().build(), "GET " + PATH + "/{identifier}", null, caseId);
        if (response.statusCode() == 404) {
            return Optional.empty(); // nobody's data was read
        }
        expect(response, 200);
        Licence licence = convert(read(response), Licence.class);
        DataRead read = new DataRead(caller, licence.holderId(), DataKind.LICENCE, licence.licenceType() + " " + licence.identifier(),
                purpose, caseId);
        if (!parties.contains(licence.holderId())) {
            accessLog.refuse(read, "the licence's holder is not a party of " + caseId);
            throw new ProblemException(HttpStatus.FORBIDDEN, "not-a-party", "Not a licence of a party of this case",
                    "The e-licence " + identifier + " is not held by the applicant or another party of " + caseId
                            + "; it is verified only for a case of its holder",
                    List.of(new Fault("licenceId", "not-a-party", "is not held by a party of " + caseId)));
        }
        accessLog.record(read);
        return Optional.of(licence);
    }

    /** The status changes after sequence number {@code after}, oldest first. Carries no personal data: no purpose needed. */
    public List<StatusChange> statusChanges(long after) {
        HttpResponse<byte[]> response = send(request(PATH + "/status-changes?after=" + after).GET().build(),
                "GET " + PATH + "/status-changes", null, null);
        expect(response, 200);
        List<StatusChange> changes = new ArrayList<>();
        for (JsonNode change : read(response).path("changes")) {
            changes.add(convert(change, StatusChange.class));
        }
        return changes;
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl.get() + pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json")
                // the provincial gateway refuses any call without one (seeds/simulators/provincial)
                .header("X-Request-Id", UUID.randomUUID().toString());
    }

    /**
     * One call through the library's circuit breaker: while it is open (the library failed most recent calls) the
     * call fails at once, so a case is not held up by a library known to be down; every failure to get an answer
     * (unreachable, no answer in time, 5xx) counts, an answer of any other kind does not.
     */
    private HttpResponse<byte[]> send(HttpRequest request, String operation, byte[] requestBody, String caseId) {
        if (!circuit.tryAcquirePermission()) {
            throw new LicenceLibraryUnavailableException("it failed most recent calls, so it is not asked again until "
                    + "its circuit breaker lets a probe through", null).retryAfter(retryAfter());
        }
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = sendNow(request, operation, requestBody, caseId);
            circuit.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return response;
        } catch (LicenceLibraryUnavailableException e) {
            circuit.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            e.retryAfter(retryAfter());
            throw e;
        }
    }

    /**
     * When a caller refused because the library is down should try again (the 503's Retry-After): the circuit
     * breaker's wait in its open state, after which it lets a probe through (onewindow.circuit-breaker.*).
     */
    private Duration retryAfter() {
        return Duration.ofMillis(circuit.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
    }

    /** One exchange with the library, recorded in the message log whatever its outcome. */
    private HttpResponse<byte[]> sendNow(HttpRequest request, String operation, byte[] requestBody, String caseId) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            logged(operation, requestBody, caseId, start, "no answer: " + e.getClass().getSimpleName(), null);
            throw new LicenceLibraryUnavailableException("no answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            logged(operation, requestBody, caseId, start, "no answer: " + e.getClass().getSimpleName(), null);
            throw new LicenceLibraryUnavailableException("cannot reach it (" + (e instanceof java.net.ConnectException
                    ? "connection refused" : "the connection failed") + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            logged(operation, requestBody, caseId, start, "no answer: interrupted", null);
            throw new LicenceLibraryUnavailableException("interrupted while waiting for it", e);
        }
        logged(operation, requestBody, caseId, start, String.valueOf(response.statusCode()), response.body());
        if (response.statusCode() >= 500) {
            throw new LicenceLibraryUnavailableException("it answered HTTP " + response.statusCode(), null);
        }
        return response;
    }

    private void logged(String operation, byte[] requestBody, String caseId, long start, String status, byte[] responseBody) {
        messageLog.record(new LoggedExchange(clock.instant(), (System.nanoTime() - start) / 1_000_000, Channel.LICENCE_LIBRARY,
                "hub", PARTY, null, operation, caseId, null, status, Body.of(requestBody),
                responseBody == null ? Body.unseen(null) : Body.of(responseBody)));
    }

    private static void expect(HttpResponse<byte[]> response, int status) {
        if (response.statusCode() != status) {
            throw new LicenceLibraryUnavailableException("it answered HTTP " + response.statusCode() + " where "
                    + status + " was expected", null);
        }
    }

    private JsonNode read(HttpResponse<byte[]> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new LicenceLibraryUnavailableException("its answer is not JSON", e);
        }
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (IOException e) {
            throw new LicenceLibraryUnavailableException("its answer does not follow the library's contract: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a library query", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
