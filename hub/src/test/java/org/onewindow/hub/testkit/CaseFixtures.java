package org.onewindow.hub.testkit;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Cases put straight into the store, for tests of what a caller may read for a case (the e-licence verify endpoint
 * reads only for a case of the caller's, about one of its parties) without running a whole intake.
 */
public final class CaseFixtures {
    private CaseFixtures() {
    }

    /**
     * A case submitted by {@code submittedBy} for {@code applicantId}, whose materials name the other parties; made
     * once per database (a second call with the same case id changes nothing).
     */
    public static void ensureCase(JdbcClient jdbc, String caseId, String submittedBy, String applicantId, String... otherParties) {
        if (jdbc.sql("SELECT COUNT(*) FROM cases WHERE case_id = ?").param(caseId).query(Long.class).single() > 0) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO cases (case_id, item_code, status, applicant_kind, applicant_name, applicant_id, request_json,
                                           created_at, updated_at, submitted_by)
                        VALUES (?, 'RE-TRANSFER-REGISTRATION', 'COMPLETED', 'PERSON', 'fixture', ?, '{}', ?, ?, ?)""")
                .params(caseId, applicantId, now, now, submittedBy).update();
        int position = 0;
        for (String party : otherParties) {
            jdbc.sql("""
                            INSERT INTO case_materials (case_id, position, item_code, material_code, source, holder_id, status)
                            VALUES (?, ?, 'RE-TRANSFER-REGISTRATION', ?, 'licence', ?, 'EXEMPT')""")
                    .params(caseId, position, "fixture-" + position++, party).update();
        }
    }
}
