package org.onewindow.devices.idcard.protocol;

import java.util.List;

/** The rates a module accepts through command 60 xx; 115200 is the factory default. */
public enum BaudRate {
    B115200(115_200, 0x00),
    B57600(57_600, 0x01),
    B38400(38_400, 0x02),
    B19200(19_200, 0x03),
    B9600(9_600, 0x04);

    private final int bitsPerSecond;
    private final int code;

    BaudRate(int bitsPerSecond, int code) {
        this.bitsPerSecond = bitsPerSecond;
        this.code = code;
    }

    public int bitsPerSecond() {
        return bitsPerSecond;
    }

    /** The PARA byte of command 60 xx. */
    public int code() {
        return code;
    }

    /** Fastest first: the order auto-detection tries them. */
    public static List<BaudRate> detectionOrder() {
        return List.of(values());
    }

    public static BaudRate ofCode(int code) {
        for (BaudRate b : values()) {
            if (b.code == code) {
                return b;
            }
        }
        return null;
    }

    public static BaudRate of(int bitsPerSecond) {
        for (BaudRate b : values()) {
            if (b.bitsPerSecond == bitsPerSecond) {
                return b;
            }
        }
        throw new IllegalArgumentException("unsupported baud rate " + bitsPerSecond
                + " (the module accepts 115200, 57600, 38400, 19200, 9600)");
    }

    /** Time the given number of bytes occupy an 8N1 line: 10 bits per byte. */
    public double wireMillis(long bytes) {
        return bytes * 10_000.0 / bitsPerSecond;
    }
}
