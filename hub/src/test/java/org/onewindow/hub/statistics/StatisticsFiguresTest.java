package org.onewindow.hub.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.hub.testkit.DemoCallers;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.hub.statistics.StatisticsFixture.bj;

/**
 * The done-when of the statistics: the figures of {@link StatisticsFixture} (Labour Day 2026, ISO weeks 18 and 19)
 * match the figures worked out by hand below, in JSON and in CSV.
 */
class StatisticsFiguresTest extends HubTest {

    private static final String WEEKS = "period=week&from=2026-04-27&to=2026-05-10";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingCalendar calendar;
    HubClient operator;

    @BeforeEach
    void fixture() {
        StatisticsFixture.ensure(jdbc);
        operator = new HubClient(port).as(DemoCallers.OPERATOR);
    }

    @Test
    void theHandWorkedDeadlinesAreTheCalendars() {
        // C1 accepted Wed 29 Apr: 30 Apr = day 1, 1–5 May off, 6 May = day 2, 7 May = day 3
        assertThat(calendar.deadline(bj("2026-04-29T10:00").toInstant(), 3)).isEqualTo(bj("2026-05-07T17:30").toInstant());
        // C2 accepted Thu 30 Apr: 6, 7, 8 May
        assertThat(calendar.deadline(bj("2026-04-30T11:00").toInstant(), 3)).isEqualTo(bj("2026-05-08T17:30").toInstant());
        // C3 accepted Wed 6 May: 7, 8 May and Saturday 9 May (调休) = day 3; 420 minutes stopped move it to Monday 11 May
        assertThat(calendar.deadline(bj("2026-05-06T09:30").toInstant(), 3)).isEqualTo(bj("2026-05-09T17:30").toInstant());
        assertThat(calendar.plusWorkingMinutes(bj("2026-05-09T17:30").toInstant(), 420)).isEqualTo(bj("2026-05-11T17:30").toInstant());
        // C4: the deed tax (0 days) closes the day of acceptance; the transfer: 29, 30 Apr, 6 May
        assertThat(calendar.deadline(bj("2026-04-28T14:00").toInstant(), 0)).isEqualTo(bj("2026-04-28T17:30").toInstant());
        assertThat(calendar.deadline(bj("2026-04-28T14:00").toInstant(), 3)).isEqualTo(bj("2026-05-06T17:30").toInstant());
        // C8 accepted Fri 24 Apr: 27, 28, 29 Apr
        assertThat(calendar.deadline(bj("2026-04-24T16:00").toInstant(), 3)).isEqualTo(bj("2026-04-29T17:30").toInstant());
        // the hand-counted handling times
        assertThat(minutes("2026-04-29T10:00", "2026-05-06T15:00")).isEqualTo(1050);
        assertThat(minutes("2026-04-30T11:00", "2026-05-08T16:00")).isEqualTo(1470);
        assertThat(minutes("2026-05-06T09:30", "2026-05-09T17:00")).isEqualTo(1620);
        assertThat(minutes("2026-04-28T14:00", "2026-04-29T09:30")).isEqualTo(240);
        assertThat(minutes("2026-04-28T14:00", "2026-05-07T10:00")).isEqualTo(1530);
        assertThat(minutes("2026-04-24T16:00", "2026-04-28T10:00")).isEqualTo(570);
        assertThat(calendar.minutesPerDay()).isEqualTo(420);
    }

    private long minutes(String from, String to) {
        return calendar.workingMinutesBetween(bj(from).toInstant(), bj(to).toInstant());
    }

