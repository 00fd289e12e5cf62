package org.onewindow.devices.idcard.protocol;

/** The security-module commands (CMD, PARA). Set-baud carries the rate code in PARA: see {@link BaudRate}. */
public enum Command {
    RESET_SAM(0x10, 0xFF),
    SAM_STATUS(0x11, 0xFF),
    READ_SAM_ID(0x12, 0xFF),
    FIND_CARD(0x20, 0x01),
    SELECT_CARD(0x20, 0x02),
    READ_TEXT_PHOTO(0x30, 0x01),
    READ_ADDED_ADDRESS(0x30, 0x03),
    READ_TEXT_PHOTO_FINGERPRINT(0x30, 0x10),
    SET_BAUD(0x60, 0x00);

    private final int code;
    private final int parameter;

    Command(int code, int parameter) {
        this.code = code;
        this.parameter = parameter;
    }

    public int code() {
        return code;
    }

    public int parameter() {
        return parameter;
    }

    /** The command a request frame carries, or null for an unknown pair. */
    public static Command of(int cmd, int para) {
        if (cmd == 0x60) {
            return SET_BAUD;
        }
        for (Command c : values()) {
            if (c.code == cmd && c.parameter == para) {
                return c;
            }
        }
        return null;
    }
}
