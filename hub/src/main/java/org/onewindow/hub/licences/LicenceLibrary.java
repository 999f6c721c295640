package org.onewindow.hub.licences;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.onewindow.hub.access.AccessLog;
import org.onewindow.hub.access.DataKind;
import org.onewindow.hub.access.DataRead;
import org.onewindow.hub.access.PurposeRequiredException;
import org.onewindow.hub.outbound.GatewayAnswer;
import org.onewindow.hub.outbound.GatewayFailure;
import org.onewindow.hub.outbound.GatewayLookups;
import org.onewindow.hub.outbound.LookupCache;
import org.onewindow.hub.outbound.ProvincialGateway;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.schemas.licences.Licence;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The provincial e-licence library (电子证照库), a service of the provincial gateway ({@link ProvincialGateway}):
 * {@code POST /gateway/api/v1/e-licences/queries}, {@code GET /gateway/api/v1/e-licences/{identifier}} and
 * {@code GET /gateway/api/v1/e-licences/status-changes?after=N}. Every read of a licence states its purpose
 * and case, or is refused before anything is sent, and is recorded in the access log.
 *
 * <p>A holder's licences of one type are kept for the same purpose for a short while ({@link LookupCache}): the next
 * case of the same holder and purpose is answered without asking the library again, and that read is permitted and
 * logged for its own case all the same. A status change in the library's feed drops the licence's kept look-ups.
 */
public class LicenceLibrary {

    private static final String PATH = "/gateway/api/v1/e-licences";
    /** The library's name in the message log (and for onewindow.message-log.keep-bodies). */
    static final String PARTY = "e-licence-library";

    /** A look-up: whose licences of which type, for which purpose. */
    private record Lookup(String holderId, String licenceType, String purpose) {
    }

    private final ProvincialGateway.Service library;
    private final ObjectMapper json;
    private final Duration timeout;
    private final AccessLog accessLog;
    private final LookupCache<Lookup, List<Licence>> lookups;

    /** @param lookups where {@link #find} keeps the library's answers (a cache of its own: its keys are the library's) */
    LicenceLibrary(ProvincialGateway.Service library, ObjectMapper json, Duration timeout, AccessLog accessLog,
                   GatewayLookups lookups) {
        this.library = library;
        this.json = json;
        this.timeout = timeout;
        this.accessLog = accessLog;
        this.lookups = lookups.create();
    }

    /** The library's circuit breaker, for operators (health) to see whether it answers. */
    public CircuitBreaker circuit() {
        return library.circuit();
    }

