package org.onewindow.devices.idcard.link;

import java.util.concurrent.atomic.AtomicInteger;
import org.onewindow.core.device.DeviceException;

/**
 * One end of an in-memory wire: the demo and unit tests connect the real driver to the simulator with it.
 * Like a UART, when the two ends disagree on the baud rate the receiver gets garbage, not silence, so
 * baud-rate detection can be exercised without hardware.
 */
public final class InMemoryLink implements ByteLink {
    private static final int PIPE_CAPACITY = 64 * 1024;
    private static final long WRITE_TIMEOUT_MILLIS = 2_000;

    private final String name;
    private final BytePipe incoming;
    private final BytePipe outgoing;
    private final AtomicInteger baud;
    private InMemoryLink peer;

    private InMemoryLink(String name, BytePipe incoming, BytePipe outgoing, int baud) {
        this.name = name;
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.baud = new AtomicInteger(baud);
    }

    /** Two connected ends, both at {@code baud}: element 0 for the host, 1 for the device. */
    public static InMemoryLink[] pair(String name, int baud) {
        BytePipe toDevice = new BytePipe(PIPE_CAPACITY);
        BytePipe toHost = new BytePipe(PIPE_CAPACITY);
        InMemoryLink host = new InMemoryLink(name + " (host end)", toHost, toDevice, baud);
        InMemoryLink device = new InMemoryLink(name + " (device end)", toDevice, toHost, baud);
        host.peer = device;
        device.peer = host;
        return new InMemoryLink[] {host, device};
    }

    @Override
    public String describe() {
        return "in-memory " + name + " @" + baud.get();
    }

    @Override
    public void write(byte[] bytes) throws DeviceException {
        byte[] sent = baud.get() == peer.baud.get() ? bytes : garble(bytes);
        try {
            if (!outgoing.write(sent, 0, sent.length, WRITE_TIMEOUT_MILLIS)) {
                throw new DeviceException(DeviceException.Kind.IO, describe() + ": the other end is gone");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceException.Kind.IO, "interrupted while writing to " + describe(), e);
        }
    }

    /**
     * The acknowledgement is encoded at the old rate and this end switches before it is handed over: the host
     * cannot read it, switch and send its next command while this end still listens at the old rate.
     */
    @Override
    public void writeThenSetBaudRate(byte[] bytes, int bitsPerSecond) throws DeviceException {
        byte[] sent = baud.get() == peer.baud.get() ? bytes : garble(bytes);
        baud.set(bitsPerSecond);
        try {
            if (!outgoing.write(sent, 0, sent.length, WRITE_TIMEOUT_MILLIS)) {
                throw new DeviceException(DeviceException.Kind.IO, describe() + ": the other end is gone");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceException.Kind.IO, "interrupted while writing to " + describe(), e);
        }
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) throws DeviceException {
        try {
            int n = incoming.read(buffer, timeoutMillis);
            if (n < 0) {
                throw new DeviceException(DeviceException.Kind.IO, describe() + ": the other end closed the link");
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceException.Kind.IO, "interrupted while reading from " + describe(), e);
        }
    }

    @Override
    public void discardInput() {
        incoming.clear();
    }

    @Override
    public int baudRate() {
        return baud.get();
    }

    @Override
    public void setBaudRate(int bitsPerSecond) {
        baud.set(bitsPerSecond);
    }

    public boolean isClosed() {
        return outgoing.isClosed();
    }

    @Override
    public void close() {
        incoming.close();
        outgoing.close();
    }

    /** What a receiver at the wrong rate sees: framing errors, roughly one garbage byte per two sent. */
    private static byte[] garble(byte[] bytes) {
        byte[] out = new byte[(bytes.length + 1) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (bytes[i * 2] ^ 0x5A ^ i);
        }
        return out;
    }
}
