package org.onewindow.devices.idcard;

import java.nio.file.Path;
import java.util.List;

/**
 * How the client reaches its ID-card reader, as the provisioning file states it.
 *
 * @param mode               which implementation
 * @param port               SERIAL: the port ("/dev/ttyUSB0", "COM3", "/dev/idreader")
 * @param baud               SERIAL: the line rate (115200 unless the module was set otherwise)
 * @param extraPorts         AUTO_DETECT: ports to try besides those the system lists (udev aliases, ptys)
 * @param probeListedPorts   AUTO_DETECT: also try every port the system lists
 * @param sdkLibrary         SDTAPI / TERMB: the vendor library
 * @param sdkPort            SDTAPI / TERMB: the vendor's port number (1001-1016 USB, 1-16 serial)
 * @param termbOutputDirectory TERMB: where Read_Content writes wz.txt and zp.wlt (null: beside the library)
 * @param photoDecoderLibrary the licensed WLT decoder (null: photo decoder not installed)
 */
public record IdReaderConfig(Mode mode, String port, int baud, List<String> extraPorts, boolean probeListedPorts,
                             Path sdkLibrary, int sdkPort, Path termbOutputDirectory, Path photoDecoderLibrary) {

    public enum Mode {
        /** The demo: the simulator in-process, cards presented through a {@code SimulatedCardSlot}. */
        SIMULATOR,
        /** The pure-Java driver on a configured port. */
        SERIAL,
        /** The pure-Java driver on whatever port and rate answers; detected again after a replug. */
        AUTO_DETECT,
        /** The vendor-SDK bridge, sdtapi style. */
        SDTAPI,
        /** The vendor-SDK bridge, termb style. */
        TERMB
    }

    public IdReaderConfig {
        extraPorts = extraPorts == null ? List.of() : List.copyOf(extraPorts);
    }

    public static IdReaderConfig simulator() {
        return new IdReaderConfig(Mode.SIMULATOR, null, 115_200, List.of(), false, null, 0, null, null);
    }

    public static IdReaderConfig serial(String port, int baud) {
        return new IdReaderConfig(Mode.SERIAL, port, baud, List.of(), false, null, 0, null, null);
    }

    public static IdReaderConfig autoDetect(List<String> extraPorts, boolean probeListedPorts) {
        return new IdReaderConfig(Mode.AUTO_DETECT, null, 115_200, extraPorts, probeListedPorts, null, 0, null, null);
    }

    public IdReaderConfig withPhotoDecoder(Path library) {
        return new IdReaderConfig(mode, port, baud, extraPorts, probeListedPorts, sdkLibrary, sdkPort,
                termbOutputDirectory, library);
    }
}
