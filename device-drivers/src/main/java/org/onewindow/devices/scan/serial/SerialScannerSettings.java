package org.onewindow.devices.scan.serial;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A serial (RS-232, USB-CDC, virtual COM) scanner.
 *
 * @param portName    e.g. {@code /dev/ttyACM0} or {@code COM3}
 * @param baudRate    as set on the scanner; 9600 is the common factory default
 * @param terminator  bytes the scanner sends after each code (CR by default); empty = codes end by pause
 * @param idleFlush   a partial code with no new byte for this long is delivered as it is (scanners set to
 *                    no suffix, or a lost terminator)
 * @param maxFrameBytes longer frames are delivered in pieces of this size rather than growing without bound
 * @param aimIds      whether the scanner prefixes AIM symbology identifiers ("]Q1") that should be parsed
 */
public record SerialScannerSettings(String portName, int baudRate, byte[] terminator, Duration idleFlush,
        int maxFrameBytes, boolean aimIds) {

    public SerialScannerSettings {
        if (portName == null || portName.isBlank() || baudRate <= 0 || maxFrameBytes < 1
                || idleFlush.isNegative() || idleFlush.isZero()) {
            throw new IllegalArgumentException("port name, positive baud rate, idle flush and frame size required");
        }
        terminator = terminator == null ? new byte[0] : terminator.clone();
    }

    /** 9600 baud, CR terminator (CR LF also works: line ends around a code are dropped), 300 ms idle flush. */
    public static SerialScannerSettings of(String portName) {
        return new SerialScannerSettings(portName, 9600, new byte[] {'\r'}, Duration.ofMillis(300), 64 * 1024, false);
    }

    public SerialScannerSettings withBaudRate(int bitsPerSecond) {
        return new SerialScannerSettings(portName, bitsPerSecond, terminator, idleFlush, maxFrameBytes, aimIds);
    }

    public SerialScannerSettings withTerminator(String newTerminator) {
        return new SerialScannerSettings(portName, baudRate, newTerminator.getBytes(StandardCharsets.ISO_8859_1),
                idleFlush, maxFrameBytes, aimIds);
    }

    public SerialScannerSettings withIdleFlush(Duration newIdleFlush) {
        return new SerialScannerSettings(portName, baudRate, terminator, newIdleFlush, maxFrameBytes, aimIds);
    }

    public SerialScannerSettings withAimIds(boolean parseAimIds) {
        return new SerialScannerSettings(portName, baudRate, terminator, idleFlush, maxFrameBytes, parseAimIds);
    }

    @Override
    public byte[] terminator() {
        return terminator.clone();
    }
}
