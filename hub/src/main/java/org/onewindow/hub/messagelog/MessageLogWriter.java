package org.onewindow.hub.messagelog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The one writer of this hub's chain of the message log: it numbers, chains and seals only the records of its chain
 * (the hub's instance id), so the writers of several hubs share one database without touching each other's chain.
 * Callers only put exchanges on a bounded queue; this thread takes them in
 * batches (at most {@code flushInterval} after the first of a batch arrived, or {@code maxBatch} at once), chains
 * them, inserts each batch as one JDBC batch in one transaction, and seals every {@code sealMaxRecords} records or
 * {@code sealInterval}. A clean stop writes and seals everything queued; a kill -9 loses what was still queued.
 *
 * <p>A full queue: the caller waits up to {@code offerTimeout}; if there is still no room the exchange is not
 * kept, counted, logged at ERROR (without its content), and the next batch starts with a {@link Channel#MESSAGE_LOG}
 * record saying how many exchanges were lost, so the gap is in the signed log itself, never silent.
 */
final class MessageLogWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageLogWriter.class);

    /** Stops after the web server and Camel (which stop earlier, at higher phases), so their last exchanges are written. */
    static final int PHASE = Integer.MIN_VALUE + 1_000;

    record Settings(int queueCapacity, Duration offerTimeout, Duration flushInterval, int maxBatch, int sealMaxRecords,
                    Duration sealInterval) {
    }

    /** What the writer has done so far, for health and metrics. */
    record Status(String chain, boolean running, int queued, long written, long lost, long lastSeq, long sealedSeq, long seals, long sealFailures,
                  Instant lastSealAt, String lastProblem, long writerCpuNanos) {
    }

    /** Wakes the writer to notice it is stopping. */
    private static final Object WAKE = new Object();

    /** A request, queued behind the exchanges before it, to write them all and seal. */
    private record Flush(CompletableFuture<Long> done) {
    }

    private final MessageLogStore store;
    private final String chain;
    private final Sealer sealer;
    private final Clock clock;
    private final Settings settings;
    private final BlockingQueue<Object> queue;
    private final Object lock = new Object();

    // the chain, changed only under lock (volatile where health reads it without waiting for a seal in progress)
    private volatile long lastSeq;
    private byte[] lastHash;
    private volatile long lastSealNo;
    private String lastSealHash;
    private volatile long sealedSeq;
    private volatile Instant lastSealAt;
    private final ByteArrayOutputStream unsealed = new ByteArrayOutputStream();
    private final java.util.Set<String> keptCertificates = new java.util.HashSet<>();

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong lostUnrecorded = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong seals = new AtomicLong();
    private final AtomicLong sealFailures = new AtomicLong();
    private volatile String lastProblem;
    private volatile long lastLossLoggedAt;
    private volatile boolean running;
    private volatile boolean closed;
    private volatile Thread thread;
    private volatile long lastWriterCpuNanos;

    /** @param chain the chain this writer writes: the hub's instance id (at most {@value Chains#MAX_NAME} characters) */
    MessageLogWriter(MessageLogStore store, String chain, Sealer sealer, Clock clock, Settings settings) {
        if (chain == null || chain.isBlank() || chain.length() > Chains.MAX_NAME) {
            throw new IllegalArgumentException("a message log chain is named by 1 to " + Chains.MAX_NAME + " characters: " + chain);
        }
        this.store = store;
        this.chain = chain;
        this.lastHash = Hashes.unhex(Chains.genesis(chain));
        this.lastSealHash = Chains.genesis(chain);
        this.sealer = sealer;
        this.clock = clock;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    /** Puts one exchange on the queue (never touches the database on the caller's thread while the writer runs). */
    void offer(LoggedExchange exchange) {
        boolean queued = queue.offer(exchange);
        if (!queued) {
            try {
                queued = queue.offer(exchange, settings.offerTimeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!queued) {
            lostUnrecorded.incrementAndGet();
            lost.incrementAndGet();
            long now = System.currentTimeMillis();
            if (now - lastLossLoggedAt > 1_000) {
                lastLossLoggedAt = now;
                log.error("Message log queue full ({} waiting) for {} ms: a {} exchange was not logged ({} so far); the log records the loss",
                        settings.queueCapacity(), settings.offerTimeout().toMillis(), exchange.channel(), lost.get());
            }
        }
        if (closed) {
            // stopped (the context is closing): whoever comes late writes what is left, on their own thread
            writeLeftovers();
        }
    }

    /**
     * Writes everything queued before this call and seals it, on the writer's thread, and waits for it.
     *
     * @return the last position sealed
     */
    long flushAndSeal(Duration within) {
        if (closed || !running) {
            writeLeftovers();
            synchronized (lock) {
                sealAll();
                return sealedSeq;
            }
        }
        Flush flush = new Flush(new CompletableFuture<>());
        try {
            if (!queue.offer(flush, within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the message log's queue stayed full for " + within.toMillis() + " ms");
            }
            return flush.done().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while flushing the message log", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot flush and seal the message log: " + e.getMessage(), e);
        }
    }

    @Override
    public void start() {
        synchronized (lock) {
            try {
                resume();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the last record and seal of message log chain " + chain + ": " + e.getMessage(), e);
            }
        }
        running = true;
        thread = new Thread(this::run, "message-log-writer");
        thread.setDaemon(true);
        thread.start();
        log.info("Message log chain {} writing from record {} (sealed up to {}, {} seal(s)); seals signed by {} and time-stamped by {}",
                chain, lastSeq + 1, sealedSeq, lastSealNo, sealer.signer().fingerprint().substring(0, 16), sealer.timeStamper().describe());
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            // woken, never interrupted: an interrupt inside H2's file I/O closes the database
            queue.offer(WAKE);
            LockSupport.unpark(thread);
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closed = true;
        writeLeftovers();
        synchronized (lock) {
            sealAll();
        }
        log.info("Message log chain {} closed at record {}, sealed up to {} ({} lost since start)", chain, lastSeq, sealedSeq, lost.get());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The chain this writer writes: the hub's instance id. */
    String chain() {
        return chain;
    }

    String signerFingerprint() {
        return sealer.signer().fingerprint();
    }

    String timeStampingAuthority() {
        return sealer.timeStamper().describe();
    }

    Status status() {
        return new Status(chain, running, queue.size(), written.get(), lost.get(), lastSeq, sealedSeq, seals.get(), sealFailures.get(),
                lastSealAt, lastProblem, writerCpuNanos());
    }

    /** CPU time the writer thread has used (batches, inserts, seals): the log's own cost, apart from the callers' hashing. */
    long writerCpuNanos() {
        Thread writer = thread;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        if (writer != null && writer.isAlive() && threads.isThreadCpuTimeSupported()) {
            long cpu = threads.getThreadCpuTime(writer.getId());
            if (cpu >= 0) {
                lastWriterCpuNanos = cpu;
            }
        }
        return lastWriterCpuNanos;
    }

    private void run() {
        List<Object> batch = new ArrayList<>(settings.maxBatch());
        long tick = Math.max(10, Math.min(settings.sealInterval().toMillis(), 1_000));
        while (running || !queue.isEmpty()) {
            try {
                Object first = queue.poll(tick, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    if (running && !(first instanceof Flush) && queue.size() < settings.maxBatch() - 1) {
                        // gather a batch: one transaction per flush interval, not one per exchange
                        LockSupport.parkNanos(settings.flushInterval().toNanos());
                    }
                    queue.drainTo(batch, settings.maxBatch() - 1);
                    process(batch);
                    batch.clear();
                }
                if (running) {
                    synchronized (lock) {
                        sealIfDue();
                    }
                }
            } catch (InterruptedException e) {
                // nobody interrupts this thread (see stop()); if someone does, the loop still drains what is left
                Thread.interrupted();
            } catch (RuntimeException e) {
                lastProblem = e.getMessage();
                log.error("Message log writer: {}", e.getMessage(), e);
            }
        }
    }

    /** Writes the exchanges in order; a flush request in between writes what came before it and seals. */
    private void process(List<Object> batch) {
        List<LoggedExchange> exchanges = new ArrayList<>(batch.size());
        for (Object entry : batch) {
            if (entry instanceof LoggedExchange exchange) {
                exchanges.add(exchange);
            } else if (entry instanceof Flush flush) {
                synchronized (lock) {
                    writeUntilDone(exchanges);
                    exchanges.clear();
                    sealAll();
                    flush.done().complete(sealedSeq);
                }
            }
        }
        synchronized (lock) {
            writeUntilDone(exchanges);
        }
    }

    /** Writes a batch, retrying while the database refuses (the queue takes the strain meanwhile, and counts any loss). */
    private void writeUntilDone(List<LoggedExchange> exchanges) {
        while (true) {
            try {
                write(exchanges);
                return;
            } catch (SQLException e) {
                lastProblem = "cannot write to the database: " + e.getMessage();
                log.error("Message log: cannot write {} record(s), trying again in 1 s: {}", exchanges.size(), e.getMessage());
                if (closed) {
                    lost.addAndGet(exchanges.size());
                    return;
                }
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
        }
    }

    private void write(List<LoggedExchange> exchanges) throws SQLException {
        long losses = lostUnrecorded.get();
        if (exchanges.isEmpty() && losses == 0) {
            return;
        }
        List<MessageLogRecord> records = new ArrayList<>(exchanges.size() + 1);
        long seq = lastSeq;
        byte[] hash = lastHash;
        if (losses > 0) {
            LoggedExchange gap = new LoggedExchange(clock.instant(), 0, Channel.MESSAGE_LOG, "hub", "hub", null, "queue full", null, null,
                    losses + " exchange(s) not logged: the queue was full for " + settings.offerTimeout().toMillis() + " ms",
                    null, null);
            MessageLogRecord record = MessageLogRecord.of(++seq, gap, hash);
            records.add(record);
            hash = Hashes.unhex(record.recordHash());
        }
        for (LoggedExchange exchange : exchanges) {
            MessageLogRecord record = MessageLogRecord.of(++seq, exchange, hash);
            records.add(record);
            hash = Hashes.unhex(record.recordHash());
        }
        store.append(chain, records);
        lostUnrecorded.addAndGet(-losses);
        lastSeq = seq;
        lastHash = hash;
        for (MessageLogRecord record : records) {
            unsealed.writeBytes(Hashes.unhex(record.recordHash()));
        }
        written.addAndGet(records.size());
    }

    private void sealIfDue() {
        long waiting = lastSeq - sealedSeq;
        if (waiting == 0) {
            return;
        }
        if (!clock.instant().isBefore(lastSealAt.plus(settings.sealInterval()))) {
            sealAll();
        } else if (waiting >= settings.sealMaxRecords()) {
            seal(false);
        }
    }

    /** Seals every written record not sealed yet, in seals of at most sealMaxRecords. */
    private void sealAll() {
        seal(true);
    }

    /** Seals in seals of sealMaxRecords; the rest too when {@code partial}, else it waits for more or for the interval. */
    private void seal(boolean partial) {
        while (lastSeq - sealedSeq >= (partial ? 1 : settings.sealMaxRecords())) {
            long first = sealedSeq + 1;
            long last = Math.min(lastSeq, sealedSeq + settings.sealMaxRecords());
            byte[] all = unsealed.toByteArray();
            byte[] hashes = java.util.Arrays.copyOfRange(all, 0, Math.toIntExact((last - first + 1) * 32));
            Instant now = clock.instant();
            MessageLogSeal seal;
            try {
                seal = sealer.seal(lastSealNo + 1, first, last, now, lastSealHash, hashes);
                store.append(chain, seal);
            } catch (TimeStamper.TimeStampUnavailableException | SQLException e) {
                sealFailures.incrementAndGet();
                lastProblem = "cannot seal records " + first + "–" + last + ": " + e.getMessage();
                log.warn("Message log: cannot seal records {}–{} yet ({}); they stay hash-chained and are sealed at the next try",
                        first, last, e.getMessage());
                // try again at the next interval, not at once
                lastSealAt = now;
                return;
            }
            lastSealNo = seal.sealNo();
            lastSealHash = seal.sealHash();
            sealedSeq = last;
            lastSealAt = now;
            seals.incrementAndGet();
            keepAuthorityCertificate(seal, now);
            unsealed.reset();
            unsealed.writeBytes(java.util.Arrays.copyOfRange(all, hashes.length, all.length));
            log.debug("Message log: sealed records {}–{} as seal {}, time-stamped {}", first, last, seal.sealNo(), seal.timeStampedAt());
        }
    }

    /** The time-stamping authority's certificate goes into the log's certificates once, so exports carry it. */
    private void keepAuthorityCertificate(MessageLogSeal seal, Instant now) {
        try {
            java.util.Optional<java.security.cert.X509Certificate> authority = TimeStampTokens.signerCertificate(seal.timeStampToken());
            if (authority.isPresent() && keptCertificates.add(Crypto.fingerprint(authority.get()))) {
                store.keep(MessageLogStore.TSA, authority.get(), now);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Message log: cannot keep the time-stamping authority's certificate: {}", e.getMessage());
        }
    }

    /** After the writer stopped: whatever is still queued is written by the caller's thread. */
    private void writeLeftovers() {
        List<Object> leftovers = new ArrayList<>();
        queue.drainTo(leftovers);
        if (!leftovers.isEmpty()) {
            process(leftovers);
        }
    }

    /**
     * Picks this hub's chain up where the database has it: last record, last seal, and the hashes written since. A
     * chain with nothing in it yet starts at its genesis (set in the constructor), whatever other chains hold.
     */
    private void resume() throws SQLException {
        store.lastRecord(chain).ifPresent(tail -> {
            lastSeq = tail.seq();
            lastHash = Hashes.unhex(tail.recordHash());
        });
        store.lastSeal(chain).ifPresent(seal -> {
            lastSealNo = seal.sealNo();
            lastSealHash = seal.sealHash();
            sealedSeq = seal.lastSeq();
            lastSealAt = seal.sealedAt();
        });
        if (lastSealAt == null) {
            // a new log: its first seal comes one interval after start, like every later one
            lastSealAt = clock.instant();
        }
        unsealed.reset();
        for (byte[] hash : store.hashesAfter(chain, sealedSeq)) {
            unsealed.writeBytes(hash);
        }
        store.keep(MessageLogStore.SIGNER, sealer.signer().certificate(), clock.instant());
    }
}
