package org.onewindow.devices.idcard.protocol;

import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.DeviceException.Kind;

/**
 * SW3, the byte of a response that says how the command went, with the failure kind and a sentence a
 * clerk can act on. Codes follow the public GA/T 467 module documentation.
 */
public enum StatusCode {
    OK(0x90, null, "done"),
    CARD_FOUND(0x9F, null, "card found"),
    NO_CONTENT(0x91, null, "the card holds no such item"),
    FIND_FAILED(0x80, Kind.NO_CARD, "No card on the reader. Place the ID card flat on the reader."),
    SELECT_FAILED(0x81, Kind.READ_FAILED, "The card could not be selected. Lift the card and place it again."),
    READ_FAILED(0x41, Kind.READ_FAILED, "The card could not be read. Lift the card and place it again, flat and still."),
    WRONG_CARD(0x40, Kind.WRONG_CARD, "This is not an ID card the reader can read."),
    CHECKSUM_ERROR(0x10, Kind.CHECKSUM, "The reader received a damaged command (checksum). Check the cable."),
    LENGTH_ERROR(0x11, Kind.LENGTH, "The reader received a damaged command (length). Check the cable."),
    BAD_COMMAND(0x21, Kind.BAD_COMMAND, "The reader does not support this command."),
    AUTH_FAILED_31(0x31, Kind.AUTHENTICATION, "Card authentication failed (card). The card may be damaged or not genuine."),
    AUTH_FAILED_32(0x32, Kind.AUTHENTICATION, "Card authentication failed (module). The card may be damaged or not genuine."),
    AUTH_FAILED_33(0x33, Kind.AUTHENTICATION, "Card authentication failed (information). The card may be damaged or not genuine."),
    SELF_TEST_FAILED(0x60, Kind.SELF_TEST_FAILED, "The reader's security module failed its self-test. Call IT."),
    NOT_AUTHORISED(0x66, Kind.NOT_AUTHORISED, "The reader is not authorised (security module). Call IT.");

    private final int code;
    private final Kind failure;
    private final String clerkText;

    StatusCode(int code, Kind failure, String clerkText) {
        this.code = code;
        this.failure = failure;
        this.clerkText = clerkText;
    }

    public int code() {
        return code;
    }

    public boolean isSuccess() {
        return failure == null;
    }

    /** The failure kind, null for the success codes. */
    public Kind failure() {
        return failure;
    }

    public String clerkText() {
        return clerkText;
    }

    /** The typed failure for this code, naming the command that received it. */
    public DeviceException toException(Command command) {
        if (failure == null) {
            return new DeviceException(Kind.PROTOCOL, String.format(
                    "The reader gave an unexpected answer to %s [SW3 %02X, %s].", command, code, clerkText));
        }
        return new DeviceException(failure, clerkText + String.format(" [SW3 %02X after %s]", code, command));
    }

    public static StatusCode of(int sw3) {
        for (StatusCode s : values()) {
            if (s.code == sw3) {
                return s;
            }
        }
        return null;
    }

    /** The typed failure for any SW3 value, including ones no document names. */
    public static DeviceException failureFor(int sw3, Command command) {
        StatusCode s = of(sw3);
        if (s == null) {
            return new DeviceException(Kind.PROTOCOL, String.format(
                    "The reader answered with an unknown status code %02X to %s.", sw3, command));
        }
        return s.toException(command);
    }
}
