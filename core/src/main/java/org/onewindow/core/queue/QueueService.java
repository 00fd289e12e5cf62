package org.onewindow.core.queue;

import java.util.List;
import org.onewindow.core.backend.BackendException;

/**
 * The hall's queue as a window (and a kiosk) sees it. Window operations answer with the window's state
 * after the change. All calls but {@link #subscribe} block on the network: never call them on the UI
 * thread. Rejections (nothing to recall, window paused, ticket taken by another window) are
 * {@link BackendException.Kind#REJECTED}.
 */
public interface QueueService {
    List<ServiceCategory> categories() throws BackendException;

    List<WindowState> windows() throws BackendException;

    WindowState window(String windowId) throws BackendException;

    /**
     * Calls the next ticket by rule (priority rank, then waiting time) among the window's categories and
     * tickets transferred to it; the ticket the window was serving is closed as served. The answer's
     * {@code current} is null when nobody waits. No ticket is ever handed to two windows.
     */
    WindowState callNext(String windowId) throws BackendException;

    /** Announces the current ticket again. */
    WindowState recall(String windowId) throws BackendException;

    /** Sends the current ticket to another category or window; it keeps its place by issue time. */
    WindowState transfer(String windowId, TransferTarget target) throws BackendException;

    /** The citizen of the current ticket did not come (过号). */
    WindowState noShow(String windowId) throws BackendException;

    /** Puts the current ticket aside, e.g. while the citizen fetches a document. */
    WindowState park(String windowId) throws BackendException;

    /** Serves a ticket this window parked again; the ticket it was serving is closed as served. */
    WindowState resumeParked(String windowId, long ticketId) throws BackendException;

    /** Closes the current ticket as served. */
    WindowState finish(String windowId) throws BackendException;

    WindowState pause(String windowId) throws BackendException;

    WindowState resume(String windowId) throws BackendException;

    /** Tickets the window could call now. */
    int waitingCount(String windowId) throws BackendException;

    /** Issues a ticket (the kiosk's button). */
    Ticket issueTicket(String categoryCode, PriorityClass priority) throws BackendException;

    /** An appointment joins its category's queue when the citizen checks in. */
    Ticket checkIn(String appointmentCode) throws BackendException;

    /**
     * Starts receiving pushed queue events on a thread of the implementation; the stream reconnects on
     * its own after failures. Close the subscription to stop.
     */
    Subscription subscribe(QueueListener listener);

    /** A live event subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
