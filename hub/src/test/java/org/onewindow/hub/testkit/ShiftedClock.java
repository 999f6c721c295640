package org.onewindow.hub.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs at the real pace from a moment the test chooses, and that a test can move on: for a whole hub
 * whose timers, sweeps and timeouts need time to pass while the test looks at a particular date (a holiday, a deadline).
 */
public final class ShiftedClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** From now on the clock reads {@code moment}, and runs on from it. */
    public void setNow(Instant moment) {
        offset = Duration.between(Instant.now(), moment);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
