package org.onewindow.cache.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": attempt n waits a random time between half and all of
 * {@code min(max, base * 2^(n-1))}. The jitter keeps a hall full of workstations from hammering a
 * recovering archive in step; the floor of one half keeps the wait growing.
 */
public final class Backoff {
    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max");
        }
        this.base = base;
        this.max = max;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The wait before attempt {@code failures + 1}, after {@code failures} failed attempts (at least 1). */
    public Duration delayAfter(int failures) {
        int n = Math.max(1, failures);
        long ceiling = base.toMillis();
        for (int i = 1; i < n && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1)));
    }

    public Duration max() {
        return max;
    }
}
