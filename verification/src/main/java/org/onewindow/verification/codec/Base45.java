package org.onewindow.verification.codec;

import java.io.ByteArrayOutputStream;

/** Base45 (RFC 9285): the QR alphanumeric-mode encoding of HCERT and Claim 169. */
public final class Base45 {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final int[] VALUE = new int[128];

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = i;
        }
    }

    private Base45() {
    }

    public static String encode(byte[] data) {
        StringBuilder sb = new StringBuilder(data.length * 3 / 2 + 2);
        int i = 0;
        for (; i + 1 < data.length; i += 2) {
            int n = ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
            sb.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
        }
        if (i < data.length) {
            int n = data[i] & 0xff;
            sb.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
        }
        return sb.toString();
    }

    /** Decodes, rejecting characters outside the alphabet, a dangling single character and overflowing groups. */
    public static byte[] decode(CharSequence text) {
        int len = text.length();
        if (len % 3 == 1) {
            throw new IllegalArgumentException("Base45 length leaves a single character");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len * 2 / 3 + 1);
        for (int i = 0; i < len; i += 3) {
            int c = value(text.charAt(i));
            int d = value(text.charAt(i + 1));
            if (i + 2 < len) {
                int e = value(text.charAt(i + 2));
                int n = c + d * 45 + e * 2025;
                if (n > 0xffff) {
                    throw new IllegalArgumentException("Base45 group out of range");
                }
                out.write(n >> 8);
                out.write(n & 0xff);
            } else {
                int n = c + d * 45;
                if (n > 0xff) {
                    throw new IllegalArgumentException("Base45 group out of range");
                }
                out.write(n);
            }
        }
        return out.toByteArray();
    }

    private static int value(char ch) {
        int v = ch < 128 ? VALUE[ch] : -1;
        if (v < 0) {
            throw new IllegalArgumentException("not a Base45 character");
        }
        return v;
    }
}
