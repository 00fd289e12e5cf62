package org.onewindow.devices.idcard.link;

import com.fazecast.jSerialComm.SerialPort;
import org.onewindow.core.device.DeviceException;

/**
 * A serial port through jSerialComm, 8N1, no flow control. Works the same on USB-serial adapters, USB
 * CDC modules, Windows COM ports and pseudo-terminals (the tests use a socat pty pair).
 */
public final class SerialPortLink implements ByteLink {
    /** Each native read waits at most this long, so timeouts stay accurate and close() is prompt. */
    private static final int READ_SLICE_MILLIS = 20;

    private final SerialPort port;
    private final String path;
    private volatile int baud;

    private SerialPortLink(SerialPort port, String path, int baud) {
        this.port = port;
        this.path = path;
        this.baud = baud;
    }

    /** Opens {@code path} ("/dev/ttyUSB0", "COM3", a pty link) at {@code baud}. */
    public static SerialPortLink open(String path, int baud) throws DeviceException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new DeviceException(DeviceException.Kind.NOT_CONNECTED, "no serial port " + path
                    + " (reader not plugged in, or a wrong port name: 'onewindow diag' lists the ports)", e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_SLICE_MILLIS, 2_000);
        // jSerialComm may report a stale errno (25, ENOTTY on ptys) after a good open: trust the result only.
        if (!port.openPort()) {
            throw new DeviceException(DeviceException.Kind.NOT_CONNECTED, "cannot open serial port " + path
                    + " (unplugged, in use, or no permission: on Linux the user must be in group dialout)");
        }
        return new SerialPortLink(port, path, baud);
    }

    @Override
    public String describe() {
        return "serial " + path + " @" + baud;
    }

    @Override
    public void write(byte[] bytes) throws DeviceException {
        int done = 0;
        while (done < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - done, done);
            if (n <= 0) {
                throw lost("write failed");
            }
            done += n;
        }
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws DeviceException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            int n = port.readBytes(buffer, buffer.length);
            if (n > 0) {
                return n;
            }
            if (n < 0 || !port.isOpen()) {
                throw lost("read failed");
            }
            if (System.nanoTime() >= deadline) {
                return 0;
            }
        }
    }

    /** Drops what had arrived when called, no more: a device that never stops talking cannot hold us here. */
    @Override
    public void discardInput() throws DeviceException {
        int available = port.bytesAvailable();
        if (available < 0) {
            throw lost("port vanished");
        }
        byte[] scratch = new byte[Math.min(available, 64 * 1024)];
        int left = available;
        while (left > 0) {
            int n = port.readBytes(scratch, Math.min(left, scratch.length));
            if (n < 0) {
                throw lost("read failed");
            }
            if (n == 0) {
                return;
            }
            left -= n;
        }
    }

    @Override
    public int baudRate() {
        return baud;
    }

    @Override
    public void setBaudRate(int bitsPerSecond) throws DeviceException {
        if (!port.setBaudRate(bitsPerSecond)) {
            throw lost("cannot set " + bitsPerSecond + " baud");
        }
        baud = bitsPerSecond;
    }

    @Override
    public void close() {
        port.closePort();
    }

    private DeviceException lost(String what) {
        return new DeviceException(DeviceException.Kind.IO, describe() + ": " + what
                + " (device unplugged or port closed, native error " + port.getLastErrorCode() + ")");
    }
}
