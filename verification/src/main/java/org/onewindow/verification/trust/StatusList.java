package org.onewindow.verification.trust;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A bitstring status list (W3C Bitstring Status List: GZIP, then base64url; bit 0 is the most significant
 * bit of the first byte). A set bit means revoked.
 */
public record StatusList(String id, Instant issuedAt, byte[] bits) {
    /** W3C asks for at least 16 KB so that one index does not identify a holder; we cap the other way. */
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    public StatusList {
        bits = bits.clone();
    }

    public boolean isSet(long index) {
        if (index < 0 || index >= (long) bits.length * 8) {
            throw new IndexOutOfBoundsException("status index outside the list");
        }
        return (bits[(int) (index / 8)] & (0x80 >>> (int) (index % 8))) != 0;
    }

    public int size() {
        return bits.length * 8;
    }

    public static StatusList decode(String id, Instant issuedAt, String encodedList) throws IOException {
        String b64 = encodedList.startsWith("u") ? encodedList.substring(1) : encodedList; // multibase prefix
        byte[] gz;
        try {
            gz = Base64.getUrlDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IOException("status list is not base64url");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            byte[] bits = in.readNBytes(MAX_BYTES + 1);
            if (bits.length > MAX_BYTES) {
                throw new IOException("status list too large");
            }
            return new StatusList(id, issuedAt, bits);
        }
    }

    public static String encode(byte[] bits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bits);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
