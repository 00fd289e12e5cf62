package org.onewindow.core.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One queue category's day so far.
 *
 * @param code               category code, e.g. SB
 * @param name               display name, e.g. 社保
 * @param waiting            tickets waiting now (including those transferred to one window)
 * @param oldestWaitingSince issue time of the longest-waiting ticket, or null when nobody waits
 * @param averageWait        mean wait of the tickets called today (zero when none)
 * @param averageService     mean service time of the tickets served today (zero when none)
 * @param served             tickets served today
 * @param noShows            tickets called today whose citizen did not come
 * @param issued             tickets issued today
 */
public record CategoryStats(String code, String name, int waiting, Instant oldestWaitingSince, Duration averageWait,
                            Duration averageService, int served, int noShows, int issued) {
    public CategoryStats {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(averageWait, "averageWait");
        Objects.requireNonNull(averageService, "averageService");
    }

    /** How long the longest-waiting ticket has waited at {@code now}. */
    public Duration longestWait(Instant now) {
        if (oldestWaitingSince == null || now.isBefore(oldestWaitingSince)) {
            return Duration.ZERO;
        }
        return Duration.between(oldestWaitingSince, now);
    }
}
