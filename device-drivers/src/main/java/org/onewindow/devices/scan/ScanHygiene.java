package org.onewindow.devices.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.onewindow.core.device.ScanEvent;
import org.onewindow.core.device.Symbology;

/**
 * Turns raw sightings into scan events. The same code (symbology + payload, whatever the source) seen again
 * within {@code duplicateWindow} of its last sighting is dropped, and the window slides with each sighting,
 * so a code held in front of the camera for a minute is one event. At most {@code maxEvents} events pass
 * per {@code ratePeriod}; the rest are dropped and counted (a stuck trigger or a scanner in continuous mode).
 * Thread-safe; the downstream consumer is called on the caller's thread, outside the lock.
 */
public final class ScanHygiene implements Consumer<ScanEvent> {

    private final Duration duplicateWindow;
    private final int maxEvents;
    private final Duration ratePeriod;
    private final Clock clock;
    private final Consumer<ScanEvent> downstream;

    private final Map<Key, Instant> lastSeen = new HashMap<>();
    private final Deque<Instant> recentEvents = new ArrayDeque<>();
    private final AtomicLong duplicatesDropped = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();

    public ScanHygiene(Duration duplicateWindow, int maxEvents, Duration ratePeriod, Clock clock,
            Consumer<ScanEvent> downstream) {
        if (duplicateWindow.isNegative() || ratePeriod.isNegative() || ratePeriod.isZero() || maxEvents < 1) {
            throw new IllegalArgumentException("duplicate window >= 0, rate period > 0 and max events >= 1 required");
        }
        this.duplicateWindow = duplicateWindow;
        this.maxEvents = maxEvents;
        this.ratePeriod = ratePeriod;
        this.clock = Objects.requireNonNull(clock);
        this.downstream = Objects.requireNonNull(downstream);
    }

    /** Defaults for a service counter: 3 s duplicate window, at most 5 scans per second. */
    public static ScanHygiene withDefaults(Consumer<ScanEvent> downstream) {
        return new ScanHygiene(Duration.ofSeconds(3), 5, Duration.ofSeconds(1), Clock.systemUTC(), downstream);
    }

    @Override
    public void accept(ScanEvent event) {
        if (admit(event)) {
            downstream.accept(event);
        }
    }

    public long duplicatesDropped() {
        return duplicatesDropped.get();
    }

    public long rateLimited() {
        return rateLimited.get();
    }

    private synchronized boolean admit(ScanEvent event) {
        Instant now = clock.instant();
        forgetOlderThan(now.minus(duplicateWindow));
        Key key = new Key(event.symbology(), event.payload());
        Instant previous = lastSeen.put(key, now);
        if (previous != null && !now.isAfter(previous.plus(duplicateWindow))) {
            duplicatesDropped.incrementAndGet();
            return false;
        }
        Instant periodStart = now.minus(ratePeriod);
        while (!recentEvents.isEmpty() && !recentEvents.peekFirst().isAfter(periodStart)) {
            recentEvents.removeFirst();
        }
        if (recentEvents.size() >= maxEvents) {
            rateLimited.incrementAndGet();
            return false;
        }
        recentEvents.addLast(now);
        return true;
    }

    private void forgetOlderThan(Instant cutoff) {
        for (Iterator<Instant> it = lastSeen.values().iterator(); it.hasNext();) {
            if (it.next().isBefore(cutoff)) {
                it.remove();
            }
        }
    }

    private record Key(Symbology symbology, byte[] payload) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.symbology == symbology && Arrays.equals(k.payload, payload);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(symbology) + Arrays.hashCode(payload);
        }
    }
}
