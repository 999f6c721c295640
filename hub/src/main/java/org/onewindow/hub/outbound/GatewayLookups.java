package org.onewindow.hub.outbound;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every client of the provincial gateway keeps its look-ups in a {@link LookupCache} made here, keyed by its own
 * look-ups, all with the same lifetime (onewindow.licences.cache.ttl-ms) and switch (onewindow.gateway.cache-lookups);
 * {@link #forgetAll} drops them all at once.
 */
public final class GatewayLookups {

    private final Clock clock;
    private final Duration ttl;
    private final long maximumSize;
    private final boolean enabled;
    private final List<LookupCache<?, ?>> caches = new CopyOnWriteArrayList<>();

    GatewayLookups(Clock clock, Duration ttl, long maximumSize, boolean enabled) {
        this.clock = clock;
        this.ttl = ttl;
        this.maximumSize = maximumSize;
        this.enabled = enabled;
    }

    /** A cache for one client's look-ups. */
    public <K, V> LookupCache<K, V> create() {
        LookupCache<K, V> cache = new LookupCache<>(clock, ttl, maximumSize, enabled);
        caches.add(cache);
        return cache;
    }

    /** Drops every kept look-up of every client: the next look-up of any holder asks the gateway. */
    public void forgetAll() {
        caches.forEach(LookupCache::clear);
    }
}
