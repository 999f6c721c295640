package org.onewindow.hub.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;

/**
 * A fixed set of cases around Labour Day 2026 (劳动节: Friday 1 to Tuesday 5 May are days off, Saturday 9 May is a
 * 调休 working day), put straight into the store: ISO weeks 18 (Mon 27 April – Sun 3 May) and 19 (Mon 4 – Sun 10 May),
 * which no other test uses. Times are Beijing time; office hours 09:00-12:00 and 13:30-17:30, 420 working minutes a
 * day. Every deadline below is worked out by hand (the day of acceptance does not count) and checked against the
 * calendar by the test.
 *
 * <pre>
 * case  item(s)                          dept  accepted          deadline (hand)          finished            class    handling (working min)
 * C1    RE-TRANSFER-REGISTRATION (3 d)   RE    Wed 29 Apr 10:00  Thu 7 May 17:30          Wed 6 May 15:00     early    360+420+270 = 1050
 * C2    RE-TRANSFER-REGISTRATION         RE    Thu 30 Apr 11:00  Fri 8 May 17:30          Fri 8 May 16:00     on time  300+420+420+330 = 1470
 * C3    RE-TRANSFER-REGISTRATION         RE    Wed 6 May 09:30   Sat 9 May 17:30 (调休),   Sat 9 May 17:00     early    390+420+420+390 = 1620
 *                                                                + 420 min clock stop                                  − 420 stopped = 1200
 *                                                                = Mon 11 May 17:30
 * C4    bundle TRANSFER-SECOND-HAND-FLAT
 *       TAX-DEED-TAX (0 d)               TAX   Tue 28 Apr 14:00  Tue 28 Apr 17:30         Wed 29 Apr 09:30    overdue  210+30 = 240
 *       RE-TRANSFER-REGISTRATION         RE    Tue 28 Apr 14:00  Wed 6 May 17:30          Thu 7 May 10:00     overdue  210+420+420+420+60 = 1530
 * C5    SI-PERSON-ENROLMENT (1 d)        SI    Mon 27 Apr 09:00  Tue 28 Apr 17:30         Mon 27 Apr 11:00    early    120
 * C6    RE-TRANSFER-REGISTRATION         RE    Thu 7 May 10:00   Mon 11 May 17:30         Mon 11 May 10:00    (after the range)
 * C7    SI-PERSON-ENROLMENT              SI    Thu 30 Apr 09:30  Fri 1 May … (rejected Thu 30 Apr 10:00)
 * C8    RE-TRANSFER-REGISTRATION         RE    Fri 24 Apr 16:00  Wed 29 Apr 17:30         Tue 28 Apr 10:00    early    90+420+60 = 570
 *       (accepted before the range, finished in it)
 *
 * cards: C4 tax RED Tue 28 Apr 17:31; C4 RE YELLOW Wed 6 May 14:00, RED Wed 6 May 17:31; C6 YELLOW Sat 9 May 15:00 (each
 * cleared when its task finished, and no task is left open, so that the hub's supervision review, running on today's
 * clock in the shared test hub, has nothing to do with them)
 * materials (exempt/all): C1 RE 3/4, C2 RE 2/4, C3 RE 3/4, C4 TAX 2/4 + RE 2/4, C5 SI 2/3, C7 SI 1/3, C8 RE 4/4 (before the range)
 * evaluations: E1 C1 level 5 Thu 7 May 10:00; E2 C2 level 5 DEFAULT Sun 10 May 12:00; E3 C4 level 1 Fri 8 May 09:00
 *   (tickets: RE answered Fri 8 May 15:00, due Mon 11 May 17:30 = in time; TAX open, due Mon 11 May 17:30);
 *   E4 C5 level 2 Tue 28 Apr 10:00 (ticket SI answered Thu 7 May 10:00, due Wed 6 May 17:30 = late);
 *   E5 C8 level 4 Wed 29 Apr 09:00; E6 C3 level 3 Mon 11 May 10:00 (after the range)
 * </pre>
 */
final class StatisticsFixture {

    static final String RE = "real-estate";
    static final String TAX = "tax";
    static final String SI = "social-insurance";
    static final String TRANSFER = "RE-TRANSFER-REGISTRATION";
    static final String DEED_TAX = "TAX-DEED-TAX";
    static final String ENROLMENT = "SI-PERSON-ENROLMENT";

    private StatisticsFixture() {
    }

