package org.onewindow.hub.materials;

import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.problems.QueryNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * GET /api/v1/stats/exemptions: the exemption ratio (免提交率) — materials the hub obtained itself ÷ materials
 * required — over every case resolved so far, per item, per bundle and per case (the latest cases first). A
 * material counts once per item that requires it, as the province's figures count it. {@code cases} is a whole
 * number from 0 to 200; anything else is a 400 naming it.
 */
@RestController
class ExemptionStatsController {

    private static final int MAX_CASES = 200;

    private final JdbcClient jdbc;

    ExemptionStatsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stats(ExemptionCount overall, List<ByCode> byItem, List<ByCode> byBundle, List<ByCase> byCase) {
    }

    record ByCode(String code, long cases, ExemptionCount exemption) {
    }

    record ByCase(String caseId, String serviceCode, ExemptionCount exemption) {
    }

    @GetMapping(path = "/api/v1/stats/exemptions", produces = "application/json")
    Stats exemptions(@RequestParam(defaultValue = "50") String cases) {
        List<Fault> faults = new java.util.ArrayList<>();
        int limit = QueryNumbers.whole("cases", cases, 0, MAX_CASES, faults);
        if (!faults.isEmpty()) {
            throw ProblemException.invalid(faults);
        }
        ExemptionCount overall = jdbc.sql("""
                        SELECT COUNT(CASE WHEN status = 'EXEMPT' THEN 1 END), COUNT(*) FROM case_materials""")
                .query((rs, n) -> ExemptionCount.of(rs.getLong(1), rs.getLong(2))).single();
        List<ByCode> byItem = jdbc.sql("""
                        SELECT item_code, COUNT(DISTINCT case_id), COUNT(CASE WHEN status = 'EXEMPT' THEN 1 END), COUNT(*)
                        FROM case_materials GROUP BY item_code ORDER BY item_code""")
                .query((rs, n) -> new ByCode(rs.getString(1), rs.getLong(2), ExemptionCount.of(rs.getLong(3), rs.getLong(4)))).list();
        List<ByCode> byBundle = jdbc.sql("""
                        SELECT c.bundle_code, COUNT(DISTINCT m.case_id), COUNT(CASE WHEN m.status = 'EXEMPT' THEN 1 END), COUNT(*)
                        FROM case_materials m JOIN cases c ON c.case_id = m.case_id
                        WHERE c.bundle_code IS NOT NULL GROUP BY c.bundle_code ORDER BY c.bundle_code""")
                .query((rs, n) -> new ByCode(rs.getString(1), rs.getLong(2), ExemptionCount.of(rs.getLong(3), rs.getLong(4)))).list();
        List<ByCase> byCase = jdbc.sql("""
                        SELECT c.case_id, COALESCE(c.bundle_code, c.item_code), COUNT(CASE WHEN m.status = 'EXEMPT' THEN 1 END), COUNT(*)
                        FROM case_materials m JOIN cases c ON c.case_id = m.case_id
                        GROUP BY c.case_id, c.bundle_code, c.item_code, c.created_at ORDER BY c.created_at DESC, c.case_id LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new ByCase(rs.getString(1), rs.getString(2), ExemptionCount.of(rs.getLong(3), rs.getLong(4)))).list();
        return new Stats(overall, byItem, byBundle, byCase);
    }
}
