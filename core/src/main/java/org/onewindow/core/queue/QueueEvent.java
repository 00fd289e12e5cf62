package org.onewindow.core.queue;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A change in the hall's queue, pushed by the back-end. Each event carries the waiting counts after the
 * change, so windows and display boards stay current without asking again.
 *
 * @param seq              increasing number of the event in the back-end (0 for client-made events)
 * @param type             what happened
 * @param at               when
 * @param windowId         the window concerned, or null
 * @param ticket           the ticket concerned after the change, or null
 * @param waitingByCategory waiting tickets per category code (not counting window-targeted ones)
 * @param waitingByWindow  waiting tickets transferred to a specific window, per window id (absent = 0)
 */
public record QueueEvent(long seq, Type type, Instant at, String windowId, Ticket ticket,
                         Map<String, Integer> waitingByCategory, Map<String, Integer> waitingByWindow) {
    public enum Type {
        TICKET_ISSUED, TICKET_CALLED, TICKET_RECALLED, TICKET_TRANSFERRED, TICKET_NO_SHOW, TICKET_PARKED,
        TICKET_RESUMED, TICKET_DONE, WINDOW_PAUSED, WINDOW_RESUMED, WINDOW_CHANGED,
        /**
         * Made by the client, not the back-end: the event stream (re)connected and events may have been
         * missed; listeners should reload what they show.
         */
        RESYNC
    }

    public QueueEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        waitingByCategory = Map.copyOf(waitingByCategory);
        waitingByWindow = Map.copyOf(waitingByWindow);
    }

    /** Tickets that {@code window} could call after this event. */
    public int waitingFor(String windowId, java.util.Set<String> categories) {
        int n = waitingByWindow.getOrDefault(windowId, 0);
        for (String c : categories) {
            n += waitingByCategory.getOrDefault(c, 0);
        }
        return n;
    }

    public static QueueEvent resync(Instant at) {
        return new QueueEvent(0, Type.RESYNC, at, null, null, Map.of(), Map.of());
    }
}
