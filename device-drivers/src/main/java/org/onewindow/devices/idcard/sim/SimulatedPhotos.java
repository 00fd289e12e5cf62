package org.onewindow.devices.idcard.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stand-in WLT photo blocks: 1,024 bytes derived from the card number, so each simulated card has its
 * own stable "photo". Real WLT data is a licensed compressed format; these bytes only look the part
 * (the "WLf" header real blocks start with, then noise).
 */
public final class SimulatedPhotos {
    public static final int LENGTH = 1024;

    private SimulatedPhotos() {
    }

    public static byte[] wltFor(String idNumber) {
        byte[] out = new byte[LENGTH];
        out[0] = 'W';
        out[1] = 'L';
        out[2] = 'f';
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] seed = idNumber.getBytes(StandardCharsets.US_ASCII);
            int pos = 4;
            int round = 0;
            while (pos < LENGTH) {
                sha.update(seed);
                sha.update((byte) round++);
                byte[] block = sha.digest();
                int n = Math.min(block.length, LENGTH - pos);
                System.arraycopy(block, 0, out, pos, n);
                pos += n;
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        return out;
    }
}