    /**
     * Per week and department. Week 18 (27 Apr – 3 May):
     * <ul>
     * <li>real-estate: accepted C1, C2, C4 = 3; completed C8 (early, 570 min): avg 570/420 = 1.357 → 1.36; 法定提速率
     *     1 − 570/(30 × 420) = 0.954762 → 0.9548; 承诺压缩比 1 − 3/30 = 0.9; materials C1 3/4 + C2 2/4 + C4 2/4 = 7/12 =
     *     0.5833; evaluations E5 (4): satisfied 1/1; no bad one: rectified null; 主动评价率 C8 rated (E5) = 1/1; no cards.</li>
     * <li>tax: accepted C4 = 1; completed C4 (overdue, 240): on-time rate 0, avg 240/420 = 0.5714 → 0.57; no 提速率 and
     *     no 压缩比: the Deed Tax Law sets the office no handling limit (TAX-DEED-TAX's legal limit is none); red card 1;
     *     materials 2/4 = 0.5; evaluations 0 (E3 is in week 19); 主动评价率 C4 rated actively (E3) = 1/1.</li>
     * <li>social-insurance: accepted C5, C7 = 2; completed C5 (early, 120): avg 0.2857 → 0.29; 提速率 (legal limit 10
     *     working days, 社会保险经办条例 art. 6) 1 − 120/4200 = 0.971429 → 0.9714; 压缩比 1 − 1/10 = 0.9; materials C5 2/3 +
     *     C7 1/3 = 3/6 = 0.5; E4 (level 2): satisfied 0/1, bad 1, its ticket answered late: rectified 0/1; 主动评价率 1/1.</li>
     * </ul>
     * Week 19 (4 – 10 May):
     * <ul>
     * <li>real-estate: accepted C3, C6 = 2; completed C1 early, C2 on time, C3 early (its clock stop moved the deadline
     *     to Monday), C4 overdue = 4, on-time rate 3/4 = 0.75; handling 1050 + 1470 + 1200 + 1530 = 5250, avg
     *     5250/1680 = 3.125 → 3.13; 提速率 1 − 5250/50400 = 0.8958; 压缩比 0.9; yellow C4, C6 = 2, red C4 = 1; materials
     *     C3 3/4 = 0.75; evaluations E1 (5), E2 (5, default), E3 (1) = 3, satisfied 2/3 = 0.6667; bad E3, its real-estate
     *     ticket answered in time: 1/1; 主动评价率: of C1, C2, C3, C4 the ones rated actively are C1 (E1), C3 (E6, given
     *     after the range) and C4 (E3), not C2 (default only): 3/4 = 0.75.</li>
     * <li>tax: nothing accepted or completed; E3 (1) counts for the bundle's tax department too: evaluations 1,
     *     satisfied 0/1, bad 1, its tax ticket still open: rectified 0/1.</li>
     * <li>social-insurance: nothing: zeros, every ratio null.</li>
     * </ul>
     */
    @Test
    void weeklyFiguresPerDepartmentMatchTheHandCountInJson() {
        HubClient.Reply reply = operator.get("/api/v1/stats/departments?" + WEEKS);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode table = reply.json();
        assertThat(table.get("period").asText()).isEqualTo("week");
        JsonNode rows = table.get("rows");
        assertThat(rows).hasSize(6);

        JsonNode re18 = row(rows, "2026-W18", "real-estate");
        assertThat(re18.get("from").asText()).isEqualTo("2026-04-27");
        assertThat(re18.get("to").asText()).isEqualTo("2026-05-03");
        assertThat(re18.get("departmentName").asText()).isEqualTo("不动产登记中心");
        assertCounts(re18, Map.of("accepted", 3, "completed", 1, "early", 1, "onTime", 0, "overdue", 0, "yellowCards", 0, "redCards", 0,
                "materials", 12, "exemptMaterials", 7, "evaluations", 1));
        assertDecimals(re18, Map.of("onTimeRate", "1.0", "avgHandlingDays", "1.36", "legalSpeedUp", "0.9548", "promiseCompression", "0.9",
                "exemptionRatio", "0.5833", "satisfactionRate", "1.0", "activeRate", "1.0"));
        assertThat(re18.get("rectifiedRate").isNull()).isTrue();

        JsonNode tax18 = row(rows, "2026-W18", "tax");
        assertCounts(tax18, Map.of("accepted", 1, "completed", 1, "early", 0, "onTime", 0, "overdue", 1, "redCards", 1,
                "materials", 4, "exemptMaterials", 2, "evaluations", 0, "completedCases", 1));
        assertDecimals(tax18, Map.of("onTimeRate", "0.0", "avgHandlingDays", "0.57", "exemptionRatio", "0.5", "activeRate", "1.0"));
        assertThat(tax18.get("satisfactionRate").isNull()).isTrue();
        assertThat(tax18.get("legalSpeedUp").isNull()).isTrue();
        assertThat(tax18.get("promiseCompression").isNull()).isTrue();

        JsonNode si18 = row(rows, "2026-W18", "social-insurance");
        assertCounts(si18, Map.of("accepted", 2, "completed", 1, "early", 1, "materials", 6, "exemptMaterials", 3, "evaluations", 1,
                "satisfied", 0, "badEvaluations", 1, "badRectified", 0));
        assertDecimals(si18, Map.of("avgHandlingDays", "0.29", "legalSpeedUp", "0.9714", "promiseCompression", "0.9",
                "exemptionRatio", "0.5", "satisfactionRate", "0.0", "rectifiedRate", "0.0", "activeRate", "1.0"));

        JsonNode re19 = row(rows, "2026-W19", "real-estate");
        assertCounts(re19, Map.of("accepted", 2, "completed", 4, "early", 2, "onTime", 1, "overdue", 1, "yellowCards", 2, "redCards", 1,
                "materials", 4, "exemptMaterials", 3, "evaluations", 3));
        assertCounts(re19, Map.of("satisfied", 2, "badEvaluations", 1, "badRectified", 1, "completedCases", 4, "activelyRatedCases", 3));
        assertDecimals(re19, Map.of("onTimeRate", "0.75", "avgHandlingDays", "3.13", "legalSpeedUp", "0.8958", "promiseCompression", "0.9",
                "exemptionRatio", "0.75", "satisfactionRate", "0.6667", "rectifiedRate", "1.0", "activeRate", "0.75"));

        JsonNode tax19 = row(rows, "2026-W19", "tax");
        assertCounts(tax19, Map.of("accepted", 0, "completed", 0, "evaluations", 1, "satisfied", 0, "badEvaluations", 1, "badRectified", 0));
        assertDecimals(tax19, Map.of("satisfactionRate", "0.0", "rectifiedRate", "0.0"));
        assertThat(tax19.get("avgHandlingDays").isNull()).isTrue();

        JsonNode si19 = row(rows, "2026-W19", "social-insurance");
        assertCounts(si19, Map.of("accepted", 0, "completed", 0, "evaluations", 0, "materials", 0));
        for (String ratio : List.of("onTimeRate", "avgHandlingDays", "legalSpeedUp", "promiseCompression", "exemptionRatio", "activeRate",
                "satisfactionRate", "rectifiedRate")) {
            assertThat(si19.get(ratio).isNull()).as(ratio).isTrue();
        }
    }

