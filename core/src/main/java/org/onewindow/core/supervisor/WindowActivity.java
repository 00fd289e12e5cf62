package org.onewindow.core.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a window did today, beyond its live {@link org.onewindow.core.queue.WindowState}.
 *
 * @param windowId       e.g. W3
 * @param lastActivityAt the last queue change made at this window, or null when it did nothing today
 * @param served         tickets it served today
 * @param averageService mean service time at this window today
 */
public record WindowActivity(String windowId, Instant lastActivityAt, int served, Duration averageService) {
    public WindowActivity {
        Objects.requireNonNull(windowId, "windowId");
        Objects.requireNonNull(averageService, "averageService");
    }
}
