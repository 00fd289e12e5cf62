package org.onewindow.core.device;

import org.onewindow.core.identity.IdCard;

/**
 * Events from a card-presence watcher. Called on a device thread: implementations must be fast and
 * never block (hand over to the UI through the view model's seam).
 */
public interface IdReaderListener {
    void cardRead(IdCard card);

    void readFailed(DeviceException error);

    /**
     * A new card is in the field and its read starts now ({@link #cardRead} or {@link #readFailed} follows):
     * the moment to show "reading the card...". There is no matching "removed" event: once a card is
     * read, security modules cannot tell whether it still lies on the reader.
     */
    default void cardPresented(String readerName) {
    }

    default void readerConnected(String readerName) {
    }

    default void readerLost(DeviceException error) {
    }
}
