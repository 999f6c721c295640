package org.onewindow.hub.province;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseRecord;
import org.onewindow.hub.cases.CaseStatus;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.testkit.Databases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's records as {@link CaseStore} writes them with the events, on H2 and PostgreSQL: numbered per case without a
 * gap and in the order each transaction gave them, however many writers add events to the same cases at once; the drain
 * sees only each case's lowest waiting record.
 */
class CaseReportFeedDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final int CASES = 5;
    private static final int WRITERS = 4;
    private static final int TRANSACTIONS_PER_WRITER = 25;

    @ParameterizedTest
    @EnumSource(Databases.class)
    void sequencesAreGapFreeAndInTransactionOrderUnderConcurrentWriters(Databases database) throws Exception {
        DataSource dataSource = database.fresh();
        CaseReportStore reports = new CaseReportStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource));
        CaseStore store = new CaseStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource), new ObjectMapper(),
                java.util.List.of(new CaseReportWriter(reports, new ObjectMapper(), "Asia/Shanghai")));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        for (int c = 0; c < CASES; c++) {
            store.insertCase(caseRecord(caseId(c)));
        }
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
                    String caseId = caseId((writer + t) % CASES);
                    String unit = "w" + writer + "t" + t;
                    // three reported events and one that is not, in one transaction, as a task outcome writes them
                    transaction.executeWithoutResult(tx -> store.addEvents(List.of(
                            new CaseStore.NewEvent(caseId, null, CaseEventType.TASK_COMPLETED, unit + "-0", NOW),
                            new CaseStore.NewEvent(caseId, null, CaseEventType.TASK_QUEUED, unit + "-x", NOW),
                            new CaseStore.NewEvent(caseId, null, CaseEventType.TASK_SENT, unit + "-1", NOW),
                            new CaseStore.NewEvent(caseId, null, CaseEventType.APPLICANT_WAIT_STARTED, unit + "-2", NOW))));
                    // and one alone, as most units write them
                    transaction.executeWithoutResult(tx -> store.addEvent(caseId, null, CaseEventType.TASK_ACKNOWLEDGED, unit + "-3", NOW));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        writers.shutdown();

        long total = 0;
        for (int c = 0; c < CASES; c++) {
            List<CaseReportStore.Stored> records = reports.records(caseId(c));
            total += records.size();
            assertThat(records).extracting(CaseReportStore.Stored::sequence).as("case " + c)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, records.size()).boxed().toList());
            assertThat(records).allSatisfy(r -> assertThat(r.pending()).isTrue());
            // each transaction's three records are consecutive and in the order it gave them
            Map<String, List<CaseReportStore.Stored>> byUnit = records.stream()
                    .collect(Collectors.groupingBy(r -> opinion(r).split("-")[0]));
            byUnit.forEach((unit, ofUnit) -> {
                List<CaseReportStore.Stored> batch = ofUnit.stream().filter(r -> !opinion(r).endsWith("-3")).toList();
                assertThat(batch).extracting(CaseFeedText::suffix).containsExactly("0", "1", "2");
                assertThat(batch.get(2).sequence() - batch.get(0).sequence()).as(unit).isEqualTo(2);
            });
        }
        assertThat(total).isEqualTo((long) WRITERS * TRANSACTIONS_PER_WRITER * 4);
        assertThat(reports.recordsOfDay(LocalDate.of(2026, 11, 23))).hasSize((int) total);
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void theDrainSeesOnlyEachCasesLowestWaitingRecordAndALeaseKeepsOthersOff(Databases database) {
        DataSource dataSource = database.fresh();
        CaseReportStore reports = new CaseReportStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource));
        CaseStore store = new CaseStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource), new ObjectMapper(),
                java.util.List.of(new CaseReportWriter(reports, new ObjectMapper(), "Asia/Shanghai")));
        store.insertCase(caseRecord(caseId(0)));
        store.insertCase(caseRecord(caseId(1)));
        store.addEvent(caseId(0), null, CaseEventType.CASE_ACCEPTED, "accepted", NOW);
        store.addEvent(caseId(0), null, CaseEventType.CASE_COMPLETED, "done", NOW.plusSeconds(1));
        store.addEvent(caseId(1), null, CaseEventType.CASE_ACCEPTED, "accepted", NOW.plusSeconds(2));

        List<CaseReportStore.Outgoing> heads = reports.heads(NOW.plusSeconds(10), 10);
        assertThat(heads).extracting(CaseReportStore.Outgoing::key)
                .containsExactly(new CaseReportStore.Key(caseId(0), 1), new CaseReportStore.Key(caseId(1), 1));
        assertThat(heads.get(0).applicantName()).isEqualTo("张三");
        assertThat(heads.get(0).serviceCode()).isEqualTo("SI-PERSON-ENROLMENT");

        assertThat(reports.claim(heads, "hub-a", NOW.plusSeconds(10), NOW.plusSeconds(40))).hasSize(2);
        assertThat(reports.claim(heads, "hub-b", NOW.plusSeconds(11), NOW.plusSeconds(41))).as("leased by hub-a").isEmpty();
        assertThat(reports.heads(NOW.plusSeconds(11), 10)).as("nothing while leased; n+1 waits for n").isEmpty();

        reports.acknowledge(List.of(new CaseReportStore.Key(caseId(0), 1)), NOW.plusSeconds(12));
        assertThat(reports.heads(NOW.plusSeconds(12), 10)).extracting(CaseReportStore.Outgoing::key)
                .containsExactly(new CaseReportStore.Key(caseId(0), 2));
        // hub-a crashed: its lease on case 1's record runs out and another sender takes it
        assertThat(reports.heads(NOW.plusSeconds(41), 10)).extracting(CaseReportStore.Outgoing::key)
                .containsExactly(new CaseReportStore.Key(caseId(0), 2), new CaseReportStore.Key(caseId(1), 1));
        assertThat(reports.lastAcknowledged(caseId(0))).isEqualTo(1);
        assertThat(reports.reopen(caseId(0), 1, 1, "the province lacks it")).isEqualTo(1);
        assertThat(reports.heads(NOW.plusSeconds(41), 10)).extracting(CaseReportStore.Outgoing::key)
                .containsExactly(new CaseReportStore.Key(caseId(0), 1), new CaseReportStore.Key(caseId(1), 1));
        assertThat(reports.countsOfDay(LocalDate.of(2026, 11, 23)))
                .containsEntry("SI-PERSON-ENROLMENT/ACCEPT", 2L).containsEntry("SI-PERSON-ENROLMENT/RESULT", 1L);
    }

    private static String opinion(CaseReportStore.Stored record) {
        return CaseFeedText.opinion(record.body());
    }

    /** Reads the opinion back out of a stored body. */
    private static final class CaseFeedText {
        static String opinion(String body) {
            try {
                return new ObjectMapper().readTree(body).get("opinion").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static String suffix(CaseReportStore.Stored record) {
            String opinion = opinion(record.body());
            return opinion.substring(opinion.lastIndexOf('-') + 1);
        }
    }

    private static String caseId(int c) {
        return "OW20261123-FEED00000" + c;
    }

    private static CaseRecord caseRecord(String caseId) {
        return new CaseRecord(caseId, "SI-PERSON-ENROLMENT", null, CaseStatus.ACCEPTED, null, "PERSON", "张三",
                "11010519491231002X", "{}", LocalDate.of(2026, 11, 25), NOW, NOW, "hall-xuanwu");
    }
}
