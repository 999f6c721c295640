package org.onewindow.hub.materials;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;

/** The stored material resolution of each case. Callers hold the transaction. */
@Repository
public class CaseMaterials {

    private final JdbcClient jdbc;

    CaseMaterials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(String caseId, MaterialResolution resolution) {
        jdbc.sql("DELETE FROM case_materials WHERE case_id = ?").param(caseId).update();
        int position = 0;
        for (ResolvedMaterial m : resolution.materials()) {
            jdbc.sql("""
                            INSERT INTO case_materials (case_id, position, step_id, item_code, material_code, source, holder_id, status,
                                evidence, reference, verified_at, deferred_until, reason, document_ref)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, position++, m.stepId(), m.itemCode(), m.materialCode(), m.source().code(), m.holderId(),
                            m.status().name(), clip(m.evidence()), m.reference(),
                            m.verifiedAt() == null ? null : m.verifiedAt().atOffset(ZoneOffset.UTC), m.deferredUntil(),
                            clip(m.reason()), m.documentRef())
                    .update();
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}
