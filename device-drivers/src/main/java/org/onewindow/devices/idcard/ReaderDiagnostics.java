package org.onewindow.devices.idcard;

import com.fazecast.jSerialComm.SerialPort;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onewindow.devices.idcard.jna.NativeLibraryFile;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.protocol.BaudRate;

/**
 * What {@code onewindow diag} shows about ID-card readers: the serial ports the system lists, a probe of
 * each port at each rate, the reader found with its SAM ID, and the photo decoder's state. Plain text
 * for the clerk to read out to IT; no citizen data involved.
 */
public final class ReaderDiagnostics {
    private final ReaderAutoDetector detector;
    private final boolean probeListedPorts;

    /** Probes every port the system lists plus the extra ones given to {@link #run}. */
    public ReaderDiagnostics() {
        this(new ReaderAutoDetector(), true);
    }

    /** {@code probeListedPorts} false: list the system's ports but probe only the extra ones (tests). */
    public ReaderDiagnostics(ReaderAutoDetector detector, boolean probeListedPorts) {
        this.detector = detector;
        this.probeListedPorts = probeListedPorts;
    }

    /** Runs the probes and writes the report; returns the reader found, if any. */
    public Optional<ReaderAutoDetector.Detection> run(PrintStream out, List<String> extraPorts, PhotoDecoder photo) {
        out.println("Java runtime: " + NativeLibraryFile.jvmBits() + "-bit " + NativeLibraryFile.jvmCpu()
                + " (vendor libraries must match)");
        SerialPort[] listed = SerialPort.getCommPorts();
        out.println("Serial ports listed by the system: " + listed.length);
        for (SerialPort port : listed) {
            out.println("  " + port.getSystemPortPath() + "  " + port.getPortDescription());
        }
        List<String> ports = probeListedPorts ? ReaderAutoDetector.candidatePorts(extraPorts) : extraPorts;
        List<ReaderAutoDetector.Probe> probes = new ArrayList<>();
        Optional<ReaderAutoDetector.Detection> found = detector.detect(ports, BaudRate.detectionOrder(), probes);
        out.println("Probes:");
        for (ReaderAutoDetector.Probe probe : probes) {
            out.println("  " + probe.port() + " @" + probe.baud() + ": " + probe.outcome());
        }
        if (found.isPresent()) {
            ReaderAutoDetector.Detection d = found.get();
            out.println("ID-card reader: " + d.port() + " at " + d.baud() + " baud, SAM ID " + d.samId());
        } else {
            out.println("ID-card reader: none found (check the cable, the port permissions - group dialout on "
                    + "Linux - or the COM port driver on Windows)");
        }
        out.println("Photo decoder: " + photo.describe());
        return found;
    }
}
