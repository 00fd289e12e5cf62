package org.onewindow.devices.idcard;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onewindow.core.device.DeviceException;
import org.onewindow.devices.idcard.link.ByteLink;
import org.onewindow.devices.idcard.link.SerialPortLink;
import org.onewindow.devices.idcard.protocol.BaudRate;
import org.onewindow.devices.idcard.protocol.FrameChannel;
import org.onewindow.devices.idcard.protocol.ReaderCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a reader: tries each port at each baud rate (fastest first) with the harmless SAM-status command
 * and keeps the first that answers with a valid frame, then reads its SAM ID. A port held by another
 * program, a silent port, or a device that answers garbage only costs one short timeout per rate.
 */
public final class ReaderAutoDetector {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderAutoDetector.class);
    public static final int DEFAULT_PROBE_TIMEOUT_MILLIS = 300;

    /** Opens a port at a rate: jSerialComm in production, in-memory wires in tests. */
    @FunctionalInterface
    public interface PortOpener {
        ByteLink open(String port, int baud) throws DeviceException;
    }

    /** A reader found: where, how fast, and the module's ID. */
    public record Detection(String port, int baud, String samId) {
    }

    /** One probe's outcome for the diagnostics report. */
    public record Probe(String port, int baud, boolean found, String outcome) {
    }

    private final PortOpener opener;
    private final int probeTimeoutMillis;

    public ReaderAutoDetector() {
        this(SerialPortLink::open, DEFAULT_PROBE_TIMEOUT_MILLIS);
    }

    public ReaderAutoDetector(PortOpener opener, int probeTimeoutMillis) {
        this.opener = opener;
        this.probeTimeoutMillis = probeTimeoutMillis;
    }

    /**
     * The serial ports the operating system lists (USB-serial, CDC, COM ports), then {@code extraPorts}
     * (paths the OS does not list, such as pseudo-terminals or udev aliases like /dev/idreader).
     */
    public static List<String> candidatePorts(List<String> extraPorts) {
        Set<String> ports = new LinkedHashSet<>();
        for (SerialPort port : SerialPort.getCommPorts()) {
            ports.add(port.getSystemPortPath());
        }
        ports.addAll(extraPorts);
        return new ArrayList<>(ports);
    }

    /** The first reader on {@code ports} at any of {@code rates}. */
    public Optional<Detection> detect(List<String> ports, List<BaudRate> rates) {
        List<Probe> ignored = new ArrayList<>();
        return detect(ports, rates, ignored);
    }

    /** As {@link #detect(List, List)}, recording every probe for the diagnostics report. */
    public Optional<Detection> detect(List<String> ports, List<BaudRate> rates, List<Probe> probes) {
        for (String port : ports) {
            for (BaudRate rate : rates) {
                Optional<Detection> found = probe(port, rate.bitsPerSecond(), probes);
                if (found.isPresent()) {
                    return found;
                }
                if (!probes.isEmpty() && probes.get(probes.size() - 1).outcome().startsWith("cannot open")) {
                    break; // a port that does not open will not open at another rate either
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Detection> probe(String port, int baud, List<Probe> probes) {
        ByteLink link;
        try {
            link = opener.open(port, baud);
        } catch (DeviceException e) {
            probes.add(new Probe(port, baud, false, "cannot open: " + e.getMessage()));
            return Optional.empty();
        }
        try {
            ReaderCommands commands = new ReaderCommands(new FrameChannel(link, 50), probeTimeoutMillis,
                    probeTimeoutMillis, 0);
            commands.samStatus();
            String samId = commands.samId();
            probes.add(new Probe(port, baud, true, "ID-card reader, SAM " + samId));
            LOG.info("ID-card reader found on {} at {} baud", port, baud);
            return Optional.of(new Detection(port, baud, samId));
        } catch (DeviceException e) {
            probes.add(new Probe(port, baud, false, e.kind() + ": " + e.getMessage()));
            return Optional.empty();
        } finally {
            link.close();
        }
    }
}
