package org.onewindow.devices.idcard.sdk;

import org.onewindow.core.device.DeviceException;
import org.onewindow.devices.idcard.protocol.CardData;

/** The few operations the bridge needs from a vendor library, whatever its C API style. */
interface VendorSdk {
    void open() throws DeviceException;

    /** True when a card not yet read is in the field. */
    boolean findCard() throws DeviceException;

    /** Selects and reads the card found last. */
    CardData read() throws DeviceException;

    String samId() throws DeviceException;

    void close();

    String describe();
}
