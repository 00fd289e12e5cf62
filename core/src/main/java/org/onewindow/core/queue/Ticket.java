package org.onewindow.core.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A queue ticket. Tickets carry no citizen data: the number is what the hall displays and announces.
 *
 * @param id             back-end key
 * @param number         what the citizen holds, e.g. A012
 * @param category       code of the category it waits in (changes on a transfer)
 * @param priority       why it may jump the queue
 * @param state          where it is in its life
 * @param issuedAt       when it was taken (waiting time counts from here, also across transfers)
 * @param calledAt       when it was last called, or null
 * @param windowId       the window that called or parked it, or null
 * @param targetWindowId the only window that may call it (after a transfer to a window), or null
 * @param recallCount    how often it was announced again
 */
public record Ticket(long id, String number, String category, PriorityClass priority, TicketState state,
                     Instant issuedAt, Instant calledAt, String windowId, String targetWindowId, int recallCount) {
    public Ticket {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /** How long the citizen waited before being called, or has been waiting until {@code now}. */
    public Duration waited(Instant now) {
        Instant end = calledAt != null ? calledAt : now;
        return end.isBefore(issuedAt) ? Duration.ZERO : Duration.between(issuedAt, end);
    }
}
