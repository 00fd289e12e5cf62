package org.onewindow.cache.sync;

import java.util.function.LongSupplier;

/**
 * Caps the average upload rate: before each request of {@code n} bytes the caller waits until the bytes
 * sent so far fit the rate. Rate over whole requests (a blob is sent at line speed, then the next waits),
 * which is what a hall sharing a thin line needs: the average stays under the cap.
 */
public final class BandwidthLimiter {
    /** Waits; tests pass one that advances a fake time instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    public static final BandwidthLimiter UNLIMITED = new BandwidthLimiter(0, System::nanoTime, n -> { });

    private final long bytesPerSecond;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextFreeNanos;
    private boolean started;

    /** {@code bytesPerSecond <= 0}: no cap. */
    public BandwidthLimiter(long bytesPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.bytesPerSecond = bytesPerSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    public static BandwidthLimiter of(long bytesPerSecond) {
        return new BandwidthLimiter(bytesPerSecond, System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
    }

    /** Waits as long as the cap requires before {@code bytes} may be sent. */
    public synchronized void acquire(long bytes) throws InterruptedException {
        if (bytesPerSecond <= 0 || bytes <= 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (!started || nextFreeNanos < now) {
            // idle time does not bank up credit beyond "now": no burst after a quiet spell
            nextFreeNanos = now;
            started = true;
        }
        long wait = nextFreeNanos - now;
        nextFreeNanos += (long) Math.ceil(bytes * 1e9 / bytesPerSecond);
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }
}
