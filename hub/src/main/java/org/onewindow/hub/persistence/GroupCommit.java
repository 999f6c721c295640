package org.onewindow.hub.persistence;

import org.onewindow.hub.caselog.CaseLogContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Group commit (issue 12): the state changes of many cases in one database transaction. A caller hands its unit of
 * work to {@link #execute} and waits; one committer thread runs every unit that is waiting, each inside a savepoint
 * of one shared transaction, commits once, and only then answers each caller — so a 202 or a JMS acknowledgement
 * still comes after its change is durable, but a hundred concurrent cases cost one commit (and, on H2, one file
 * write) instead of a hundred. A unit that fails is rolled back to its savepoint and its caller gets the exception;
 * the others commit. When idle, a unit runs at once: grouping adds no delay, it only collects what arrived while the
 * previous commit was being written. Busy, a commit may wait a moment for more (onewindow.persistence.group-commit
 * .commit-delay-us, see {@link #awaitMore}).
 *
 * <p>A unit must do only database work (no calls to other systems, no waiting): every other caller waits for it.
 * Work that is already inside a database transaction (a caller's own, or a unit calling another) joins it instead.
 * Each unit names what it is ("case-intake", "task-outcome"): the meters onewindow.group.commit.units{unit} and
 * onewindow.group.commit.transactions{unit} show how many units of a kind shared how many commits.
 *
 * <p>Several hubs on one PostgreSQL each have a committer, and their batches lock the rows of the cases they touch
 * (a case's row, its report sequence). A batch runs its units in the order of their case ids (the caller's
 * {@link CaseLogContext#CASE_ID}), so two hubs' batches take the locks of the cases they share in the same order and
 * one waits for the other instead of deadlocking: PostgreSQL finds a deadlock only after deadlock_timeout (1 s), while
 * both committers, and every caller waiting on them, stand still (PostgreSQL counted 26 deadlocks in 100 s of
 * bench/run --two-hubs before this order). Units given with {@link #execute} and {@link #run} come from callers that
 * each wait for their own, so any order of one batch is an order they could have happened in; a batch holding a unit
 * given without waiting ({@link #submit}, committed in the order given) is not reordered. A unit that still loses a
 * lock race is tried again alone (onewindow.group.commit.lock.retries counts those).
 */
@Component
public class GroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final TransactionTemplate transaction;
    private final DataSource dataSource;
    private final BlockingQueue<Unit<?>> queue;
    private final int maxUnits;
    private final long commitDelayNanos;
    private final MeterRegistry meters;
    private final DistributionSummary unitsPerCommit;
    private final Counter lockRetries;
    private final ConcurrentMap<String, Counter> unitCounters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> transactionCounters = new ConcurrentHashMap<>();
    private volatile Thread committer;
    private volatile boolean running;

    public GroupCommit(PlatformTransactionManager transactions, DataSource dataSource, PersistenceProperties properties,
                       MeterRegistry meters) {
        this.transaction = new TransactionTemplate(transactions);
        this.dataSource = dataSource;
        this.meters = meters;
        this.queue = new ArrayBlockingQueue<>(properties.groupCommit().queueCapacity());
        this.maxUnits = properties.groupCommit().maxUnits();
        this.commitDelayNanos = TimeUnit.MICROSECONDS.toNanos(properties.groupCommit().commitDelayUs());
        this.unitsPerCommit = DistributionSummary.builder("onewindow.group.commit.size")
                .description("units of work (cases' state changes) committed together in one transaction").register(meters);
        this.lockRetries = Counter.builder("onewindow.group.commit.lock.retries")
                .description("units rolled back as a deadlock's victim or on a lock timeout, and tried again alone")
                .register(meters);
    }

    /**
     * Runs the work in the next group commit and returns its result once that commit is durable.
     *
     * @param name what the unit is, for the meters (a handful of fixed names, never an id)
     */
    public <T> T execute(String name, Supplier<T> work) {
        if (Thread.currentThread() == committer || inDatabaseTransaction()) {
            return work.get();
        }
        if (!running) {
            // before start or after stop (start-up checks, shutdown): a transaction of its own
            count(List.of(name));
            return transaction.execute(status -> work.get());
        }
        Unit<T> unit = new Unit<>(name, work, false);
        try {
            queue.put(unit);
            return unit.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the group commit", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Runs the work in the next group commit and returns once that commit is durable. */
    public void run(String name, Runnable work) {
        execute(name, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Puts the work in the next group commit without waiting for it, for a record whose loss in a crash changes
     * nothing that matters (it is written again, or its absence is handled, after a restart). Units are committed in
     * the order they were given, so a later unit of the same thread sees this one's changes. A failure is logged.
     */
    public void submit(String name, Runnable work) {
        if (Thread.currentThread() == committer || inDatabaseTransaction() || !running) {
            run(name, work);
            return;
        }
        Unit<Void> unit = new Unit<>(name, () -> {
            work.run();
            return null;
        }, true);
        unit.result.whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.warn("A {} unit given without waiting failed: {}", name, failure.toString());
            }
        });
        try {
            queue.put(unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing work to the group commit", e);
        }
    }

    private void commitLoop() {
        List<Unit<?>> batch = new ArrayList<>();
        // units arriving per nanosecond, a moving average over the last batches (see awaitMore)
        double arrivals = 0;
        long lastTaken = System.nanoTime() - 10 * commitDelayNanos - 1; // as after a pause: the first unit never waits
        int waitedFor = 0;
        while (running || !queue.isEmpty()) {
            try {
                // idle, the thread wakes once a second only to notice a stop (stop() waits at most that long)
                Unit<?> first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxUnits - 1);
                if (commitDelayNanos > 0) {
                    // the units since the last batch was taken (with those that came while it waited) over that time;
                    // after a pause of several delays the old rate no longer says anything
                    long now = System.nanoTime();
                    long gap = Math.max(1, now - lastTaken);
                    double recent = (batch.size() + waitedFor) / (double) gap;
                    arrivals = gap > 10 * commitDelayNanos ? recent : 0.8 * arrivals + 0.2 * recent;
                    lastTaken = now;
                    int before = batch.size();
                    if (arrivals * commitDelayNanos >= 1) {
                        awaitMore(batch);
                    }
                    waitedFor = batch.size() - before;
                }
                commit(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException | Error e) {
                log.error("Group commit of {} unit(s) failed", batch.size(), e);
                batch.forEach(unit -> unit.result.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Waits up to the commit delay for more units to share this commit, as PostgreSQL's commit_delay does: each commit
     * costs a file write and a sync of the transaction log, so fewer, larger commits cost less CPU per case. Called
     * only when, at the rate units arrived over the last commits, at least one more is due within the delay
     * (PostgreSQL asks for commit_siblings active transactions instead): idle or lightly loaded, a unit never waits.
     */
    private void awaitMore(List<Unit<?>> batch) throws InterruptedException {
        long deadline = System.nanoTime() + commitDelayNanos;
        while (batch.size() < maxUnits) {
            long left = deadline - System.nanoTime();
            Unit<?> more = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (more == null) {
                return;
            }
            batch.add(more);
            queue.drainTo(batch, maxUnits - batch.size());
        }
    }

    private void commit(List<Unit<?>> batch) {
        if (batch.size() == 1) {
            Unit<?> only = batch.get(0);
            runAlone(only);
            if (only.lostALockRace()) {
                tryAgainAlone(only);
            }
            only.answer();
            count(List.of(only.name));
            return;
        }
        if (batch.stream().noneMatch(unit -> unit.givenWithoutWaiting)) {
            batch.sort(IN_LOCK_ORDER);
        }
        try {
            transaction.executeWithoutResult(status -> batch.forEach(unit -> runInSavepoint(unit, status)));
        } catch (RuntimeException | Error e) {
            // the commit itself failed: each unit again, alone, so that one bad unit cannot fail the others
            log.warn("A group commit of {} units failed ({}); committing them one by one", batch.size(), e.toString());
            batch.forEach(this::runAlone);
        }
        // a unit chosen as a deadlock's victim (two hubs' group commits locking the same rows in another order) or
        // timed out on a lock was rolled back to its savepoint, the others are committed: once more on its own, when
        // the other transaction has gone, rather than fail its caller for a race it did not lose by its own fault
        batch.stream().filter(Unit::lostALockRace).forEach(this::tryAgainAlone);
        batch.forEach(Unit::answer);
        count(batch.stream().<String>map(unit -> unit.name).toList());
    }

    private void tryAgainAlone(Unit<?> unit) {
        lockRetries.increment();
        runAlone(unit);
    }

    private void runAlone(Unit<?> unit) {
        unit.reset();
        try {
            transaction.executeWithoutResult(status -> unit.run());
        } catch (RuntimeException | Error e) {
            unit.failed(e);
        }
    }

    /**
     * True inside a JDBC transaction of the hub's database. Not Spring's isActualTransactionActive(): a transacted
     * JMS consumer's transaction sets that too, and a ledger update there still needs a database transaction.
     */
    private boolean inDatabaseTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder
                && holder.isSynchronizedWithTransaction();
    }

    private void count(List<String> unitNames) {
        unitsPerCommit.record(unitNames.size());
        unitNames.forEach(name -> counter(unitCounters, "onewindow.group.commit.units", name).increment());
        Set.copyOf(unitNames).forEach(name -> counter(transactionCounters, "onewindow.group.commit.transactions", name).increment());
    }

    private Counter counter(ConcurrentMap<String, Counter> counters, String meter, String name) {
        return counters.computeIfAbsent(name, n -> Counter.builder(meter).tag("unit", n).register(meters));
    }

    private static void runInSavepoint(Unit<?> unit, TransactionStatus status) {
        Object savepoint = status.createSavepoint();
        try {
            unit.run();
            status.releaseSavepoint(savepoint);
        } catch (RuntimeException | Error e) {
            status.rollbackToSavepoint(savepoint);
            unit.failed(e);
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::commitLoop, "group-commit");
        thread.setDaemon(true);
        committer = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = committer;
        if (thread != null) {
            try {
                // what is queued still commits: its callers are waiting for it
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        committer = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before the routes and the web server that hand it work, stopped after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    /** By case id, units of no case last; a stable sort, so one case's units keep their order. */
    private static final Comparator<Unit<?>> IN_LOCK_ORDER =
            Comparator.comparing((Unit<?> unit) -> unit.caseId, Comparator.nullsLast(Comparator.naturalOrder()));

    private static final class Unit<T> {
        private final String name;
        /** the caller's case (null: none), read when the caller gives the unit */
        private final String caseId = MDC.get(CaseLogContext.CASE_ID);
        private final boolean givenWithoutWaiting;
        private final Supplier<T> work;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private T value;
        private Throwable failure;

        Unit(String name, Supplier<T> work, boolean givenWithoutWaiting) {
            this.givenWithoutWaiting = givenWithoutWaiting;
            this.name = name;
            // the committer logs a unit's lines with its caller's case and task ids (with caseId above, two MDC reads)
            this.work = CaseLogContext.carrying(work);
        }

        void run() {
            value = work.get();
        }

        void failed(Throwable e) {
            failure = e;
        }

        /** Failed on a lock only (PostgreSQL's 40P01 deadlock, 55P03 lock timeout, 40001): worth one more try. */
        boolean lostALockRace() {
            return failure instanceof PessimisticLockingFailureException;
        }

        void reset() {
            value = null;
            failure = null;
        }

        void answer() {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }
    }
}
