package org.onewindow.core.device;

import org.onewindow.core.identity.IdCard;

/**
 * Events from a card-presence watcher. Called on a device thread: implementations must be fast and
 * never block (hand over to the UI through the view model's seam).
 */
public interface IdReaderListener {
    void cardRead(IdCard card);

    void readFailed(DeviceException error);

    default void readerConnected(String readerName) {
    }

    default void readerLost(DeviceException error) {
    }
}
