package org.onewindow.hub.outbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Answers of a gateway look-up kept for a short while (onewindow.licences.cache.ttl-ms, at most a minute), under a key
 * that holds the holder, what was looked up and the purpose: an answer is reused only for the same purpose. Keeping it
 * does not make a reuse any less of a read; the caller still permits and logs every one. Time comes from the hub's
 * Clock (a Caffeine Ticker), so tests can move it.
 *
 * @param <K> the look-up: holder, licence type or data item, purpose (and whatever else the answer depends on)
 * @param <V> the answer
 */
public final class LookupCache<K, V> {

    /** Ends what the access log says of a read answered from a kept look-up, not by the gateway. */
    public static final String FROM_CACHE = " (answered from the hub's cache)";

    /** An answer and when the gateway gave it. */
    public record Kept<V>(V answer, Instant answeredAt) {
    }

    private final Cache<K, Kept<V>> cache;
    private final boolean enabled;
    private final Clock clock;

    /** Made by {@link GatewayLookups#create}. @param enabled false: nothing is kept (onewindow.gateway.cache-lookups) */
    LookupCache(Clock clock, Duration ttl, long maximumSize, boolean enabled) {
        this.clock = clock;
        this.enabled = enabled && !ttl.isNegative() && !ttl.isZero();
        this.cache = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(this.enabled ? ttl : Duration.ofMillis(1))
                .maximumSize(maximumSize)
                // evictions run on the calling thread: no pool hop for a map operation
                .executor(Runnable::run)
                .build();
    }

    public Optional<Kept<V>> find(K lookup) {
        return enabled ? Optional.ofNullable(cache.getIfPresent(lookup)) : Optional.empty();
    }

    /** Keeps an answer the gateway just gave; returns it with the time it is kept as answered at. */
    public Kept<V> keep(K lookup, V answer) {
        Kept<V> kept = new Kept<>(answer, clock.instant());
        if (enabled) {
            cache.put(lookup, kept);
        }
        return kept;
    }

    /** Drops every kept answer that matches, e.g. those holding a licence whose status changed. */
    public void forget(Predicate<V> which) {
        cache.asMap().values().removeIf(kept -> which.test(kept.answer()));
    }

    /** Drops everything kept. */
    public void clear() {
        cache.invalidateAll();
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
