package org.onewindow.core.supervisor;

import java.time.Instant;
import java.util.Objects;

/**
 * A threshold crossed in the hall. Times are in seconds, queue lengths in tickets.
 *
 * @param id             back-end key (0 before it is recorded)
 * @param kind           which threshold
 * @param category       the category concerned
 * @param windowId       the window concerned (service time), or null
 * @param value          the measured value when raised
 * @param threshold      the configured limit
 * @param raisedAt       when it was raised
 * @param acknowledgedAt when a supervisor acknowledged it, or null
 * @param acknowledgedBy who acknowledged it, or null
 */
public record HallAlert(long id, Kind kind, String category, String windowId, long value, long threshold,
                        Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy) {
    public enum Kind { WAIT_TIME, SERVICE_TIME, QUEUE_LENGTH }

    public HallAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    public static HallAlert raised(Kind kind, String category, String windowId, long value, long threshold, Instant at) {
        return new HallAlert(0, kind, category, windowId, value, threshold, at, null, null);
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** What the alert is about: the same key is raised once until the condition clears. */
    public String key() {
        return kind + "/" + category + "/" + (windowId == null ? "" : windowId);
    }
}