    /** The same figures as CSV: BOM, CRLF, the Chinese and English headings, percentages with 1 decimal. */
    @Test
    void weeklyFiguresPerDepartmentMatchTheHandCountInCsv() throws Exception {
        HttpResponse<byte[]> reply = bytes("/api/v1/stats/departments?" + WEEKS, "text/csv");
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/csv;charset=UTF-8");
        byte[] body = reply.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n").doesNotContain("\n\n");
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(7);
        assertThat(lines[0]).isEqualTo("时段 period,起 from,止 to,部门 department,部门名称 departmentName,受理数 accepted,办结数 completed,"
                + "提前办结 early,按时办结 onTime,超期办结 overdue,按期办结率(%) onTimeRate(%),平均办理时长(工作日) avgHandlingDays,"
                + "法定提速率(%) legalSpeedUp(%),承诺压缩比(%) promiseCompression(%),黄牌数 yellowCards,红牌数 redCards,材料数 materials,"
                + "免提交材料数 exemptMaterials,免提交率(%) exemptionRatio(%),评价数 evaluations,办结办件数 completedCases,"
                + "主动评价办件数 activelyRatedCases,主动评价率(%) activeRate(%),满意评价数 satisfied,满意率(%) satisfactionRate(%),"
                + "差评数 badEvaluations,差评有效处置数 badRectified,差评有效处置率(%) rectifiedRate(%)");
        // rows by period, then department code: real-estate, social-insurance, tax
        assertThat(lines[1]).isEqualTo("2026-W18,2026-04-27,2026-05-03,real-estate,不动产登记中心,3,1,1,0,0,100.0,1.36,95.5,90.0,0,0,12,7,58.3,1,1,1,100.0,1,100.0,0,0,");
        assertThat(lines[2]).isEqualTo("2026-W18,2026-04-27,2026-05-03,social-insurance,人力资源和社会保障局（社保）,2,1,1,0,0,100.0,0.29,97.1,90.0,0,0,6,3,50.0,1,1,1,100.0,0,0.0,1,0,0.0");
        assertThat(lines[3]).isEqualTo("2026-W18,2026-04-27,2026-05-03,tax,县税务局,1,1,0,0,1,0.0,0.57,,,0,1,4,2,50.0,0,1,1,100.0,0,,0,0,");
        assertThat(lines[4]).isEqualTo("2026-W19,2026-05-04,2026-05-10,real-estate,不动产登记中心,2,4,2,1,1,75.0,3.13,89.6,90.0,2,1,4,3,75.0,3,4,3,75.0,2,66.7,1,1,100.0");
        assertThat(lines[5]).isEqualTo("2026-W19,2026-05-04,2026-05-10,social-insurance,人力资源和社会保障局（社保）,0,0,0,0,0,,,,,0,0,0,0,,0,0,0,,0,,0,0,");
        assertThat(lines[6]).isEqualTo("2026-W19,2026-05-04,2026-05-10,tax,县税务局,0,0,0,0,0,,,,,0,0,0,0,,1,0,0,,0,0.0,1,0,0.0");
        // ?format=csv is the same as Accept: text/csv
        assertThat(bytes("/api/v1/stats/departments?" + WEEKS + "&format=csv", "application/json").body()).isEqualTo(body);
    }

