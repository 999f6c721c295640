package org.onewindow.seeds.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The provincial platform's case report store (办件信息上报), as a WireMock extension of the provincial simulator: it
 * keeps what it was sent, so it can deduplicate and sum up as the real platform does. Stubs ask for it with
 * {@code "transformers": ["province-case-reports"], "transformerParameters": {"operation": "receive" | "summary"}}
 * (seeds/simulators/provincial/mappings/80-case-reports.json).
 *
 * <ul>
 *   <li>receive ({@code POST /gateway/report/v1/case-records}, {@code {"records": [...]}}): per record, by (caseId,
 *   sequence): ACCEPTED (stored), DUPLICATE (already held; nothing changes) or OUT_OF_ORDER (the case's previous
 *   sequence is not held: refused), each with the case's last sequence held ({@code lastSequence}).</li>
 *   <li>summary ({@code GET /gateway/report/v1/case-records/summary?date=YYYY-MM-DD}): the records of that day (their
 *   {@code reportDate}) counted per service and kind, and per case the sequences held, those held twice, and the last
 *   sequence held of the case.</li>
 * </ul>
 *
 * <p>One instance per simulator, kept when the simulator is taken down and brought back (the platform's database
 * outlives an outage of its gateway), with a record of every arrival that outlives WireMock's request journal.
 * Tests make it misbehave: {@link #forget} (the platform lost records: a gap), {@link #repeat} (it holds one twice),
 * {@link #slowDown} (every answer comes late).
 */
public final class ProvinceCaseReports implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "province-case-reports";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record as the province holds it. */
    public record Held(String caseId, long sequence, String kind, String serviceCode, String reportDate, String body) {
    }

    /** One record as it arrived, and what the province answered. */
    public record Arrival(String caseId, long sequence, String outcome) {
    }

    private final Map<String, TreeMap<Long, Held>> held = new TreeMap<>();
    /** sequences held twice (the platform's own fault, for tests of repeat detection), per case */
    private final Map<String, List<Long>> repeated = new TreeMap<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        pause();
        String operation = serveEvent.getResponseDefinition().getTransformerParameters().getString("operation", "receive");
        try {
            if ("summary".equals(operation)) {
                String date = serveEvent.getRequest().queryParameter("date").isPresent()
                        ? serveEvent.getRequest().queryParameter("date").firstValue() : "";
                return json(200, summary(date));
            }
            JsonNode records = JSON.readTree(serveEvent.getRequest().getBodyAsString()).path("records");
            if (!records.isArray() || records.isEmpty()) {
                return json(400, JSON.createObjectNode().put("code", "4002").put("message", "records 必填 / records are required"));
            }
            return json(200, receive(records));
        } catch (IOException e) {
            return json(400, JSON.createObjectNode().put("code", "4003").put("message", "报文不是 JSON / the body is not JSON"));
        }
    }

    private synchronized ObjectNode receive(JsonNode records) {
        ArrayNode results = JSON.createArrayNode();
        for (JsonNode record : records) {
            String caseId = record.path("caseId").asText();
            long sequence = record.path("sequence").asLong();
            TreeMap<Long, Held> ofCase = held.computeIfAbsent(caseId, c -> new TreeMap<>());
            String outcome;
            if (ofCase.containsKey(sequence)) {
                outcome = "DUPLICATE";
            } else if (sequence == 1 || ofCase.containsKey(sequence - 1)) {
                ofCase.put(sequence, new Held(caseId, sequence, record.path("kind").asText(), record.path("serviceCode").asText(),
                        record.path("reportDate").asText(), record.toString()));
                outcome = "ACCEPTED";
            } else {
                outcome = "OUT_OF_ORDER";
            }
            arrivals.add(new Arrival(caseId, sequence, outcome));
            results.add(JSON.createObjectNode().put("caseId", caseId).put("sequence", sequence).put("outcome", outcome)
                    .put("lastSequence", ofCase.isEmpty() ? 0 : ofCase.lastKey()));
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("results", results);
        return answer;
    }

    private synchronized ObjectNode summary(String date) {
        Map<String, Long> counts = new TreeMap<>();
        ArrayNode cases = JSON.createArrayNode();
        long total = 0;
        for (Map.Entry<String, TreeMap<Long, Held>> ofCase : held.entrySet()) {
            List<Held> ofDay = ofCase.getValue().values().stream().filter(h -> h.reportDate().equals(date)).toList();
            List<Long> twice = repeated.getOrDefault(ofCase.getKey(), List.of()).stream()
                    .filter(s -> ofCase.getValue().containsKey(s) && ofCase.getValue().get(s).reportDate().equals(date)).toList();
            if (ofDay.isEmpty()) {
                continue;
            }
            for (Held h : ofDay) {
                counts.merge(h.serviceCode() + "/" + h.kind(), twice.contains(h.sequence()) ? 2L : 1L, Long::sum);
                total += twice.contains(h.sequence()) ? 2 : 1;
            }
            ObjectNode c = JSON.createObjectNode().put("caseId", ofCase.getKey()).put("lastSequence", ofCase.getValue().lastKey());
            ArrayNode sequences = c.putArray("sequences");
            ofDay.forEach(h -> sequences.add(h.sequence()));
            ArrayNode repeats = c.putArray("repeated");
            twice.forEach(repeats::add);
            cases.add(c);
        }
        ObjectNode answer = JSON.createObjectNode().put("date", date).put("records", total);
        ArrayNode byService = answer.putArray("counts");
        counts.forEach((key, records) -> byService.add(JSON.createObjectNode()
                .put("serviceCode", key.substring(0, key.lastIndexOf('/'))).put("kind", key.substring(key.lastIndexOf('/') + 1))
                .put("records", records)));
        answer.set("cases", cases);
        return answer;
    }

    /** The records held of a case, in sequence order. */
    public synchronized List<Held> held(String caseId) {
        return List.copyOf(held.getOrDefault(caseId, new TreeMap<>()).values());
    }

    /** Every record that arrived, in arrival order, with the answer given; it survives a take-down, unlike the journal. */
    public synchronized List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The platform loses a case's records from {@code fromSequence} on (a gap, as after a restore from a backup). */
    public synchronized void forget(String caseId, long fromSequence) {
        TreeMap<Long, Held> ofCase = held.get(caseId);
        if (ofCase != null) {
            ofCase.tailMap(fromSequence, true).clear();
        }
    }

    /** The platform holds a record twice (its own fault): its summary shows the repeat. */
    public synchronized void repeat(String caseId, long sequence) {
        repeated.computeIfAbsent(caseId, c -> new ArrayList<>()).add(sequence);
    }

    /** Every answer comes this much later (zero: at once). */
    public void slowDown(Duration delay) {
        this.delay = delay;
    }

    /** Forgets everything it held and every arrival. */
    public synchronized void clear() {
        held.clear();
        repeated.clear();
        arrivals.clear();
    }

    private void pause() {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ResponseDefinition json(int status, ObjectNode body) {
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body.toString())
                .build();
    }
}
