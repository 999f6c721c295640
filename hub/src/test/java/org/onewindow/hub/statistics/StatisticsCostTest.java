package org.onewindow.hub.statistics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a month's statistics cost on 10,000 tasks: March 2026 filled with 10,000 completed single-item cases (a task, 3
 * materials and an acceptance event each), 3,000 evaluations and 500 cards, in a database of its own (H2, as the hub
 * runs by default); each query asked 5 times after one warm-up, the median written to target/statistics-cost.txt.
 * Run on demand:
 * {@code ./mvnw -o -q -B -pl hub -am verify -Dtest=StatisticsCostTest -Donewindow.statistics.cost=true -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}
 */
@EnabledIfSystemProperty(named = "onewindow.statistics.cost", matches = "true")
@TestPropertySource(properties = "onewindow.statistics.cost-run=true")
class StatisticsCostTest extends HubTest {

    private static final int TASKS = 10_000;
    private static final String[][] ITEMS = {{"RE-TRANSFER-REGISTRATION", "real-estate"}, {"TAX-DEED-TAX", "tax"},
            {"SI-PERSON-ENROLMENT", "social-insurance"}, {"SI-CARD-APPLICATION", "social-insurance"}, {"TAX-PAYMENT-CERTIFICATE", "tax"}};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMonthOfTenThousandTasks() throws Exception {
        long fill = System.nanoTime();
        fill();
        fill = (System.nanoTime() - fill) / 1_000_000;
        HubClient operator = new HubClient(port).as(DemoCallers.OPERATOR);
        List<String> report = new ArrayList<>();
        report.add("filled " + TASKS + " tasks, " + 3 * TASKS + " materials, 3000 evaluations, 500 cards in " + fill + " ms");
        for (String query : List.of("/api/v1/stats/departments?period=month&from=2026-03-01&to=2026-03-31",
                "/api/v1/stats/departments?period=day&from=2026-03-01&to=2026-03-31",
                "/api/v1/stats/items?period=xun&from=2026-03-01&to=2026-03-31&format=csv",
                "/api/v1/stats/ranking?from=2026-03-01&to=2026-03-31",
                "/api/v1/stats/charts/avgHandlingDays.svg?period=day&from=2026-03-01&to=2026-03-31")) {
            assertThat(operator.get(query).status()).isEqualTo(200);
            long[] ms = new long[5];
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                HubClient.Reply reply = operator.get(query);
                ms[i] = (System.nanoTime() - start) / 1_000_000;
                assertThat(reply.status()).isEqualTo(200);
            }
            Arrays.sort(ms);
            report.add(String.format("median %4d ms (min %d, max %d)  GET %s", ms[2], ms[0], ms[4], query));
        }
        String month = operator.get("/api/v1/stats/departments?period=month&from=2026-03-01&to=2026-03-31").body();
        assertThat(month).contains("\"completed\":");
        Files.write(Path.of("target", "statistics-cost.txt"), report);
        report.forEach(System.out::println);
    }

    private void fill() {
        Random random = new Random(42);
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> tasks = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        List<Object[]> materials = new ArrayList<>();
        List<Object[]> evaluations = new ArrayList<>();
        List<Object[]> cards = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            String caseId = String.format("CT202603-%06d", i);
            String[] item = ITEMS[i % ITEMS.length];
            // accepted on a day of March between 09:00 and 16:00 Beijing time, finished 0 to 6 days later
            OffsetDateTime accepted = OffsetDateTime.of(2026, 3, 1 + random.nextInt(24), 9 + random.nextInt(7), random.nextInt(60), 0, 0,
                    ZoneOffset.ofHours(8));
            OffsetDateTime finished = accepted.plusHours(1 + random.nextInt(6 * 24));
            cases.add(new Object[] {caseId, item[0], accepted, finished});
            tasks.add(new Object[] {caseId + "-01", caseId, item[0], item[1], accepted, finished, 3, accepted.plusDays(5),
                    random.nextInt(10) == 0 ? 420 : 0});
            events.add(new Object[] {caseId, accepted});
            for (int m = 0; m < 3; m++) {
                materials.add(new Object[] {caseId, m, item[0], "material-" + m, random.nextBoolean() ? "EXEMPT" : "REQUIRED"});
            }
            if (i % 10 < 3) {
                evaluations.add(new Object[] {caseId, 1 + random.nextInt(5), random.nextInt(4) == 0, finished.plusHours(2)});
            }
            if (i % 20 == 0) {
                cards.add(new Object[] {caseId + "-01", caseId, item[1], item[0], random.nextBoolean() ? "RED" : "YELLOW",
                        accepted.plusDays(5), finished.minusHours(1), finished});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO cases (case_id, item_code, status, applicant_kind, applicant_name, applicant_id, request_json, created_at,
                                   updated_at, submitted_by)
                VALUES (?, ?, 'COMPLETED', 'PERSON', 'cost', '11010519491231002X', '{}', ?, ?, 'hall-xuanwu')""", cases);
        jdbc.batchUpdate("""
                INSERT INTO case_tasks (task_id, case_id, step_id, item_code, department, depends_on, status, created_at, updated_at,
                                        promised_working_days, deadline_at, stopped_minutes)
                VALUES (?, ?, 'step-1', ?, ?, '', 'COMPLETED', ?, ?, ?, ?, ?)""", tasks);
        jdbc.batchUpdate("INSERT INTO case_events (case_id, event_type, detail, occurred_at) VALUES (?, 'CASE_ACCEPTED', 'cost', ?)", events);
        jdbc.batchUpdate("""
                INSERT INTO case_materials (case_id, position, item_code, material_code, source, status)
                VALUES (?, ?, ?, ?, 'licence', ?)""", materials);
        jdbc.batchUpdate("""
                INSERT INTO evaluations (case_id, applicant_id, level, channel, given_by, default_rating, evaluated_at)
                VALUES (?, '11010519491231002X', ?, 'PC', 'cost', ?, ?)""", evaluations);
        jdbc.batchUpdate("""
                INSERT INTO supervision_cards (task_id, case_id, department, item_code, colour, deadline_at, minutes_left, issued_at, cleared_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""", cards);
    }
}
