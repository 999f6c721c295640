package org.onewindow.hub.observability;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CachedReadingTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger queries = new AtomicInteger();

    @Test
    void queriesAtMostOncePerRefreshAndKeepsTheLastReadingWhenAQueryFails() {
        CachedReading<Integer> reading = new CachedReading<>(() -> {
            int n = queries.incrementAndGet();
            if (n == 3) {
                throw new IllegalStateException("database away");
            }
            return n;
        }, Duration.ofSeconds(15), now::get);

        assertThat(reading.get()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(14).toNanos());
        assertThat(reading.get()).isEqualTo(1);                 // a second scrape, a second gauge: no query
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(reading.get()).isEqualTo(2);
        now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(reading.get()).isEqualTo(2);                 // the query failed: the previous reading stays
        assertThat(queries).hasValue(3);
    }
}