    /**
     * The holder's licences of one type (an empty list when there are none). The read is recorded in the
     * access log (用途绑定的数据访问日志) under the caller, purpose and case, whether the library answered it now or
     * its answer for the same holder, type and purpose was kept.
     *
     * @throws PurposeRequiredException             without purpose or caseId, before any call (logged as refused)
     * @throws LicenceLibraryUnavailableException   when the library cannot be reached, times out or fails
     */
    public List<Licence> find(String caller, String holderId, String licenceType, String purpose, String caseId) {
        // refused and logged as refused before anything is read
        accessLog.permit(new DataRead(caller, holderId, DataKind.LICENCE, licenceType, purpose, caseId));
        Lookup lookup = new Lookup(holderId, licenceType, purpose);
        Optional<LookupCache.Kept<List<Licence>>> kept = lookups.find(lookup);
        if (kept.isPresent()) {
            List<Licence> found = kept.get().answer();
            accessLog.record(new DataRead(caller, holderId, DataKind.LICENCE, licenceType + " " + identifiers(found) + LookupCache.FROM_CACHE,
                    purpose, caseId));
            return found;
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("holderId", holderId);
        body.put("licenceType", licenceType);
        body.put("purpose", purpose);
        body.put("caseId", caseId);
        GatewayAnswer answer = call(() -> library.postJson(PATH + "/queries", write(body), null, "POST " + PATH + "/queries", caseId));
        expect(answer, 200);
        List<Licence> found = new ArrayList<>();
        for (JsonNode licence : read(answer).path("licences")) {
            found.add(convert(licence, Licence.class));
        }
        // the answer, even "none", says something about the holder: it is a read
        accessLog.record(new DataRead(caller, holderId, DataKind.LICENCE, licenceType + (found.isEmpty() ? " (none held)"
                : " " + identifiers(found)), purpose, caseId));
        if (!found.isEmpty()) {
            // "none held" is not kept: a licence issued a moment later must be found by the next case
            lookups.keep(lookup, List.copyOf(found));
        }
        return found;
    }

    /**
     * One licence by its identifier; empty when the library has none. Always asked of the library (never kept): a
     * counter verifying a licence by id is told what the library says now.
     *
     * @param parties whose licences the caller may read for this case (full ID numbers and credit codes): a licence
     *                of anyone else is not handed over, its read is logged as refused, and the answer is 403
     * @throws PurposeRequiredException             without purpose or caseId, before any call (logged as refused)
     * @throws LicenceLibraryUnavailableException   when the library cannot be reached, times out or fails
     */
    public Optional<Licence> get(String caller, String identifier, String holderHint, String purpose, String caseId,
                                 Set<String> parties) {
        // whose licence it is shows only once it is read: a refusal is logged under the holder the caller named
        accessLog.permit(new DataRead(caller, holderHint == null ? "" : holderHint, DataKind.LICENCE, "licence " + identifier,
                purpose, caseId));
        GatewayAnswer answer = call(() -> library.get(PATH + "/" + encode(identifier) + "?purpose=" + encode(purpose)
                + "&caseId=" + encode(caseId), "GET " + PATH + "/{identifier}", caseId));
        if (answer.status() == 404) {
            return Optional.empty(); // nobody's data was read
        }
        expect(answer, 200);
        Licence licence = convert(read(answer), Licence.class);
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
        GatewayAnswer answer = call(() -> library.get(PATH + "/status-changes?after=" + after, "GET " + PATH + "/status-changes", null));
        expect(answer, 200);
        List<StatusChange> changes = new ArrayList<>();
        for (JsonNode change : read(answer).path("changes")) {
            changes.add(convert(change, StatusChange.class));
        }
        return changes;
    }

    /** Drops the kept look-ups that hold this licence (its status changed: the next case asks the library again). */
    void forgetLookupsOf(String identifier) {
        lookups.forget(found -> found.stream().anyMatch(licence -> licence.identifier().equals(identifier)));
    }

    private interface Call {
        GatewayAnswer call() throws GatewayFailure;
    }

    /** One call through the gateway client, its failure worded as the library's 503. */
    private GatewayAnswer call(Call call) {
        try {
            return call.call();
        } catch (GatewayFailure failure) {
            throw new LicenceLibraryUnavailableException(switch (failure.kind()) {
                case NOT_PERMITTED -> "it failed most recent calls, so it is not asked again until its circuit breaker lets a probe through";
                case NO_ANSWER_IN_TIME -> "no answer within " + timeout.toMillis() + " ms";
                case CONNECTION_REFUSED -> "cannot reach it (connection refused)";
                case CONNECTION_FAILED -> "cannot reach it (the connection failed)";
                case INTERRUPTED -> "interrupted while waiting for it";
                case SERVER_ERROR -> "it answered HTTP " + failure.status();
            }, failure.getCause()).retryAfter(failure.retryAfter());
        }
    }

    private static String identifiers(List<Licence> found) {
        return found.stream().map(Licence::identifier).collect(Collectors.joining(", "));
    }

    private static void expect(GatewayAnswer answer, int status) {
        if (answer.status() != status) {
            throw new LicenceLibraryUnavailableException("it answered HTTP " + answer.status() + " where "
                    + status + " was expected", null);
        }
    }

    private JsonNode read(GatewayAnswer answer) {
        try {
            return json.readTree(answer.body());
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
