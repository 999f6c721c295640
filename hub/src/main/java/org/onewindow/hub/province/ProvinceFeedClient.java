package org.onewindow.hub.province;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.onewindow.hub.outbound.GatewayAnswer;
import org.onewindow.hub.outbound.GatewayFailure;
import org.onewindow.hub.outbound.ProvincialGateway;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The province's case report API behind its gateway ({@link ProvincialGateway}: the hub's pooled HTTP client, the
 * feed's own circuit breaker and timeouts; every exchange in the signed message log as party {@value #PARTY}, bodies
 * hashed, not kept, unless onewindow.message-log.keep-bodies names the party).
 *
 * <p>A record as sent: {@code caseId, sequence, kind, eventType, occurredAt, reportDate, serviceCode, itemCode,
 * department, body} and, in the accept record (受理) only, {@code applicant {kind, name, idNumber}}: the province's rules
 * require the applicant in 办件信息, and once per case is enough for it to file the rest under the case number.
 */
class ProvinceFeedClient {

    static final String PARTY = "province-case-reports";
    static final String RECORDS = "/gateway/report/v1/case-records";
    static final String SUMMARY = "/gateway/report/v1/case-records/summary";

    /** The province's answer to one record. */
    record Answer(String caseId, long sequence, Outcome outcome, long lastSequence) {
        enum Outcome { ACCEPTED, DUPLICATE, OUT_OF_ORDER }
    }

    /** The province refused the batch (4xx) or answered what the hub cannot read. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final ProvincialGateway.Service gateway;
    private final ObjectMapper objectMapper;
    private final ZoneId zone;

    ProvinceFeedClient(ProvincialGateway.Service gateway, ObjectMapper objectMapper, ZoneId zone) {
        this.gateway = gateway;
        this.objectMapper = objectMapper;
        this.zone = zone;
    }

    ProvincialGateway.Service gateway() {
        return gateway;
    }

    /** Sends records of distinct cases in one POST; the answers, per record, as the province gave them. */
    List<Answer> send(List<CaseReportStore.Outgoing> records) throws GatewayFailure, Refused {
        ObjectNode request = objectMapper.createObjectNode();
        ArrayNode array = request.putArray("records");
        records.forEach(r -> array.add(record(r)));
        String caseId = records.stream().map(CaseReportStore.Outgoing::caseId).distinct().count() == 1 ? records.get(0).caseId() : null;
        GatewayAnswer answer;
        try {
            answer = gateway.postJson(RECORDS, objectMapper.writeValueAsBytes(request), null, "POST " + RECORDS, caseId);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (answer.status() != 200) {
            throw new Refused("the province answered " + answer.status());
        }
        try {
            return objectMapper.readValue(answer.body(), Answers.class).results();
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused("the province's answer is not readable");
        }
    }

    /** The province's summary of a day (counts per service and kind; per case the sequences held). */
    JsonNode summary(LocalDate day) throws GatewayFailure, Refused {
        GatewayAnswer answer = gateway.get(SUMMARY + "?date=" + day, "GET " + SUMMARY, null);
        if (answer.status() != 200) {
            throw new Refused("the province answered " + answer.status());
        }
        try {
            return objectMapper.readTree(answer.body());
        } catch (IOException e) {
            throw new Refused("the province's summary is not readable");
        }
    }

    private ObjectNode record(CaseReportStore.Outgoing r) {
        ObjectNode record = objectMapper.createObjectNode()
                .put("caseId", r.caseId())
                .put("sequence", r.sequence())
                .put("kind", r.kind().name())
                .put("eventType", r.eventType())
                .put("occurredAt", r.occurredAt().toString())
                .put("reportDate", r.occurredAt().atZone(zone).toLocalDate().toString())
                .put("serviceCode", r.serviceCode())
                .put("itemCode", r.itemCode() != null ? r.itemCode() : r.serviceCode());
        if (r.department() != null) {
            record.put("department", r.department());
        }
        if (r.kind() == ReportKind.ACCEPT) {
            record.putObject("applicant").put("kind", r.applicantKind()).put("name", r.applicantName()).put("idNumber", r.applicantId());
        }
        try {
            record.set("body", objectMapper.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException("stored body of record " + r.caseId() + "/" + r.sequence() + " is not JSON", e);
        }
        return record;
    }

    private record Answers(List<Answer> results) {
    }
}