    static OffsetDateTime bj(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + ":00+08:00");
    }

    /** Puts the fixture in once per database. */
    static synchronized void ensure(JdbcClient jdbc) {
        if (jdbc.sql("SELECT COUNT(*) FROM cases WHERE case_id = 'ST20260429-C1'").query(Long.class).single() > 0) {
            return;
        }
        aCase(jdbc, "C1", TRANSFER, null, "2026-04-29T10:00", "COMPLETED");
        task(jdbc, "C1", 1, TRANSFER, RE, "COMPLETED", "2026-04-29T10:00", "2026-05-06T15:00", 3, "2026-05-07T17:30", 0);
        materials(jdbc, "C1", TRANSFER, 3, 4);

        aCase(jdbc, "C2", TRANSFER, null, "2026-04-30T11:00", "COMPLETED");
        task(jdbc, "C2", 1, TRANSFER, RE, "COMPLETED", "2026-04-30T11:00", "2026-05-08T16:00", 3, "2026-05-08T17:30", 0);
        materials(jdbc, "C2", TRANSFER, 2, 4);

        aCase(jdbc, "C3", TRANSFER, null, "2026-05-06T09:30", "COMPLETED");
        task(jdbc, "C3", 1, TRANSFER, RE, "COMPLETED", "2026-05-06T09:30", "2026-05-09T17:00", 3, "2026-05-11T17:30", 420);
        materials(jdbc, "C3", TRANSFER, 3, 4);

        aCase(jdbc, "C4", null, "TRANSFER-SECOND-HAND-FLAT", "2026-04-28T14:00", "COMPLETED");
        task(jdbc, "C4", 1, DEED_TAX, TAX, "COMPLETED", "2026-04-28T14:00", "2026-04-29T09:30", 0, "2026-04-28T17:30", 0);
        task(jdbc, "C4", 2, TRANSFER, RE, "COMPLETED", "2026-04-28T14:00", "2026-05-07T10:00", 3, "2026-05-06T17:30", 0);
        materials(jdbc, "C4", DEED_TAX, 2, 4);
        materials(jdbc, "C4", TRANSFER, 2, 4);

        aCase(jdbc, "C5", ENROLMENT, null, "2026-04-27T09:00", "COMPLETED");
        task(jdbc, "C5", 1, ENROLMENT, SI, "COMPLETED", "2026-04-27T09:00", "2026-04-27T11:00", 1, "2026-04-28T17:30", 0);
        materials(jdbc, "C5", ENROLMENT, 2, 3);

        aCase(jdbc, "C6", TRANSFER, null, "2026-05-07T10:00", "COMPLETED");
        task(jdbc, "C6", 1, TRANSFER, RE, "COMPLETED", "2026-05-07T10:00", "2026-05-11T10:00", 3, "2026-05-11T17:30", 0);

        aCase(jdbc, "C7", ENROLMENT, null, "2026-04-30T09:30", "REJECTED");
        task(jdbc, "C7", 1, ENROLMENT, SI, "REJECTED", "2026-04-30T09:30", "2026-04-30T10:00", 1, "2026-05-06T17:30", 0);
        materials(jdbc, "C7", ENROLMENT, 1, 3);

        aCase(jdbc, "C8", TRANSFER, null, "2026-04-24T16:00", "COMPLETED");
        task(jdbc, "C8", 1, TRANSFER, RE, "COMPLETED", "2026-04-24T16:00", "2026-04-28T10:00", 3, "2026-04-29T17:30", 0);
        materials(jdbc, "C8", TRANSFER, 4, 4);

        card(jdbc, "C4", 1, TAX, DEED_TAX, "RED", "2026-04-28T17:30", "2026-04-28T17:31", "2026-04-29T09:30");
        card(jdbc, "C4", 2, RE, TRANSFER, "YELLOW", "2026-05-06T17:30", "2026-05-06T14:00", "2026-05-06T17:31");
        card(jdbc, "C4", 2, RE, TRANSFER, "RED", "2026-05-06T17:30", "2026-05-06T17:31", "2026-05-07T10:00");
        card(jdbc, "C6", 1, RE, TRANSFER, "YELLOW", "2026-05-11T17:30", "2026-05-09T15:00", "2026-05-11T10:00");

        evaluation(jdbc, "C1", 5, false, "2026-05-07T10:00");
        evaluation(jdbc, "C2", 5, true, "2026-05-10T12:00");
        long e3 = evaluation(jdbc, "C4", 1, false, "2026-05-08T09:00");
        ticket(jdbc, e3, "C4", RE, "ANSWERED", "2026-05-08T09:00", "2026-05-11T17:30", "2026-05-08T15:00");
        ticket(jdbc, e3, "C4", TAX, "OPEN", "2026-05-08T09:00", "2026-05-11T17:30", null);
        long e4 = evaluation(jdbc, "C5", 2, false, "2026-04-28T10:00");
        ticket(jdbc, e4, "C5", SI, "ANSWERED", "2026-04-28T10:00", "2026-05-06T17:30", "2026-05-07T10:00");
        evaluation(jdbc, "C8", 4, false, "2026-04-29T09:00");
        evaluation(jdbc, "C3", 3, false, "2026-05-11T10:00");
    }

    static String caseId(String name) {
        return "ST20260429-" + name;
    }

    private static void aCase(JdbcClient jdbc, String name, String item, String bundle, String accepted, String status) {
        jdbc.sql("""
                        INSERT INTO cases (case_id, item_code, bundle_code, status, applicant_kind, applicant_name, applicant_id,
                                           request_json, created_at, updated_at, submitted_by)
                        VALUES (?, ?, ?, ?, 'PERSON', 'fixture', '11010519491231002X', '{}', ?, ?, 'hall-xuanwu')""")
                .params(caseId(name), item, bundle, status, bj(accepted), bj(accepted)).update();
        jdbc.sql("INSERT INTO case_events (case_id, event_type, detail, occurred_at) VALUES (?, 'CASE_ACCEPTED', 'fixture', ?)")
                .params(caseId(name), bj(accepted)).update();
    }

    private static void task(JdbcClient jdbc, String name, int n, String item, String department, String status, String created,
                             String updated, int promised, String deadline, long stopped) {
        jdbc.sql("""
                        INSERT INTO case_tasks (task_id, case_id, step_id, item_code, department, depends_on, status, created_at,
                                                updated_at, promised_working_days, deadline_at, stopped_minutes)
                        VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)""")
                .params(caseId(name) + "-0" + n, caseId(name), "step-" + n, item, department, status, bj(created), bj(updated),
                        promised, bj(deadline), stopped).update();
    }

    private static void materials(JdbcClient jdbc, String name, String item, int exempt, int all) {
        int base = jdbc.sql("SELECT COUNT(*) FROM case_materials WHERE case_id = ?").param(caseId(name)).query(Integer.class).single();
        String[] others = {"REQUIRED", "DEFERRED", "UNAVAILABLE"};
        for (int i = 0; i < all; i++) {
            jdbc.sql("""
                            INSERT INTO case_materials (case_id, position, item_code, material_code, source, status)
                            VALUES (?, ?, ?, ?, 'licence', ?)""")
                    .params(caseId(name), base + i, item, "material-" + i, i < exempt ? "EXEMPT" : others[i % others.length]).update();
        }
    }

    private static void card(JdbcClient jdbc, String name, int n, String department, String item, String colour, String deadline,
                             String issued, String cleared) {
        jdbc.sql("""
                        INSERT INTO supervision_cards (task_id, case_id, department, item_code, colour, deadline_at, minutes_left, issued_at,
                                                       cleared_at, cleared_because)
                        VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, 'fixture')""")
                .params(caseId(name) + "-0" + n, caseId(name), department, item, colour, bj(deadline), bj(issued), bj(cleared)).update();
    }

    private static long evaluation(JdbcClient jdbc, String name, int level, boolean byDefault, String at) {
        jdbc.sql("""
                        INSERT INTO evaluations (case_id, applicant_id, level, channel, given_by, default_rating, evaluated_at)
                        VALUES (?, '11010519491231002X', ?, ?, 'fixture', ?, ?)""")
                .params(caseId(name), level, byDefault ? "DEFAULT" : "WINDOW_TABLET", byDefault, bj(at)).update();
        return jdbc.sql("SELECT evaluation_id FROM evaluations WHERE case_id = ?").param(caseId(name)).query(Long.class).single();
    }

    private static void ticket(JdbcClient jdbc, long evaluation, String name, String department, String status, String opened,
                               String due, String answered) {
        // an open ticket was escalated the morning after its due time (so that the hub's escalation round, on today's
        // clock, has nothing left to do with it)
        jdbc.sql("""
                        INSERT INTO rectification_tickets (evaluation_id, case_id, department, status, opened_at, due_at, answered_at, outcome,
                                                           escalated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(evaluation, caseId(name), department, status, bj(opened), bj(due), answered == null ? null : bj(answered),
                        answered == null ? null : "RECTIFIED", answered == null ? bj(due).plusHours(16) : null).update();
    }
}
