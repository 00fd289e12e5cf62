package org.onewindow.devices.idcard.link;

import org.onewindow.core.device.DeviceException;

/**
 * A byte pipe to a device: a serial port, or an in-memory wire to the simulator. The protocol layers
 * above frame on it and never see the vendor library.
 */
public interface ByteLink extends AutoCloseable {

    /** For logs and diagnostics: "/dev/ttyUSB0 @115200". */
    String describe();

    /** Writes all bytes or fails with {@link DeviceException.Kind#IO} when the device is gone. */
    void write(byte[] bytes) throws DeviceException;

    /**
     * Reads what is available into {@code buffer}, waiting at most {@code timeoutMillis} for the first
     * byte. Returns the count, 0 on timeout; fails with IO when the device is gone.
     */
    int read(byte[] buffer, int timeoutMillis) throws DeviceException;

    /** Throws away bytes already received and not read (stale answers, noise). */
    void discardInput() throws DeviceException;

    /** The line rate in bits per second, for timeouts and wire-time estimates. */
    int baudRate();

    /** Switches the local line rate (after the module was told to change with command 60 xx). */
    void setBaudRate(int bitsPerSecond) throws DeviceException;

    /**
     * Sends the last bytes at the current rate, then switches: what a module does after acknowledging a rate
     * change. A UART switches within microseconds of its last stop bit, before the host can answer; links
     * where the peer could act in between override this to make the two steps one.
     */
    default void writeThenSetBaudRate(byte[] bytes, int bitsPerSecond) throws DeviceException {
        write(bytes);
        setBaudRate(bitsPerSecond);
    }

    @Override
    void close();
}
