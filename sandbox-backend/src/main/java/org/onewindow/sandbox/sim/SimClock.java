package org.onewindow.sandbox.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told: shared by a sandbox, a {@link HallDaySimulator} and the client under
 * test so a whole hall day runs in seconds and every duration on screen is exact.
 */
public final class SimClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public SimClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private SimClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new SimClock(now, z);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves to {@code t}; never backwards (the back-end's events must stay in time order). */
    public void set(Instant t) {
        now.accumulateAndGet(t, (a, b) -> b.isAfter(a) ? b : a);
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }
}
