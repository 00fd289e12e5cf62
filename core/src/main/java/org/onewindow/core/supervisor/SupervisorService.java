package org.onewindow.core.supervisor;

import java.time.LocalDate;
import java.util.List;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.queue.Ticket;
import org.onewindow.core.queue.WindowState;
import org.onewindow.core.rating.ServiceRating;

/**
 * What a hall supervisor asks of the back-end beyond the queue itself: the day's figures, audited actions,
 * recorded alerts and ratings. Every action is audited by the back-end under the signed-in supervisor.
 * All calls block on the network: never on the UI thread.
 */
public interface SupervisorService {
    HallStats hallStats(LocalDate day) throws BackendException;

    List<AuditRecord> audit(LocalDate day) throws BackendException;

    /** Changes the categories a window serves (audited). */
    WindowState setWindowCategories(String windowId, List<String> categoryCodes) throws BackendException;

    /** Stops a window calling tickets, leaving its clerk's name and current ticket alone (audited). */
    WindowState pauseWindow(String windowId) throws BackendException;

    WindowState resumeWindow(String windowId) throws BackendException;

    /**
     * Moves the {@code count} longest-waiting tickets of one category to another; they keep their issue time,
     * so they are not pushed back (audited). Answers the moved tickets.
     */
    List<Ticket> moveWaitingTickets(String fromCategory, String toCategory, int count) throws BackendException;

    /** Records a raised alert; answers it with its id. */
    HallAlert recordAlert(HallAlert alert) throws BackendException;

    /** Marks an alert acknowledged by the signed-in supervisor (audited). */
    HallAlert acknowledgeAlert(long alertId) throws BackendException;

    List<HallAlert> alerts(LocalDate day) throws BackendException;

    /** Records a citizen's 好差评 for a served ticket (the citizen display's call). */
    void recordRating(long ticketId, ServiceRating rating) throws BackendException;
}