    /**
     * Per item and 旬 (the range cut to 27–30 April and 1–10 May). TAX-DEED-TAX in 2026-04下旬: C4's task, accepted and
     * completed overdue; no law gives it a limit, so it has no 承诺压缩比. SI-PERSON-ENROLMENT's 承诺压缩比 is the item's,
     * 1 − 1/10 = 0.9, even in 2026-05上旬 with nothing completed (C7 was rejected on 30 April).
     * RE-TRANSFER-REGISTRATION in 2026-05上旬 is week 19 of real-estate.
     */
    @Test
    void perItemAndXun() {
        JsonNode rows = operator.get("/api/v1/stats/items?period=xun&from=2026-04-27&to=2026-05-10").json().get("rows");
        JsonNode deedTax = rowOfItem(rows, "2026-04下旬", "TAX-DEED-TAX");
        assertThat(deedTax.get("itemName").asText()).isEqualTo("契税申报");
        assertThat(deedTax.get("department").asText()).isEqualTo("tax");
        assertCounts(deedTax, Map.of("accepted", 1, "completed", 1, "overdue", 1, "redCards", 1));
        assertThat(deedTax.get("promiseCompression").isNull()).isTrue();
        assertThat(deedTax.get("legalSpeedUp").isNull()).isTrue();
        JsonNode enrolment = rowOfItem(rows, "2026-05上旬", "SI-PERSON-ENROLMENT");
        assertCounts(enrolment, Map.of("completed", 0));
        assertDecimals(enrolment, Map.of("promiseCompression", "0.9"));
        JsonNode transfer = rowOfItem(rows, "2026-05上旬", "RE-TRANSFER-REGISTRATION");
        assertCounts(transfer, Map.of("accepted", 2, "completed", 4, "early", 2, "onTime", 1, "overdue", 1, "yellowCards", 2, "redCards", 1));
        assertDecimals(transfer, Map.of("avgHandlingDays", "3.13", "satisfactionRate", "0.6667", "activeRate", "0.75"));
        // the department filter keeps its items only
        assertThat(operator.get("/api/v1/stats/items?period=month&from=2026-04-27&to=2026-05-10&department=tax").json()
                .get("rows").findValuesAsText("itemCode")).containsOnly("TAX-DEED-TAX");
    }

