package org.onewindow.client.supervisor;

import java.time.Duration;
import java.util.Objects;

/**
 * When a category needs the supervisor: a citizen waiting longer than {@code maxWait}, a service at a
 * window running longer than {@code maxService}, or more than {@code maxQueue} tickets waiting.
 */
public record AlertThresholds(Duration maxWait, Duration maxService, int maxQueue) {
    /** Defaults a hall starts from (a 30-minute wait is the usual service promise). */
    public static final AlertThresholds DEFAULT = new AlertThresholds(Duration.ofMinutes(30), Duration.ofMinutes(20), 15);

    public AlertThresholds {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(maxService, "maxService");
        if (maxWait.isNegative() || maxWait.isZero() || maxService.isNegative() || maxService.isZero() || maxQueue < 1) {
            throw new IllegalArgumentException("thresholds must be positive");
        }
    }
}
