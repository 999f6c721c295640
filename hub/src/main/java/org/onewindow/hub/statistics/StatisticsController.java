package org.onewindow.hub.statistics;

import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /api/v1/stats/departments, /items, /ranking and /charts/{figure}.svg: the statistics (统计) of cases, counted
 * from the stored facts per day, week, 旬 or month and per department or item (README "Statistics (统计)" defines each
 * figure). JSON by default; CSV (UTF-8 with BOM, CRLF) with {@code Accept: text/csv} or {@code ?format=csv}.
 */
@RestController
class StatisticsController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    static final MediaType SVG = new MediaType("image", "svg+xml", java.nio.charset.StandardCharsets.UTF_8);

    private final Figures figures;
    private final Ranking ranking;
    private final ServiceCatalogue catalogue;

    StatisticsController(Figures figures, Ranking ranking, ServiceCatalogue catalogue) {
        this.figures = figures;
        this.ranking = ranking;
        this.catalogue = catalogue;
    }

    record StatsTable(String period, LocalDate from, LocalDate to, String by, List<StatsRow> rows) {
    }

    record RankingTable(LocalDate from, LocalDate to, String order, List<Ranking.RankingRow> rows) {
    }

    static final String ORDER = "onTimeRate desc, satisfactionRate desc, redCards asc (no figure: last); equal in all three: same rank, listed by department code";

    @GetMapping("/api/v1/stats/departments")
    ResponseEntity<?> departments(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to, @RequestParam(required = false) String department,
                                  @RequestParam(required = false) String format,
                                  @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        StatsQuery query = parse(period, from, to, department, null, format, accept);
        List<StatsRow> rows = figures.rows(query.periods(), Grouping.DEPARTMENT, query.department());
        return answer(query, "departments", new StatsTable(query.period().key(), query.from(), query.to(), "department", rows), rows, false);
    }

    @GetMapping("/api/v1/stats/items")
    ResponseEntity<?> items(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to, @RequestParam(required = false) String department,
                            @RequestParam(required = false) String item, @RequestParam(required = false) String format,
                            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        StatsQuery query = parse(period, from, to, department, item, format, accept);
        List<StatsRow> rows = figures.rows(query.periods(), Grouping.ITEM, query.item()).stream()
                .filter(row -> query.department() == null || query.department().equals(row.department())).toList();
        return answer(query, "items", new StatsTable(query.period().key(), query.from(), query.to(), "item", rows), rows, true);
    }

    @GetMapping("/api/v1/stats/ranking")
    ResponseEntity<?> ranking(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String format,
                              @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        StatsQuery query = parse(null, from, to, null, null, format, accept);
        List<Ranking.RankingRow> rows = ranking.rank(query.from(), query.to());
        if (!query.csv()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new RankingTable(query.from(), query.to(), ORDER, rows));
        }
        CsvWriter csv = new CsvWriter();
        List<Object> heading = new ArrayList<>(List.of("名次 rank", "起 from", "止 to", "部门 department", "部门名称 departmentName"));
        for (Figure f : Figure.values()) {
            heading.add(f.heading());
        }
        csv.row(heading);
        for (Ranking.RankingRow row : rows) {
            List<Object> fields = new ArrayList<>(List.of(row.rank(), query.from(), query.to(), row.department(), nullToEmpty(row.departmentName())));
            for (Figure f : Figure.values()) {
                fields.add(f.shown(row.figures()));
            }
            csv.row(fields);
        }
        return csv(csv, "ranking-" + query.from() + "-" + query.to());
    }

    @GetMapping("/api/v1/stats/charts/{figure}.svg")
    ResponseEntity<String> chart(@PathVariable String figure, @RequestParam(required = false) String period,
                                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String department, @RequestParam(required = false) String item,
                                 @RequestParam(required = false) String by) {
        StatsQuery.Parser parser = new StatsQuery.Parser(catalogue);
        Figure chosen = Figure.of(figure).orElseGet(() -> {
            parser.faults().add(new Fault("figure", "unknown", "must be one of " + java.util.Arrays.stream(Figure.values())
                    .map(Figure::key).toList() + ", not \"" + figure + "\""));
            return null;
        });
        Grouping grouping = Grouping.DEPARTMENT;
        if ("item".equalsIgnoreCase(by) || (by == null && item != null)) {
            grouping = Grouping.ITEM;
        } else if (by != null && !"department".equalsIgnoreCase(by)) {
            parser.faults().add(new Fault("by", "unknown", "must be department or item, not \"" + by + "\""));
        }
        StatsQuery query = query(parser, period, from, to, department, item, null, null);
        List<StatsRow> rows = figures.rows(query.periods(), grouping, grouping == Grouping.ITEM ? query.item() : query.department());
        if (grouping == Grouping.ITEM && query.department() != null) {
            rows = rows.stream().filter(row -> query.department().equals(row.department())).toList();
        }
        Periods periods = query.periods();
        Map<String, SvgChart.Series> series = new LinkedHashMap<>();
        for (StatsRow row : rows) {
            String code = grouping == Grouping.ITEM ? row.itemCode() : row.department();
            String name = grouping == Grouping.ITEM ? row.itemName() : row.departmentName();
            series.computeIfAbsent(code, c -> new SvgChart.Series(c, name == null ? c : name + " " + c, new ArrayList<>()))
                    .values().add(chosen.shown(row));
        }
        String unit = chosen.kind() == Figure.Kind.RATIO ? " (%)" : "";
        String title = chosen.zh() + " " + chosen.en() + unit;
        String subtitle = "按" + query.period().zh() + " per " + query.period().key() + ", " + query.from() + " – " + query.to()
                + (grouping == Grouping.ITEM ? ", 按事项 per item" : ", 按部门 per department");
        String svg = SvgChart.render(title, subtitle, chosen.zh() + unit + " " + chosen.en(),
                periods.slots().stream().map(Periods.Slot::label).toList(), List.copyOf(series.values()));
        return ResponseEntity.ok().contentType(SVG).header("X-Content-Type-Options", "nosniff").body(svg);
    }

    private StatsQuery parse(String period, String from, String to, String department, String item, String format, String accept) {
        return query(new StatsQuery.Parser(catalogue), period, from, to, department, item, format, accept);
    }

    private static StatsQuery query(StatsQuery.Parser parser, String period, String from, String to, String department, String item,
                                    String format, String accept) {
        Period p = parser.period(period);
        LocalDate a = parser.date("from", from);
        LocalDate b = parser.date("to", to);
        parser.range(a, b);
        String d = parser.department(department);
        String i = parser.item(item);
        boolean csv = parser.csv(format, accept);
        if (!parser.faults().isEmpty()) {
            throw ProblemException.invalid(parser.faults());
        }
        return new StatsQuery(p, a, b, d, i, csv);
    }

    private ResponseEntity<?> answer(StatsQuery query, String what, StatsTable table, List<StatsRow> rows, boolean items) {
        if (!query.csv()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table);
        }
        CsvWriter csv = new CsvWriter();
        List<Object> heading = new ArrayList<>(List.of("时段 period", "起 from", "止 to", "部门 department", "部门名称 departmentName"));
        if (items) {
            heading.addAll(List.of("事项 itemCode", "事项名称 itemName"));
        }
        for (Figure f : Figure.values()) {
            heading.add(f.heading());
        }
        csv.row(heading);
        for (StatsRow row : rows) {
            List<Object> fields = new ArrayList<>(List.of(row.period(), row.from(), row.to(), nullToEmpty(row.department()),
                    nullToEmpty(row.departmentName())));
            if (items) {
                fields.addAll(List.of(row.itemCode(), nullToEmpty(row.itemName())));
            }
            for (Figure f : Figure.values()) {
                fields.add(f.shown(row));
            }
            csv.row(fields);
        }
        return csv(csv, what + "-" + query.period().key() + "-" + query.from() + "-" + query.to());
    }

    private static ResponseEntity<byte[]> csv(CsvWriter csv, String name) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"onewindow-stats-" + name + ".csv\"")
                .body(csv.bytes());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
