package org.onewindow.devices.idcard.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The security module's ID: 16 bytes, little-endian fields, printed the way vendor tools print it,
 * e.g. {@code 05.01-20101221-0012345678-1234567890}.
 */
public final class SamIds {
    public static final int LENGTH = 16;

    private SamIds() {
    }

    public static String format(byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int a = Short.toUnsignedInt(b.getShort());
        int c = Short.toUnsignedInt(b.getShort());
        long d = Integer.toUnsignedLong(b.getInt());
        long e = Integer.toUnsignedLong(b.getInt());
        long f = Integer.toUnsignedLong(b.getInt());
        return String.format("%02d.%02d-%08d-%010d-%010d", a, c, d, e, f);
    }

    /** The inverse of {@link #format}, for the simulator. */
    public static byte[] parse(String text) {
        String[] parts = text.split("[.-]");
        if (parts.length != 5) {
            throw new IllegalArgumentException("SAM ID has the form NN.NN-NNNNNNNN-NNNNNNNNNN-NNNNNNNNNN");
        }
        ByteBuffer b = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) Integer.parseInt(parts[0]));
        b.putShort((short) Integer.parseInt(parts[1]));
        b.putInt((int) Long.parseLong(parts[2]));
        b.putInt((int) Long.parseLong(parts[3]));
        b.putInt((int) Long.parseLong(parts[4]));
        return b.array();
    }
}