    /**
     * The ranking of 27 April – 10 May: social-insurance (on time 1/1 = 1.0), real-estate (C8, C1, C3 early, C2 on time,
     * C4 overdue: 4/5 = 0.8; satisfaction E5, E1, E2 of E5, E1, E2, E3 = 0.75; red 1), tax (0/1 = 0.0, satisfaction 0.0).
     */
    @Test
    void departmentsAreRankedByOnTimeRateThenSatisfactionThenRedCards() throws Exception {
        JsonNode ranking = operator.get("/api/v1/stats/ranking?from=2026-04-27&to=2026-05-10").json();
        JsonNode rows = ranking.get("rows");
        assertThat(field(rows, "department")).containsExactly("social-insurance", "real-estate", "tax");
        assertThat(field(rows, "rank")).containsExactly("1", "2", "3");
        assertThat(rows.get(1).get("onTimeRate").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(rows.get(1).get("satisfactionRate").decimalValue()).isEqualByComparingTo("0.75");
        // 570 + 5250 working minutes over 5 tasks: 5820 / 2100 = 2.771 → 2.77
        assertThat(rows.get(1).get("avgHandlingDays").decimalValue()).isEqualByComparingTo("2.77");
        assertThat(rows.get(2).get("redCards").asLong()).isEqualTo(1);
        // the range's full figures of real-estate: accepted C1, C2, C4, C3, C6 = 5; 提速率 1 − 5820/(5 × 30 × 420) = 0.9076;
        // materials 3/4 + 2/4 + 2/4 + 3/4 = 10/16 = 0.625; rated actively C8, C1, C3, C4 of 5 = 0.8; E3 rectified in time
        JsonNode figures = rows.get(1).get("figures");
        assertThat(figures.get("period").asText()).isEqualTo("2026-04-27/2026-05-10");
        assertCounts(figures, Map.of("accepted", 5, "completed", 5, "early", 3, "onTime", 1, "overdue", 1, "yellowCards", 2, "redCards", 1,
                "materials", 16, "exemptMaterials", 10, "evaluations", 4));
        assertDecimals(figures, Map.of("legalSpeedUp", "0.9076", "promiseCompression", "0.9", "exemptionRatio", "0.625", "activeRate", "0.8",
                "rectifiedRate", "1.0"));

        String csv = new String(bytes("/api/v1/stats/ranking?from=2026-04-27&to=2026-05-10&format=csv", "*/*").body(), StandardCharsets.UTF_8);
        String[] lines = csv.substring(1).split("\r\n");
        assertThat(lines[0]).startsWith("名次 rank,起 from,止 to,部门 department,部门名称 departmentName,受理数 accepted");
        assertThat(lines[1]).startsWith("1,2026-04-27,2026-05-10,social-insurance,");
        assertThat(lines[2]).startsWith("2,2026-04-27,2026-05-10,real-estate,不动产登记中心,5,5,3,1,1,80.0,2.77,");
        assertThat(lines[3]).startsWith("3,2026-04-27,2026-05-10,tax,");
    }

    /** Day by day the holiday is visible: nothing accepted on 1–5 May, C3 accepted on Wed 6 May, C6 on Thu 7 May. */
    @Test
    void daysOfTheHolidayHaveNothing() {
        JsonNode rows = operator.get("/api/v1/stats/departments?period=day&from=2026-04-27&to=2026-05-10&department=real-estate").json().get("rows");
        assertThat(rows).hasSize(14);
        assertThat(rows.findValuesAsText("accepted")).containsExactly("0", "1", "1", "1", "0", "0", "0", "0", "0", "1", "1", "0", "0", "0");
        assertThat(rows.findValuesAsText("completed")).containsExactly("0", "1", "0", "0", "0", "0", "0", "0", "0", "1", "1", "1", "1", "0");
    }

    @Test
    void theChartIsAStandaloneSvgWithOneSeriesPerDepartment() {
        HubClient.Reply svg = operator.get("/api/v1/stats/charts/satisfactionRate.svg?" + WEEKS);
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.body()).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", "<title id=\"chart-title\">满意率 Satisfaction rate (%)</title>",
                "data-series=\"real-estate\"", "data-series=\"tax\"", "data-series=\"social-insurance\"", "2026-W18", "时段 Period")
                .doesNotContain("<script");
        assertThat(operator.get("/api/v1/stats/charts/accepted.svg?" + WEEKS + "&department=tax").body())
                .contains("data-series=\"tax\"").doesNotContain("data-series=\"real-estate\"");
    }

    @Test
    void badParametersAreListedInOneProblem() {
        HubClient.Reply bad = operator.get("/api/v1/stats/departments?period=fortnight&from=2026-05-10&to=2026-04-27&department=nobody&format=xls");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactly("period", "from", "department", "format");
        assertThat(bad.body()).doesNotContain("Exception", "SELECT");
        HubClient.Reply tooLong = operator.get("/api/v1/stats/items?period=day&from=2025-01-01&to=2026-05-10", Map.of("Accept", "text/csv"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(tooLong.json().get("errors").findValuesAsText("field")).containsExactly("to");
        HubClient.Reply missing = operator.get("/api/v1/stats/ranking?from=yesterday");
        assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactly("from", "to");
        HubClient.Reply figure = operator.get("/api/v1/stats/charts/happiness.svg?" + WEEKS + "&by=mood");
        assertThat(figure.status()).isEqualTo(400);
        assertThat(figure.json().get("errors").findValuesAsText("field")).containsExactly("figure", "by");
    }

    @Test
    void operatorsAuditorsAndTheProvinceMayReadStrangersAndHallsMayNot() {
        HubClient hub = new HubClient(port);
        String path = "/api/v1/stats/departments?" + WEEKS;
        HubClient.Reply anonymous = hub.anonymous().get(path);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        HubClient.Reply hall = hub.as(DemoCallers.HALL_XUANWU).get(path);
        assertThat(hall.status()).isEqualTo(403);
        assertThat(hall.contentType()).startsWith("application/problem+json");
        assertThat(hub.as(DemoCallers.HALL_XUANWU).get("/api/v1/stats/charts/accepted.svg?" + WEEKS).status()).isEqualTo(403);
        for (DemoCallers reader : List.of(DemoCallers.OPERATOR, DemoCallers.AUDITOR, DemoCallers.PROVINCE)) {
            for (String p : List.of(path, "/api/v1/stats/items?" + WEEKS, "/api/v1/stats/ranking?from=2026-04-27&to=2026-05-10",
                    "/api/v1/stats/charts/accepted.svg?" + WEEKS)) {
                assertThat(hub.as(reader).get(p).status()).as(reader + " " + p).isEqualTo(200);
            }
        }
    }

    private HttpResponse<byte[]> bytes(String path, String accept) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString("operator:demo-operator-pass".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> field(JsonNode rows, String name) {
        List<String> values = new java.util.ArrayList<>();
        rows.forEach(row -> values.add(row.get(name).asText()));
        return values;
    }

    private static JsonNode row(JsonNode rows, String period, String department) {
        for (JsonNode row : rows) {
            if (row.get("period").asText().equals(period) && row.get("department").asText().equals(department)) {
                return row;
            }
        }
        throw new AssertionError("no row " + period + " " + department + " in " + rows);
    }

    private static JsonNode rowOfItem(JsonNode rows, String period, String item) {
        for (JsonNode row : rows) {
            if (row.get("period").asText().equals(period) && row.get("itemCode").asText().equals(item)) {
                return row;
            }
        }
        throw new AssertionError("no row " + period + " " + item + " in " + rows);
    }

    private static void assertCounts(JsonNode row, Map<String, Integer> expected) {
        expected.forEach((figure, value) -> assertThat(row.get(figure).asLong()).as(row.get("period") + " " + figure).isEqualTo(value.longValue()));
    }

    private static void assertDecimals(JsonNode row, Map<String, String> expected) {
        expected.forEach((figure, value) -> {
            assertThat(row.get(figure).isNumber()).as(row.get("period") + " " + figure + " is a number: " + row.get(figure)).isTrue();
            assertThat(row.get(figure).decimalValue()).as(row.get("period") + " " + figure).isEqualByComparingTo(value);
        });
    }
}
