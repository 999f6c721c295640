package org.onewindow.hub.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The last result of a query that gauges read, taken again only when it is older than the refresh time
 * (onewindow.observability.gauge-refresh, 15 s): a scrape every 15 s, or several gauges read from one query, cost one
 * query per refresh, whoever asks. A query that fails (the database away) leaves the previous reading, logged at DEBUG;
 * before any reading the gauges show NaN.
 *
 * @param <T> what one query reads
 */
public final class CachedReading<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final Supplier<T> query;
    private final long refreshNanos;
    private final LongSupplier nanoTime;
    private T last;
    private long takenAt;
    private boolean taken;

    CachedReading(Supplier<T> query, Duration refresh, LongSupplier nanoTime) {
        this.query = query;
        this.refreshNanos = refresh.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A reading of {@code query}, kept for {@code refresh}. */
    public static <T> CachedReading<T> of(Supplier<T> query, Duration refresh) {
        return new CachedReading<>(query, refresh, System::nanoTime);
    }

    /** The latest reading, taken now if the kept one is older than the refresh time; null if none was ever taken. */
    public synchronized T get() {
        long now = nanoTime.getAsLong();
        if (!taken || now - takenAt >= refreshNanos) {
            try {
                last = query.get();
            } catch (RuntimeException e) {
                log.debug("A gauge's query failed; its previous reading stays: {}", e.toString());
            }
            taken = true;
            takenAt = now;
        }
        return last;
    }
}
