package org.onewindow.hub.materials;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The stored material resolution of each case. Callers hold the transaction. */
@Repository
public class CaseMaterials {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CaseMaterials(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** One DELETE and one JDBC batch for all the case's materials (a restaurant bundle has eleven). */
    public void replace(String caseId, MaterialResolution resolution) {
        jdbc.sql("DELETE FROM case_materials WHERE case_id = ?").param(caseId).update();
        List<Object[]> rows = new ArrayList<>();
        int position = 0;
        for (ResolvedMaterial m : resolution.materials()) {
            rows.add(new Object[]{caseId, position++, m.stepId(), m.itemCode(), m.materialCode(), m.source().code(), m.holderId(),
                    m.status().name(), clip(m.evidence()), m.reference(),
                    m.verifiedAt() == null ? null : m.verifiedAt().atOffset(ZoneOffset.UTC), m.deferredUntil(),
                    clip(m.reason()), m.documentRef()});
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO case_materials (case_id, position, step_id, item_code, material_code, source, holder_id, status,
                        evidence, reference, verified_at, deferred_until, reason, document_ref)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}
