package org.onewindow.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.ShiftedClock;
import org.onewindow.hub.testkit.ShiftedClockHubTest;
import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.TimeLimit;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;

/**
 * 企业开办 (COMPANY-OPENING) as the README walks through it: the demo case of seeds/demo, applied for at 11:00 on a working
 * Monday with every department taking a second to answer. It completes with all its steps; the steps after the company's
 * establishment reach their departments side by side (proven from the simulators' request journals, not from durations);
 * and the release comes within the bundle's promise, 2 working hours on the catalogue's calendar and the hall's office
 * hours. Steps are found by their ids, so a step added to the bundle (unit medical insurance) changes none of this.
 */
class CompanyOpeningFlowTest extends ShiftedClockHubTest {

    private static final int DELAY_MS = 1000;
    /** Monday 7 December 2026, 11:00 in Beijing: an hour before the office's lunch break (12:00-13:30). */
    private static final Instant MONDAY_ELEVEN = OffsetDateTime.parse("2026-12-07T11:00:00+08:00").toInstant();
    /** The same day, 14:30: one working hour before the break and one after it. */
    private static final Instant TWO_WORKING_HOURS_LATER = OffsetDateTime.parse("2026-12-07T14:30:00+08:00").toInstant();
    private static final String ESTABLISHMENT = "company-establishment";
    private static final List<String> LATER_STEPS = List.of("seal-filing", "invoice-application", "unit-social-insurance",
            "unit-medical-insurance", "housing-fund-deposit");

    @LocalServerPort
    int port;
    @Autowired
    ShiftedClock clock;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    ServiceCatalogue catalogue;
    HubClient hub;

    @BeforeEach
    void mondayEleven() {
        hub = new HubClient(port);
        clock.setNow(MONDAY_ELEVEN);
    }

    @AfterEach
    void noDelays() {
        simulators.departments().forEach(d -> simulators.server(d).orElseThrow().setGlobalFixedDelay(0));
    }

    @Test
    void theDemoCaseCompletesWithinTwoWorkingHoursWithTheStepsAfterTheEstablishmentSideBySide() throws IOException {
        simulators.departments().forEach(d -> simulators.server(d).orElseThrow().setGlobalFixedDelay(DELAY_MS));
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(),
                Files.readString(Path.of("../seeds/demo/company-opening-case.json")));
        JsonNode done = awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(60));

        Map<String, JsonNode> steps = tasksByStep(done);
        assertThat(steps).containsKey(ESTABLISHMENT).containsKeys(LATER_STEPS.toArray(String[]::new));
        assertThat(steps.values()).allSatisfy(task -> assertThat(task.get("status").asText()).isEqualTo("COMPLETED"));

        // all exempt: every licence and record was obtained by the hub; the applicant brought only what only she holds,
        // and nothing was deferred, so no clock stood still
        assertThat(done.get("materials")).allSatisfy(material -> {
            if (material.get("source").asText().equals("applicant")) {
                assertThat(material.get("documentRef").asText()).as(material.toString()).startsWith("intake-doc-");
            } else {
                assertThat(material.get("status").asText()).as(material.toString()).isEqualTo("EXEMPT");
            }
        });
        assertThat(done.get("waits")).isEmpty();

        // side by side: each later step reached its department after the business licence was issued, and the last
        // of them before the first was answered
        long licenceAnswered = receivedAt(steps.get(ESTABLISHMENT)) + DELAY_MS;
        List<Long> later = steps.values().stream().filter(task -> !task.get("stepId").asText().equals(ESTABLISHMENT))
                .map(this::receivedAt).toList();
        assertThat(later).hasSizeGreaterThanOrEqualTo(LATER_STEPS.size())
                .allSatisfy(start -> assertThat(start).isGreaterThanOrEqualTo(licenceAnswered));
        long first = later.stream().min(Long::compare).orElseThrow();
        long last = later.stream().max(Long::compare).orElseThrow();
        assertThat(last - first).as("the last later step started before the first one was answered").isLessThan(DELAY_MS);

        // released within the promise: 2 working hours from acceptance on the working calendar
        Bundle bundle = catalogue.bundle("COMPANY-OPENING").orElseThrow();
        assertThat(bundle.promisedLimit()).isEqualTo(TimeLimit.workingHours(2));
        Instant accepted = eventAt(done, "CASE_ACCEPTED");
        Instant completed = eventAt(done, "CASE_COMPLETED");
        Instant deadline = calendar.deadline(accepted, bundle.promisedLimit());
        assertThat(Duration.between(TWO_WORKING_HOURS_LATER, deadline)).isBetween(Duration.ZERO, Duration.ofMinutes(1));
        assertThat(completed).isAfter(accepted).isBefore(deadline);
        assertThat(calendar.workingMinutesBetween(accepted, completed)).isLessThan(120);
        assertThat(done.get("promisedBy").asText()).isEqualTo("2026-12-07");
        // every step is due by the bundle's deadline, though establishment alone promises a working day
        assertThat(steps.values()).allSatisfy(task -> {
            assertThat(task.at("/deadline/promisedLimit/amount").asInt()).isEqualTo(2);
            assertThat(task.at("/deadline/promisedLimit/unit").asText()).isEqualTo("working-hours");
            assertThat(Duration.between(deadline, Instant.parse(task.at("/deadline/deadline").asText())).abs())
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(task.at("/deadline/overdue").asBoolean()).isFalse();
        });

        JsonNode release = hub.get("/api/v1/cases/" + caseId + "/release").json();
        assertThat(release.get("decision").asText()).isEqualTo("APPROVED");
        assertThat(release.get("results").findValuesAsText("stepId")).containsAll(steps.keySet());
    }

    private static Map<String, JsonNode> tasksByStep(JsonNode view) {
        Map<String, JsonNode> steps = new LinkedHashMap<>();
        view.get("tasks").forEach(task -> steps.put(task.get("stepId").asText(), task));
        return steps;
    }

    /** When the task's department received its request: the first request in its journal that names the task. */
    private long receivedAt(JsonNode task) {
        String server = catalogue.carrier(task.get("department").asText());
        List<LoggedRequest> requests = simulators.server(server).orElseThrow()
                .findAll(anyRequestedFor(anyUrl()).withRequestBody(containing(task.get("taskId").asText())));
        assertThat(requests).as("requests of " + task.get("taskId").asText() + " at " + server).isNotEmpty();
        return requests.stream().map(r -> r.getLoggedDate().getTime()).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static Instant eventAt(JsonNode view, String type) {
        for (JsonNode event : view.get("timeline")) {
            if (event.get("type").asText().equals(type)) {
                return Instant.parse(event.get("at").asText());
            }
        }
        throw new AssertionError("no " + type + " in " + view.get("timeline"));
    }
}
