package org.onewindow.client.app;

import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.IdReader;
import org.onewindow.core.identity.IdCard;

/** A workstation provisioned without an ID-card reader: every read says so plainly. */
final class NoIdReader implements IdReader {
    @Override
    public String name() {
        return "no reader";
    }

    @Override
    public boolean pollForNewCard() {
        return false;
    }

    @Override
    public IdCard read() throws DeviceException {
        throw new DeviceException(DeviceException.Kind.NOT_CONNECTED, "this workstation is provisioned without an ID reader");
    }

    @Override
    public String samId() throws DeviceException {
        throw new DeviceException(DeviceException.Kind.NOT_CONNECTED, "no ID reader");
    }

    @Override
    public void close() {
        // nothing to release
    }
}
