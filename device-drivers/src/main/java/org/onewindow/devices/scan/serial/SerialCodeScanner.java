package org.onewindow.devices.scan.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.onewindow.core.device.CodeScanner;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.ScanEvent;
import org.onewindow.core.device.Symbology;
import org.onewindow.devices.scan.AimIdentifier;
import org.onewindow.devices.scan.ScanText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scanner on a serial port (USB-CDC / virtual COM / RS-232) read with jSerialComm on its own thread.
 * Codes end at the configured terminator or after a pause; payloads are delivered as bytes, never parsed
 * beyond the optional AIM identifier. If the port goes away (cable pulled) the thread reopens it every
 * second until {@link #close()}.
 */
public final class SerialCodeScanner implements CodeScanner {

    private static final Logger LOG = LoggerFactory.getLogger(SerialCodeScanner.class);
    private static final int READ_POLL_MS = 20;

    private final SerialScannerSettings settings;
    private final Clock clock;
    private volatile boolean running;
    private volatile SerialPort port;
    private Thread reader;

    public SerialCodeScanner(SerialScannerSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    public SerialCodeScanner(SerialScannerSettings settings) {
        this(settings, Clock.systemUTC());
    }

    @Override
    public String name() {
        return "serial:" + settings.portName();
    }

    @Override
    public synchronized void start(Consumer<ScanEvent> sink) throws DeviceException {
        if (running) {
            throw new IllegalStateException(name() + " already started");
        }
        port = open();
        running = true;
        reader = new Thread(() -> readLoop(sink), "scanner-" + name());
        reader.setDaemon(true);
        reader.start();
    }

    private SerialPort open() throws DeviceException {
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(settings.portName());
        } catch (RuntimeException e) {
            throw new DeviceException(DeviceException.Kind.NOT_CONNECTED, "no serial port " + settings.portName(), e);
        }
        candidate.setComPortParameters(settings.baudRate(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_POLL_MS, 0);
        // trust openPort()'s result: getLastErrorCode() may report ENOTTY on ptys after a good open
        if (!candidate.openPort()) {
            throw new DeviceException(DeviceException.Kind.NOT_CONNECTED,
                    "cannot open " + settings.portName() + " (error " + candidate.getLastErrorCode() + ")");
        }
        return candidate;
    }

    private void readLoop(Consumer<ScanEvent> sink) {
        TerminatorFramer framer = new TerminatorFramer(settings.terminator(), settings.maxFrameBytes());
        byte[] buffer = new byte[4096];
        long idleFlushNanos = settings.idleFlush().toNanos();
        long lastByteNanos = System.nanoTime();
        while (running) {
            SerialPort current = port;
            int n = current == null ? -1 : current.readBytes(buffer, buffer.length);
            if (n < 0) {
                if (running) {
                    deliver(framer.flush(), sink);
                    reopenAfterFailure();
                }
                continue;
            }
            long now = System.nanoTime();
            if (n > 0) {
                lastByteNanos = now;
                deliver(framer.feed(buffer, 0, n), sink);
            } else if (framer.hasPartialFrame() && now - lastByteNanos >= idleFlushNanos) {
                deliver(framer.flush(), sink);
            }
        }
    }

    private void deliver(List<byte[]> frames, Consumer<ScanEvent> sink) {
        for (byte[] frame : frames) {
            try {
                AimIdentifier.Split split = settings.aimIds()
                        ? AimIdentifier.split(frame)
                        : new AimIdentifier.Split(Symbology.UNKNOWN, frame);
                byte[] body = split.body();
                sink.accept(new ScanEvent(body, ScanText.bestEffortText(body), split.symbology(), name(), clock.instant()));
            } catch (RuntimeException e) {
                LOG.error("scan sink failed on a frame from {}", name(), e);
            }
        }
    }

    private void reopenAfterFailure() {
        LOG.warn("{} read failed; reopening", name());
        SerialPort broken = port;
        port = null;
        if (broken != null) {
            broken.closePort();
        }
        while (running) {
            try {
                Thread.sleep(1000);
                port = open();
                LOG.info("{} reopened", name());
                return;
            } catch (DeviceException e) {
                LOG.debug("{} still unavailable: {}", name(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        Thread t = reader;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SerialPort p = port;
        if (p != null) {
            p.closePort();
        }
        port = null;
        reader = null;
    }
}
