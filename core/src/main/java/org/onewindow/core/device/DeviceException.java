package org.onewindow.core.device;

/**
 * A device failure with a typed reason. {@link Kind#messageKey()} names the clerk-readable text in the
 * client's bundles; {@link #getMessage()} is the technical detail for the log (never citizen data).
 */
public class DeviceException extends Exception {

    /** Reasons every device family shares; drivers add detail in the message. */
    public enum Kind {
        NOT_CONNECTED, TIMEOUT, NO_CARD, CARD_REMOVED, READ_FAILED, WRONG_CARD, CHECKSUM, LENGTH, BAD_COMMAND,
        AUTHENTICATION, SELF_TEST_FAILED, NOT_AUTHORISED, PROTOCOL, DECODER_MISSING, UNSUPPORTED, IO;

        public String messageKey() {
            return "device.error." + name();
        }
    }

    private final Kind kind;

    public DeviceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DeviceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
