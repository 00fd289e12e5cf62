package org.onewindow.client.provisioning;

import java.util.Optional;

/**
 * A device as the provisioning file names it: {@code none}, {@code simulated}, {@code keyboard},
 * {@code serial:/dev/ttyUSB0}, {@code system:<camera name>} or {@code pcsc[:<reader name>]}.
 */
public record DeviceSetting(Kind kind, String port) {
    public enum Kind { NONE, SIMULATED, KEYBOARD, SERIAL, SYSTEM, PCSC }

    public static final DeviceSetting NONE = new DeviceSetting(Kind.NONE, null);
    public static final DeviceSetting SIMULATED = new DeviceSetting(Kind.SIMULATED, null);

    public Optional<String> serialPort() {
        return kind == Kind.SERIAL ? Optional.of(port) : Optional.empty();
    }

    /** The text form, as written back into the file. */
    public String text() {
        return switch (kind) {
            case NONE -> "none";
            case SIMULATED -> "simulated";
            case KEYBOARD -> "keyboard";
            case SERIAL -> "serial:" + port;
            case SYSTEM -> "system:" + port;
            case PCSC -> port == null ? "pcsc" : "pcsc:" + port;
        };
    }
}
