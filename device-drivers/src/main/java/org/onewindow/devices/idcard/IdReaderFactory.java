package org.onewindow.devices.idcard;

import java.util.List;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.DeviceException.Kind;
import org.onewindow.core.device.IdReader;
import org.onewindow.devices.idcard.link.SerialPortLink;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.photo.WltLibraryPhotoDecoder;
import org.onewindow.devices.idcard.protocol.BaudRate;
import org.onewindow.devices.idcard.sdk.VendorSdkIdReader;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatedIdReaders;

/**
 * Builds the configured {@link IdReader} for the composition root. Nothing here touches a device: ports
 * open (and auto-detection probes) on the first call to the reader, which belongs on a device thread
 * such as the {@link CardPresenceWatcher}'s.
 */
public final class IdReaderFactory {
    private IdReaderFactory() {
    }

    /**
     * The reader {@code config} describes. {@code demoSlot} is the slot the demo presents cards through
     * (used in SIMULATOR mode only). Vendor libraries are checked (file, bitness) here: a wrong one fails
     * at once with a typed error.
     */
    public static IdReader create(IdReaderConfig config, SimulatedCardSlot demoSlot) throws DeviceException {
        PhotoDecoder photo = WltLibraryPhotoDecoder.load(config.photoDecoderLibrary());
        return switch (config.mode()) {
            case SIMULATOR -> SimulatedIdReaders.inProcess(demoSlot);
            case SERIAL -> ProtocolIdReader.serial(config.port(), config.baud(), ReaderSettings.defaults(), photo);
            case AUTO_DETECT -> autoDetecting(config, new ReaderAutoDetector(), photo);
            case SDTAPI -> VendorSdkIdReader.sdtapi(config.sdkLibrary(), config.sdkPort(), photo);
            case TERMB -> VendorSdkIdReader.termb(config.sdkLibrary(), config.sdkPort(), config.termbOutputDirectory(),
                    photo);
        };
    }

    /**
     * The pure-Java driver on whichever port and rate a reader answers. Detection runs on each (re)connect,
     * so a reader that comes back on another port after a replug (ttyUSB0 becoming ttyUSB1) is found.
     */
    public static ProtocolIdReader autoDetecting(IdReaderConfig config, ReaderAutoDetector detector,
                                                 PhotoDecoder photo) {
        return new ProtocolIdReader("auto-detected reader", () -> {
            List<String> ports = config.probeListedPorts()
                    ? ReaderAutoDetector.candidatePorts(config.extraPorts()) : config.extraPorts();
            ReaderAutoDetector.Detection found = detector.detect(ports, BaudRate.detectionOrder())
                    .orElseThrow(() -> new DeviceException(Kind.NOT_CONNECTED, "no ID-card reader answered on "
                            + (ports.isEmpty() ? "any port" : String.join(", ", ports))));
            return SerialPortLink.open(found.port(), found.baud());
        }, ReaderSettings.defaults(), photo);
    }
}
