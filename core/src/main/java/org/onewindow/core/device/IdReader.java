package org.onewindow.core.device;

import org.onewindow.core.identity.IdCard;

/**
 * A resident-ID card reader. Calls block on device I/O: never call them on the UI thread.
 * Implementations: the serial-protocol driver, the vendor-SDK bridge, the simulator.
 */
public interface IdReader extends AutoCloseable {

    /** A human-readable name for diagnostics ("serial /dev/ttyUSB0 @115200", "simulator"). */
    String name();

    /**
     * Looks for a card in the field. Returns true once per presentation: a card that has already been
     * read must leave the field before it counts again, as real security modules behave.
     */
    boolean pollForNewCard() throws DeviceException;

    /** Reads the card now in the field (find, select, read text and photo). */
    IdCard read() throws DeviceException;

    /** The security module's ID, for diagnostics. */
    String samId() throws DeviceException;

    @Override
    void close();
}
