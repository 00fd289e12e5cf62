package org.onewindow.core.queue;

/** Where a ticket is in its life. DONE and NO_SHOW are final. */
public enum TicketState {
    /** In the queue of its category (or of the window it was transferred to). */
    WAITING,
    /** Called to a window and being served there; a window holds at most one. */
    CALLED,
    /** Put aside by a window (citizen fetching a document); only that window resumes it. */
    PARKED,
    /** Served. */
    DONE,
    /** Called but the citizen did not come (过号). */
    NO_SHOW;

    public boolean isFinal() {
        return this == DONE || this == NO_SHOW;
    }
}
