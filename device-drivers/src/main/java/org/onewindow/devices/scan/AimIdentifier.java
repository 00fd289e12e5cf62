package org.onewindow.devices.scan;

import java.util.Arrays;
import org.onewindow.core.device.Symbology;

/**
 * AIM symbology identifiers ("]Q1", "]d2", ...) that many scanners can put in front of each code (ISO/IEC
 * 15424). Scanners configured to send them tell us the symbology; without them we say UNKNOWN.
 */
public final class AimIdentifier {

    /** A payload with its identifier taken off. */
    public record Split(Symbology symbology, byte[] body) {
    }

    private AimIdentifier() {
    }

    public static Split split(byte[] data) {
        if (data.length >= 3 && data[0] == ']' && Character.isLetter(data[1]) && isModifier(data[2])) {
            Symbology symbology = symbologyOf((char) data[1]);
            if (symbology != Symbology.UNKNOWN) {
                return new Split(symbology, Arrays.copyOfRange(data, 3, data.length));
            }
        }
        return new Split(Symbology.UNKNOWN, data);
    }

    public static Symbology symbologyOf(char code) {
        return switch (code) {
            case 'Q' -> Symbology.QR_CODE;
            case 'd' -> Symbology.DATA_MATRIX;
            case 'L' -> Symbology.PDF_417;
            case 'z' -> Symbology.AZTEC;
            case 'C' -> Symbology.CODE_128;
            case 'E', 'A', 'F', 'G', 'I', 'X', 'e' -> Symbology.OTHER;
            default -> Symbology.UNKNOWN;
        };
    }

    private static boolean isModifier(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z');
    }
}
