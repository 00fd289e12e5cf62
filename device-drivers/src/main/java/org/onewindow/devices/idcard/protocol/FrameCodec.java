package org.onewindow.devices.idcard.protocol;

/**
 * The GA/T 467-style wire format: {@code AA AA AA 96 69 | len (2, big-endian) | body | CHK}, where len
 * counts the body plus the checksum and CHK is the XOR of the length bytes and the body.
 * Example, find card: {@code AA AA AA 96 69 00 03 20 01 22}.
 */
public final class FrameCodec {
    static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    static final int HEADER_LENGTH = PREAMBLE.length + 2;
    /** Smallest legal len: a request's CMD PARA CHK. */
    public static final int MIN_LEN = 3;
    /** Largest len we accept; the biggest real answer (30 10 with fingerprints) is about 2,330. */
    public static final int MAX_LEN = 4096;
    /** The most bytes one frame can occupy on the wire; decoders never buffer more than this. */
    public static final int MAX_FRAME_BYTES = HEADER_LENGTH + MAX_LEN;

    private FrameCodec() {
    }

    public static byte[] encode(Frame frame) {
        return encode(frame.body());
    }

    public static byte[] encode(byte[] body) {
        int len = body.length + 1;
        if (len < MIN_LEN || len > MAX_LEN) {
            throw new IllegalArgumentException("frame body of " + body.length + " bytes does not fit the length field");
        }
        byte[] out = new byte[HEADER_LENGTH + len];
        System.arraycopy(PREAMBLE, 0, out, 0, PREAMBLE.length);
        out[5] = (byte) (len >>> 8);
        out[6] = (byte) len;
        System.arraycopy(body, 0, out, HEADER_LENGTH, body.length);
        out[out.length - 1] = xor(out, 5, out.length - 1);
        return out;
    }

    /** XOR of {@code bytes[from..to)}. */
    static byte xor(byte[] bytes, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            x ^= bytes[i];
        }
        return (byte) x;
    }
}
