package org.onewindow.core.queue;

/**
 * Receives queue events on the event-stream thread. Implementations must return quickly and never block
 * (hand over to the UI through the view model's seam); an exception is logged and the stream goes on.
 */
@FunctionalInterface
public interface QueueListener {
    void onEvent(QueueEvent event);

    /** The stream lost its connection and is reconnecting; a RESYNC event follows when it is back. */
    default void onDisconnected(Exception cause) {
    }
}
