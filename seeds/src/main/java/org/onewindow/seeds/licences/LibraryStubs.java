package org.onewindow.seeds.licences;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.onewindow.schemas.licences.Licence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provincial e-licence library (电子证照库) as WireMock mappings, from the demo licences:
 * <ul>
 *   <li>{@code POST /gateway/api/v1/e-licences/queries} {holderId, licenceType, purpose, caseId} → 200 {"licences": [...]},
 *       an empty list for any other holder or type, 400 when purpose or caseId is missing or empty;</li>
 *   <li>{@code GET /gateway/api/v1/e-licences/{identifier}?purpose=..&caseId=..} → 200 the licence, 404 for an unknown one,
 *       400 without purpose or caseId;</li>
 *   <li>{@code GET /gateway/api/v1/e-licences/status-changes?after=N} → 200 {"changes": []}: nothing changes in the seeded
 *       library; tests add a stub at run time to publish a change.</li>
 * </ul>
 * Every call also needs the gateway's X-Request-Id header (00-refuse-without-request-id.json).
 */
final class LibraryStubs {

    private static final String BASE = "/gateway/api/v1/e-licences";
    private final ObjectMapper json;

    LibraryStubs(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode mappings(List<Licence> licences) {
        ObjectNode file = json.createObjectNode();
        ArrayNode mappings = file.putArray("mappings");
        mappings.add(statusChanges());
        mappings.add(refuseQueryWithoutPurpose());
        mappings.add(refuseGetWithoutPurpose());
        Map<String, List<Licence>> byHolderAndType = new LinkedHashMap<>();
        licences.forEach(l -> byHolderAndType.computeIfAbsent(l.holderId() + "|" + l.licenceType(), k -> new java.util.ArrayList<>()).add(l));
        byHolderAndType.values().forEach(found -> mappings.add(query(found)));
        mappings.add(emptyQuery());
        licences.forEach(l -> mappings.add(get(l)));
        mappings.add(notFound());
        return file;
    }

    private ObjectNode statusChanges() {
        ObjectNode m = mapping("e-licence library: the status-changes feed (nothing has changed in the seeded library)", 3);
        ObjectNode request = request(m, "GET", "urlPath", BASE + "/status-changes");
        request.putObject("queryParameters").putObject("after").put("matches", "[0-9]+");
        ok(m).putObject("jsonBody").putArray("changes");
        return m;
    }

    /** Whatever no other query mapping took: purpose or caseId is missing or empty. */
    private ObjectNode refuseQueryWithoutPurpose() {
        ObjectNode m = mapping("e-licence library: refuse a query without purpose or caseId (查询须说明用途和办件编号)", 60);
        request(m, "POST", "urlPath", BASE + "/queries");
        problem(m, 400, "purpose-required", "用途和办件编号必填 / purpose and caseId are required");
        return m;
    }

    /** Whatever no other read mapping took: purpose or caseId is missing or empty. */
    private ObjectNode refuseGetWithoutPurpose() {
        ObjectNode m = mapping("e-licence library: refuse reading a licence without purpose or caseId", 60);
        request(m, "GET", "urlPathPattern", BASE + "/[^/]+");
        problem(m, 400, "purpose-required", "用途和办件编号必填 / purpose and caseId are required");
        return m;
    }

    private static void requirePurposeInBody(ObjectNode request, ArrayNode bodyPatterns) {
        bodyPatterns.addObject().putObject("matchesJsonPath").put("expression", "$.purpose").put("matches", ".+");
        bodyPatterns.addObject().putObject("matchesJsonPath").put("expression", "$.caseId").put("matches", ".+");
    }

    private static void requirePurposeInQuery(ObjectNode request) {
        ObjectNode query = request.putObject("queryParameters");
        query.putObject("purpose").put("matches", ".+");
        query.putObject("caseId").put("matches", ".+");
    }

    private ObjectNode query(List<Licence> found) {
        Licence first = found.get(0);
        ObjectNode m = mapping("e-licence library: " + first.holderName() + "'s " + first.licenceType(), 10);
        ObjectNode request = request(m, "POST", "urlPath", BASE + "/queries");
        ArrayNode bodyPatterns = request.putArray("bodyPatterns");
        ObjectNode equal = bodyPatterns.addObject();
        equal.putObject("equalToJson").put("holderId", first.holderId()).put("licenceType", first.licenceType());
        equal.put("ignoreExtraElements", true);
        requirePurposeInBody(request, bodyPatterns);
        ArrayNode list = ok(m).putObject("jsonBody").putArray("licences");
        found.forEach(l -> list.add(json.valueToTree(l)));
        return m;
    }

    private ObjectNode emptyQuery() {
        ObjectNode m = mapping("e-licence library: no licence of that type for that holder", 50);
        ObjectNode request = request(m, "POST", "urlPath", BASE + "/queries");
        requirePurposeInBody(request, request.putArray("bodyPatterns"));
        ok(m).putObject("jsonBody").putArray("licences");
        return m;
    }

    private ObjectNode get(Licence l) {
        ObjectNode m = mapping("e-licence library: " + l.holderName() + "'s " + l.licenceType() + " " + l.identifier(), 10);
        ObjectNode request = request(m, "GET", "urlPath", BASE + "/" + l.identifier());
        requirePurposeInQuery(request);
        ok(m).set("jsonBody", json.valueToTree(l));
        return m;
    }

    private ObjectNode notFound() {
        ObjectNode m = mapping("e-licence library: no licence with that identifier", 50);
        ObjectNode request = request(m, "GET", "urlPathPattern", BASE + "/[^/]+");
        requirePurposeInQuery(request);
        problem(m, 404, "licence-not-found", "无此电子证照 / no such e-licence");
        return m;
    }

    /** The mapping's request: its method and its URL path, exact (urlPath) or a pattern (urlPathPattern). */
    private static ObjectNode request(ObjectNode mapping, String method, String urlKey, String url) {
        ObjectNode request = mapping.putObject("request");
        request.put("method", method);
        request.put(urlKey, url);
        return request;
    }

    private ObjectNode mapping(String name, int priority) {
        ObjectNode m = json.createObjectNode();
        m.put("name", name);
        m.put("priority", priority);
        return m;
    }

    private static ObjectNode ok(ObjectNode mapping) {
        ObjectNode response = mapping.putObject("response");
        response.put("status", 200);
        response.putObject("headers").put("Content-Type", "application/json; charset=UTF-8");
        return response;
    }

    private static void problem(ObjectNode mapping, int status, String type, String detail) {
        ObjectNode response = mapping.putObject("response");
        response.put("status", status);
        response.putObject("headers").put("Content-Type", "application/problem+json; charset=UTF-8");
        ObjectNode body = response.putObject("jsonBody");
        body.put("type", "/problems/" + type);
        body.put("status", status);
        body.put("detail", detail);
    }
}
