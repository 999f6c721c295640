package org.onewindow.hub.access;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.persistence.GroupCommits;
import org.onewindow.hub.testkit.Databases;
import org.onewindow.hub.testkit.MutableClock;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onewindow.hub.testkit.DemoApplicants.LI_SI;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;

/** The access log's rows on H2 and PostgreSQL: granted reads, refused reads that outlive their caller, one holder's pages. */
class AccessLogDatabaseTest {

    private static final String PURPOSE = "Tax registration of a newly established company (企业开办)";

    @ParameterizedTest
    @EnumSource(Databases.class)
    void recordsAGrantedReadWithTheFullHolderId(Databases database) {
        Fixture f = new Fixture(database.fresh());
        f.accessLog.record(new DataRead("tax", ZHANG_SAN, DataKind.SHARED_DATA, "company-registration from market-regulation",
                PURPOSE, "OW20261201-AAAAAAAAAA"));

        assertThat(f.rows()).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("caller", "tax").containsEntry("holder_id", ZHANG_SAN)
                    .containsEntry("data_kind", "SHARED_DATA").containsEntry("what", "company-registration from market-regulation")
                    .containsEntry("purpose", PURPOSE).containsEntry("case_id", "OW20261201-AAAAAAAAAA")
                    .containsEntry("outcome", "GRANTED").containsEntry("refusal_reason", null);
            assertThat(row.get("read_at")).isNotNull();
        });
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void refusesAReadWithoutPurposeAndKeepsTheRefusalAlthoughTheCallerFails(Databases database) {
        Fixture f = new Fixture(database.fresh());
        DataRead withoutPurpose = new DataRead("police", ZHANG_SAN, DataKind.LICENCE, "resident-id-card " + ZHANG_SAN, " ", null);

        assertThatThrownBy(() -> f.transaction.executeWithoutResult(tx -> {
            // the caller's work in the same transaction: a read it recorded before, which must go with it
            f.accessLog.record(new DataRead("police", ZHANG_SAN, DataKind.LICENCE, "household-register", PURPOSE, "OW20261201-BBBBBBBBBB"));
            f.accessLog.record(withoutPurpose);
        })).isInstanceOfSatisfying(PurposeRequiredException.class, refused -> {
            assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.type()).isEqualTo("purpose-required");
            assertThat(refused.faults()).extracting(Fault::field).containsExactly("purpose", "caseId");
        });

        assertThat(f.rows()).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("outcome", "REFUSED").containsEntry("caller", "police").containsEntry("holder_id", ZHANG_SAN)
                    .containsEntry("case_id", null);
            assertThat((String) row.get("refusal_reason")).contains("purpose").contains("caseId");
        });
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aReadWithPurposeButNoCaseIsRefusedToo(Databases database) {
        Fixture f = new Fixture(database.fresh());
        assertThatThrownBy(() -> f.accessLog.record(new DataRead("tax", ZHANG_SAN, DataKind.SHARED_DATA, "si-payment-record", PURPOSE, "")))
                .isInstanceOfSatisfying(PurposeRequiredException.class,
                        refused -> assertThat(refused.faults()).extracting(Fault::field).containsExactly("caseId"));
        assertThat(f.rows()).extracting(row -> row.get("outcome"), row -> row.get("purpose"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REFUSED", PURPOSE));
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aHolderReadsOnlyTheirOwnRowsNewestFirstPageByPage(Databases database) {
        Fixture f = new Fixture(database.fresh());
        for (int i = 1; i <= 5; i++) {
            f.accessLog.record(new DataRead("tax", ZHANG_SAN, DataKind.SHARED_DATA, "read " + i, PURPOSE, "OW-" + i));
            f.accessLog.record(new DataRead("tax", LI_SI, DataKind.SHARED_DATA, "read of Li Si " + i, PURPOSE, "OW-L" + i));
            f.clock.advance(Duration.ofSeconds(1));
        }

        assertThat(f.store.countOfHolder(ZHANG_SAN)).isEqualTo(5);
        assertThat(f.store.ofHolder(ZHANG_SAN, 0, 2)).extracting(AccessLogStore.LoggedRead::what).containsExactly("read 5", "read 4");
        assertThat(f.store.ofHolder(ZHANG_SAN, 2, 2)).extracting(AccessLogStore.LoggedRead::what).containsExactly("read 1");
        assertThat(f.store.ofHolder(ZHANG_SAN, 3, 2)).isEmpty();
        assertThat(f.store.ofHolder(ZHANG_SAN, 0, 100)).extracting(AccessLogStore.LoggedRead::readAt)
                .first().isEqualTo(Instant.parse("2026-12-01T02:00:04Z"));
    }

    private static final class Fixture {
        final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
        final JdbcClient jdbc;
        final AccessLogStore store;
        final AccessLog accessLog;
        final TransactionTemplate transaction;

        Fixture(DataSource dataSource) {
            jdbc = JdbcClient.create(dataSource);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
            store = new AccessLogStore(jdbc);
            accessLog = new AccessLog(store, transactions, clock, GroupCommits.unstarted(dataSource));
            transaction = new TransactionTemplate(transactions);
        }

        List<Map<String, Object>> rows() {
            return jdbc.sql("SELECT * FROM data_access_log ORDER BY id").query().listOfRows();
        }
    }
}
