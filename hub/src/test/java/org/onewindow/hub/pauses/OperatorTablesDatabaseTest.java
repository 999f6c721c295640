package org.onewindow.hub.pauses;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.hub.operatoractions.OperatorAction;
import org.onewindow.hub.operatoractions.OperatorActionStore;
import org.onewindow.hub.testkit.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator tables of Flyway V12 (audit of operator actions, department pauses) on H2 and PostgreSQL. */
class OperatorTablesDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00.123456Z");

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aDepartmentIsPausedOnceAndTheFirstPauseStands(Databases database) {
        PauseStore store = new PauseStore(JdbcClient.create(database.fresh()));
        assertThat(store.insert(new DepartmentPause("tax", "operator-a", NOW, "维护窗口"))).isTrue();
        assertThat(store.insert(new DepartmentPause("tax", "operator-b", NOW.plusSeconds(5), "another"))).isFalse();
        assertThat(store.insert(new DepartmentPause("police", "operator-b", NOW, "upgrade"))).isTrue();

        assertThat(store.all()).containsOnlyKeys("police", "tax");
        assertThat(store.find("tax")).hasValue(new DepartmentPause("tax", "operator-a", NOW.truncatedTo(ChronoUnit.MICROS), "维护窗口"));
        assertThat(store.delete("tax")).isTrue();
        assertThat(store.delete("tax")).isFalse();
        assertThat(store.find("tax")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void actionsAreKeptWithWhoWhatWhyAndOutcomeNewestFirst(Databases database) {
        DataSource dataSource = database.fresh();
        OperatorActionStore audit = new OperatorActionStore(JdbcClient.create(dataSource));
        audit.add(new OperatorAction(0, NOW, "operator-a", OperatorAction.Kind.PAUSE, "tax", null, null, "维护窗口",
                OperatorAction.Outcome.DONE, "paused"));
        audit.add(new OperatorAction(0, NOW.plusSeconds(1), "operator-b", OperatorAction.Kind.DISCARD, "tax", "OW1-01", "OW1",
                "x".repeat(600), OperatorAction.Outcome.REFUSED, "y".repeat(3000)));

        assertThat(audit.recent(10)).extracting(OperatorAction::action).containsExactly(OperatorAction.Kind.DISCARD, OperatorAction.Kind.PAUSE);
        OperatorAction refused = audit.ofTask("OW1-01").get(0);
        assertThat(refused.operator()).isEqualTo("operator-b");
        assertThat(refused.caseId()).isEqualTo("OW1");
        assertThat(refused.outcome()).isEqualTo(OperatorAction.Outcome.REFUSED);
        assertThat(refused.reason()).hasSize(500).endsWith("…");
        assertThat(refused.detail()).hasSize(2000);
        assertThat(refused.actedAt()).isEqualTo(NOW.plusSeconds(1).truncatedTo(ChronoUnit.MICROS));
        assertThat(audit.ofDepartment("tax", 1)).singleElement().extracting(OperatorAction::action).isEqualTo(OperatorAction.Kind.DISCARD);
        assertThat(audit.recent(1)).hasSize(1);
    }
}
