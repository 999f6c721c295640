package org.onewindow.hub.persistence;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.hub.testkit.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group commit on H2 and PostgreSQL: many callers' units in fewer commits, each answered only after its commit. */
class GroupCommitDatabaseTest {

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aBurstOfUnitsIsCommittedInFewerTransactionsThanUnits(Databases database) throws Exception {
        DataSource dataSource = probeTable(database.fresh());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        GroupCommit groupCommit = GroupCommits.of(dataSource, meters, 200);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        groupCommit.start();
        CountDownLatch firstIsWriting = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(40);
        try {
            // the first unit holds the committer for a moment, as a slow disk would: the others arrive meanwhile
            Future<Integer> first = callers.submit(() -> groupCommit.execute("probe", () -> {
                insert(jdbc, 0);
                firstIsWriting.countDown();
                sleep(300);
                return 0;
            }));
            firstIsWriting.await(10, TimeUnit.SECONDS);
            List<Future<Integer>> rest = new ArrayList<>();
            for (int i = 1; i < 40; i++) {
                int n = i;
                rest.add(callers.submit(() -> groupCommit.execute("probe", () -> {
                    insert(jdbc, n);
                    return n;
                })));
            }
            assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
            for (Future<Integer> unit : rest) {
                int n = unit.get(10, TimeUnit.SECONDS);
                // answered only after the commit: a connection of its own already sees the row
                assertThat(committedRows(dataSource, n)).isEqualTo(1);
            }
        } finally {
            callers.shutdownNow();
            groupCommit.stop();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM probe").query(Integer.class).single()).isEqualTo(40);
        double units = meters.get("onewindow.group.commit.units").tag("unit", "probe").counter().count();
        double transactions = meters.get("onewindow.group.commit.transactions").tag("unit", "probe").counter().count();
        assertThat(units).isEqualTo(40);
        assertThat(transactions).isLessThan(units).isLessThanOrEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void whenMoreUnitsAreDueACommitWaitsForThemAndIdleAUnitCommitsAtOnce(Databases database) throws Exception {
        DataSource dataSource = probeTable(database.fresh());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // a long delay, so that the test sees it whatever the machine's load; the hub's is a few milliseconds
        GroupCommit groupCommit = GroupCommits.of(dataSource, meters, 200, 500_000);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        groupCommit.start();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            // idle: a unit does not wait for company (a first one warms the connection and the code up; a pause of more
            // than a fifth of the delay after it means no more are due)
            groupCommit.run("probe", () -> insert(jdbc, 0));
            sleep(300);
            long started = System.nanoTime();
            groupCommit.run("probe", () -> insert(jdbc, 1000));
            // a wait would take the whole delay, 500 ms
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(400);
            // busy: four callers, each waiting for its unit before it gives the next, as department consumers do
            List<Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int caller = c;
                loops.add(callers.submit(() -> {
                    for (int i = 1; i <= 5; i++) {
                        int n = caller * 100 + i;
                        groupCommit.run("probe", () -> insert(jdbc, n));
                        assertThat(committedRowsUnchecked(dataSource, n)).isEqualTo(1);
                    }
                }));
            }
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
            groupCommit.stop();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM probe").query(Integer.class).single()).isEqualTo(22);
        double transactions = meters.get("onewindow.group.commit.transactions").tag("unit", "probe").counter().count() - 1;
        // the idle one, then five rounds of the four callers' units; without the wait each caller's next unit mostly
        // finds the committer idle, a commit for one or two units
        assertThat(transactions).isLessThanOrEqualTo(8);
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aFailingUnitIsRolledBackAloneAndItsCallerGetsTheFailure(Databases database) throws Exception {
        DataSource dataSource = probeTable(database.fresh());
        GroupCommit groupCommit = GroupCommits.of(dataSource, new SimpleMeterRegistry(), 200);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        groupCommit.start();
        CountDownLatch firstIsWriting = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = callers.submit(() -> groupCommit.run("probe", () -> {
                insert(jdbc, 1);
                firstIsWriting.countDown();
                sleep(300);
            }));
            firstIsWriting.await(10, TimeUnit.SECONDS);
            Future<?> failing = callers.submit(() -> groupCommit.run("probe", () -> {
                insert(jdbc, 2);
                throw new IllegalStateException("refused by the unit");
            }));
            Future<?> duplicate = callers.submit(() -> groupCommit.run("probe", () -> insert(jdbc, 1)));
            Future<?> last = callers.submit(() -> groupCommit.run("probe", () -> insert(jdbc, 3)));
            first.get(10, TimeUnit.SECONDS);
            last.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("refused by the unit");
            assertThatThrownBy(() -> duplicate.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        } finally {
            callers.shutdownNow();
            groupCommit.stop();
        }
        assertThat(jdbc.sql("SELECT n FROM probe ORDER BY n").query(Integer.class).list()).containsExactly(1, 3);
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aUnitCallingAnotherJoinsItsTransaction(Databases database) {
        DataSource dataSource = probeTable(database.fresh());
        GroupCommit groupCommit = GroupCommits.of(dataSource, new SimpleMeterRegistry(), 200);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        groupCommit.start();
        try {
            assertThatThrownBy(() -> groupCommit.run("outer", () -> {
                insert(jdbc, 1);
                groupCommit.run("inner", () -> insert(jdbc, 2));
                throw new IllegalStateException("the outer unit fails after the inner one");
            })).hasMessage("the outer unit fails after the inner one");
        } finally {
            groupCommit.stop();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM probe").query(Integer.class).single()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void workGivenWithoutWaitingIsCommittedBeforeTheSameThreadsNextUnit(Databases database) {
        DataSource dataSource = probeTable(database.fresh());
        GroupCommit groupCommit = GroupCommits.of(dataSource, new SimpleMeterRegistry(), 200);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        groupCommit.start();
        try {
            for (int n = 1; n <= 50; n++) {
                int row = n;
                groupCommit.submit("given", () -> insert(jdbc, row * 2));
                // the next unit of this thread sees the row given before it, committed before or with it
                int seen = groupCommit.execute("waited", () -> {
                    insert(jdbc, row * 2 + 1);
                    return jdbc.sql("SELECT COUNT(*) FROM probe WHERE n = ?").param(row * 2).query(Integer.class).single();
                });
                assertThat(seen).as("row %d", row * 2).isEqualTo(1);
                assertThat(committedRowsUnchecked(dataSource, row * 2)).isEqualTo(1);
            }
            // a failing unit given without waiting fails alone: the caller goes on and the next unit commits
            groupCommit.submit("given", () -> insert(jdbc, 2));
            groupCommit.run("waited", () -> insert(jdbc, 1_000));
        } finally {
            groupCommit.stop();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM probe").query(Integer.class).single()).isEqualTo(101);
    }

    /**
     * Two hubs' group commits on one PostgreSQL may lock the same rows in another order: the database then aborts one
     * statement as a deadlock's victim. The unit that lost is rolled back to its savepoint, the rest of its batch
     * commits, and the unit is tried once more on its own instead of failing its caller (a 500 at intake, a message
     * sent back to the broker).
     */
    @org.junit.jupiter.api.Test
    void aUnitThatLosesADeadlockIsTriedAgainOnItsOwn() throws Exception {
        DataSource dataSource = probeTable(Databases.POSTGRESQL.fresh());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("ALTER TABLE probe ADD COLUMN v VARCHAR(20)").update();
        insert(jdbc, 1);
        insert(jdbc, 2);
        GroupCommit groupCommit = GroupCommits.of(dataSource, new SimpleMeterRegistry(), 200);
        groupCommit.start();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        CountDownLatch gate = new CountDownLatch(1);
        try (var other = dataSource.getConnection()) {
            // the other hub's transaction holds row 2
            other.setAutoCommit(false);
            update(other, 2, "other");
            // a first unit holds the committer until both units wait, so that they share the next commit
            Future<Object> holding = callers.submit(() -> groupCommit.execute("probe", () -> {
                await(gate);
                return null;
            }));
            Future<Object> first = callers.submit(() -> groupCommit.execute("probe", () ->
                    jdbc.sql("UPDATE probe SET v = 'first' WHERE n = 1").update()));
            sleep(200);
            Future<Object> second = callers.submit(() -> groupCommit.execute("probe", () ->
                    jdbc.sql("UPDATE probe SET v = 'second' WHERE n = 2").update()));
            sleep(200);
            gate.countDown();
            holding.get(10, TimeUnit.SECONDS);
            // the batch [first, second]: first locks row 1, second waits for row 2; then the other transaction asks
            // for row 1. Second waited longer, so its deadlock check (after deadlock_timeout, 1 s) makes it the victim
            awaitLockWaits(dataSource, 1);
            Future<Object> otherTakesRowOne = callers.submit(() -> {
                update(other, 1, "other");
                other.commit();
                return null;
            });
            otherTakesRowOne.get(20, TimeUnit.SECONDS); // the other transaction was not the victim: the batch's unit was
            assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(1); // tried again once the other had committed
        } finally {
            gate.countDown();
            callers.shutdownNow();
            groupCommit.stop();
        }
        assertThat(jdbc.sql("SELECT v FROM probe ORDER BY n").query(String.class).list()).containsExactly("other", "second");
    }

    /**
     * Two hubs' committers on one PostgreSQL, each given the same two cases' units in the opposite order: hub A case B
     * then case A, hub B case A then case B, each unit locking its case's row and holding it a moment. Run in the
     * order given, each batch would hold one row and wait for the other's: a deadlock, found after deadlock_timeout
     * (1 s) with both committers standing still, and one unit tried again alone. Run in case order, both batches ask
     * for case A's row first, so one simply waits for the other's commit.
     */
    @org.junit.jupiter.api.Test
    void twoHubsBatchesTakeTheirCasesLocksInTheSameOrder() throws Exception {
        DataSource dataSource = probeTable(Databases.POSTGRESQL.fresh());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("ALTER TABLE probe ADD COLUMN v VARCHAR(20)").update();
        insert(jdbc, 1); // case OW-A's row
        insert(jdbc, 2); // case OW-B's row
        SimpleMeterRegistry metersA = new SimpleMeterRegistry();
        SimpleMeterRegistry metersB = new SimpleMeterRegistry();
        GroupCommit hubA = GroupCommits.of(dataSource, metersA, 200);
        GroupCommit hubB = GroupCommits.of(dataSource, metersB, 200);
        hubA.start();
        hubB.start();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            // each hub's committer held until both of its units wait, so that each pair shares one batch
            List<Future<Object>> holding = List.of(
                    callers.submit(() -> hubA.execute("probe", () -> { await(gate); return null; })),
                    callers.submit(() -> hubB.execute("probe", () -> { await(gate); return null; })));
            sleep(200);
            Future<Integer> aFirst = callers.submit(() -> lockAndHold(hubA, jdbc, "OW-B", 2, "a"));
            Future<Integer> bFirst = callers.submit(() -> lockAndHold(hubB, jdbc, "OW-A", 1, "b"));
            sleep(200);
            Future<Integer> aSecond = callers.submit(() -> lockAndHold(hubA, jdbc, "OW-A", 1, "a"));
            Future<Integer> bSecond = callers.submit(() -> lockAndHold(hubB, jdbc, "OW-B", 2, "b"));
            sleep(200);
            gate.countDown();
            for (Future<Object> hold : holding) {
                hold.get(10, TimeUnit.SECONDS);
            }
            for (Future<Integer> unit : List.of(aFirst, bFirst, aSecond, bSecond)) {
                assertThat(unit.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            }
        } finally {
            gate.countDown();
            callers.shutdownNow();
            hubA.stop();
            hubB.stop();
        }
        assertThat(metersA.counter("onewindow.group.commit.lock.retries").count()
                + metersB.counter("onewindow.group.commit.lock.retries").count())
                .as("units that lost a deadlock and were tried again").isZero();
        // one hub's batch committed after the other's: both rows hold its name
        assertThat(jdbc.sql("SELECT DISTINCT v FROM probe").query(String.class).list()).hasSize(1);
    }

    private static int lockAndHold(GroupCommit hub, JdbcClient jdbc, String caseId, int row, String by) {
        try (var ignored = org.onewindow.hub.caselog.CaseLogContext.forCase(caseId)) {
            return hub.execute("probe", () -> {
                int updated = jdbc.sql("UPDATE probe SET v = ? WHERE n = ?").params(by, row).update();
                jdbc.sql("SELECT pg_sleep(0.3)").query().singleRow();
                return updated;
            });
        }
    }

    private static void update(java.sql.Connection connection, int n, String v) throws java.sql.SQLException {
        try (var statement = connection.prepareStatement("UPDATE probe SET v = ? WHERE n = ?")) {
            statement.setString(1, v);
            statement.setInt(2, n);
            statement.executeUpdate();
        }
    }

    private static void awaitLockWaits(DataSource dataSource, int count) throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'").query(Integer.class).single() < count) {
            if (System.nanoTime() > until) {
                throw new AssertionError("no unit is waiting for a lock");
            }
            sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int committedRowsUnchecked(DataSource dataSource, int n) {
        try {
            return committedRows(dataSource, n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataSource probeTable(DataSource dataSource) {
        JdbcClient.create(dataSource).sql("CREATE TABLE probe (n INT PRIMARY KEY)").update();
        return dataSource;
    }

    private static void insert(JdbcClient jdbc, int n) {
        jdbc.sql("INSERT INTO probe (n) VALUES (?)").param(n).update();
    }

    private static int committedRows(DataSource dataSource, int n) throws Exception {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT COUNT(*) FROM probe WHERE n = ?")) {
            statement.setInt(1, n);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
