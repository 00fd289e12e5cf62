package org.onewindow.verification.codec;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** zlib (RFC 1950) with a hard cap on the inflated size: a QR code never holds more than a few KB. */
public final class Zlib {
    /** Generous for a QR payload with a photo; stops decompression bombs. */
    public static final int MAX_INFLATED = 256 * 1024;

    private Zlib() {
    }

    /** True when the bytes start with a valid zlib header (CMF/FLG check). */
    public static boolean looksCompressed(byte[] data) {
        return data.length >= 2 && (data[0] & 0x0f) == 8 && (((data[0] & 0xff) << 8) | (data[1] & 0xff)) % 31 == 0;
    }

    public static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 3);
            byte[] buf = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("zlib stream is truncated");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new IllegalArgumentException("zlib stream inflates beyond " + MAX_INFLATED + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a zlib stream: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    public static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
            byte[] buf = new byte[4096];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
