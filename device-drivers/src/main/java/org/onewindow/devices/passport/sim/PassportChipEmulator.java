package org.onewindow.devices.passport.sim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.onewindow.core.device.MrzAccessKey;
import org.onewindow.devices.passport.MrzLine2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An eMRTD chip for vsmartcard's virtual reader (vpcd): connects to vpcd as its card, over vpcd's TCP protocol
 * (each message a 2-byte big-endian length and a payload; a 1-byte payload is a control byte: 0 power off,
 * 1 power on, 2 reset, 4 get ATR; anything longer is a C-APDU, answered with the R-APDU).
 *
 * <p>The card answers what a passport chip with Basic Access Control does (ICAO 9303-11 §4.3 and 9303-11 §9.8):
 * SELECT of the eMRTD application (AID A0 00 00 02 47 10 01), GET CHALLENGE, MUTUAL AUTHENTICATE (K_seed from
 * SHA-1 of the MRZ information, 3DES keys, ISO 9797-1 MAC algorithm 3), then SELECT FILE and READ BINARY only
 * under 3DES secure messaging with the send sequence counter. Files outside secure messaging are refused with
 * 6982. Not emulated: PACE, EAC, Active and Chip Authentication, extended length.
 *
 * <p>Closing the emulator disconnects it from vpcd: for PC/SC the card has left the reader.
 */
public final class PassportChipEmulator implements AutoCloseable {
    /** vpcd's default port for its first reader ("Virtual PCD 00 00"). */
    public static final int VPCD_PORT = 35963;
    /** The ATR of an ICAO contactless chip (as vsmartcard's nPA emulation announces it). */
    static final byte[] ATR = HexFormat.of().parseHex("3B8A80018031F873F741E082900075");
    static final byte[] EMRTD_AID = HexFormat.of().parseHex("A0000002471001");

    private static final Logger LOG = LoggerFactory.getLogger(PassportChipEmulator.class);
    private static final int SW_OK = 0x9000;

    private final Socket socket;
    private final Map<Integer, byte[]> files;
    private final byte[] kEnc;
    private final byte[] kMac;
    private final SecureRandom random = new SecureRandom();
    private final Thread thread;
    private final AtomicInteger apdus = new AtomicInteger();
    private volatile boolean closed;

    // card state, reset on power-up
    private boolean appletSelected;
    private byte[] rndIc;
    private byte[] ksEnc;
    private byte[] ksMac;
    private long ssc;
    private byte[] selected;

    private PassportChipEmulator(Socket socket, SyntheticPassport passport) {
        this.socket = socket;
        this.files = passport.files();
        MrzAccessKey key = MrzLine2.parse(passport.mrzLine2());
        byte[] seed = keySeed(key);
        this.kEnc = deriveKey(seed, 1);
        this.kMac = deriveKey(seed, 2);
        this.thread = new Thread(this::run, "passport-chip-emulator");
        this.thread.setDaemon(true);
    }

    /**
     * Manual testing: inserts the demo passport into vpcd's first reader (pcscd must be running), prints its MRZ
     * line 2, writes the test CSCA as PEM to the path given as the first argument (if any), and stays until
     * killed.
     */
    public static void main(String[] args) throws Exception {
        SyntheticPassport passport = SyntheticPassport.demo();
        if (args.length > 0) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(passport.csca().getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
        }
        try (PassportChipEmulator chip = insertAndAwait(passport, Duration.ofSeconds(15))) {
            System.out.println("demo passport on '" + VPCD_READER + "'; MRZ line 2: " + passport.mrzLine2());
            chip.thread.join();
        }
    }

    /** Connects to vpcd on localhost's first reader port and starts answering. */
    public static PassportChipEmulator insert(SyntheticPassport passport) throws IOException {
        return insert(passport, "127.0.0.1", VPCD_PORT);
    }

    public static PassportChipEmulator insert(SyntheticPassport passport, String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 2000);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot reach vpcd at " + host + ":" + port
                    + " (is pcscd running with vsmartcard-vpcd installed?): " + e.getMessage(), e);
        }
        socket.setTcpNoDelay(true);
        PassportChipEmulator emulator = new PassportChipEmulator(socket, passport);
        emulator.thread.start();
        return emulator;
    }

    /** vpcd's first reader as PC/SC names it. */
    public static final String VPCD_READER = "Virtual PCD 00 00";

    /**
     * Inserts the chip into vpcd's first reader and waits until PC/SC reports it present (after waiting for a
     * previous card to be gone).
     */
    public static PassportChipEmulator insertAndAwait(SyntheticPassport passport, Duration timeout)
            throws IOException {
        awaitCard(VPCD_READER, false, timeout);
        PassportChipEmulator chip = insert(passport);
        try {
            awaitCard(VPCD_READER, true, timeout);
        } catch (IllegalStateException e) {
            chip.close();
            throw e;
        }
        return chip;
    }

    /** Removes the chip and waits until PC/SC reports the reader empty. */
    public void removeAndAwait(Duration timeout) {
        close();
        awaitCard(VPCD_READER, false, timeout);
    }

    /**
     * Waits until the PC/SC reader reports a card present (or absent).
     *
     * @throws IllegalStateException when it does not within the timeout, or PC/SC does not answer
     */
    public static void awaitCard(String reader, boolean present, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "not listed";
        while (true) {
            try {
                // a fresh factory each time: the default one keeps a dead context across pcscd restarts
                CardTerminal t = TerminalFactory.getInstance("PC/SC", null).terminals().getTerminal(reader);
                if (t != null) {
                    boolean now = t.isCardPresent();
                    if (now == present) {
                        return;
                    }
                    last = now ? "card present" : "no card";
                }
            } catch (CardException | GeneralSecurityException | RuntimeException e) {
                last = e.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PC/SC reader '" + reader + "' did not report the card "
                        + (present ? "present" : "absent") + " within " + timeout.toSeconds() + " s (" + last + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** C-APDUs answered so far (for tests). */
    public int apduCount() {
        return apdus.get();
    }

    public boolean isConnected() {
        return !closed && thread.isAlive();
    }

    /** Removes the card: disconnects from vpcd. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (InputStream rawIn = socket.getInputStream(); OutputStream rawOut = socket.getOutputStream()) {
            DataInputStream in = new DataInputStream(rawIn);
            DataOutputStream out = new DataOutputStream(rawOut);
            while (!closed) {
                int length = in.readUnsignedShort();
                byte[] message = new byte[length];
                in.readFully(message);
                if (length == 1) {
                    switch (message[0]) {
                        case 0x00, 0x01, 0x02 -> powerUp();
                        case 0x04 -> send(out, ATR);
                        default -> LOG.debug("vpcd control byte {} ignored", message[0]);
                    }
                } else if (length > 1) {
                    apdus.incrementAndGet();
                    send(out, process(message));
                }
            }
        } catch (EOFException e) {
            LOG.debug("vpcd closed the connection");
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("emulator connection failed: {}", e.getMessage());
            }
        }
    }

    private static void send(DataOutputStream out, byte[] payload) throws IOException {
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    private void powerUp() {
        appletSelected = false;
        rndIc = null;
        ksEnc = null;
        ksMac = null;
        selected = null;
    }

    /** Answers one C-APDU with its R-APDU (data and status word). */
    byte[] process(byte[] apdu) {
        if (apdu.length < 4) {
            return sw(0x6700);
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        try {
            if ((cla & 0x0C) == 0x0C) {
                return secureMessaging(apdu);
            }
            Apdu c = Apdu.parse(apdu);
            return switch (ins) {
                case 0xA4 -> plainSelect(c);
                case 0x84 -> getChallenge(c);
                case 0x82 -> mutualAuthenticate(c);
                case 0xB0, 0xB1 -> sw(0x6982);
                default -> sw(0x6D00);
            };
        } catch (IllegalArgumentException e) {
            return sw(0x6700);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("emulator crypto failed", e);
        }
    }

    private byte[] plainSelect(Apdu c) {
        if (c.p1 == 0x04) {
            if (Arrays.equals(c.data, EMRTD_AID)) {
                appletSelected = true;
                ksEnc = null;
                ksMac = null;
                return sw(SW_OK);
            }
            return sw(0x6A82);
        }
        // files are only served under secure messaging (BAC protects them)
        return sw(0x6982);
    }

    private byte[] getChallenge(Apdu c) {
        if (!appletSelected) {
            return sw(0x6985);
        }
        rndIc = new byte[8];
        random.nextBytes(rndIc);
        return concat(rndIc, sw(SW_OK));
    }

    private byte[] mutualAuthenticate(Apdu c) throws GeneralSecurityException {
        ksEnc = null;
        ksMac = null;
        if (rndIc == null || c.data == null || c.data.length != 40) {
            return sw(0x6985);
        }
        byte[] eIfd = Arrays.copyOfRange(c.data, 0, 32);
        byte[] mIfd = Arrays.copyOfRange(c.data, 32, 40);
        if (!MessageDigest.isEqual(retailMac(kMac, pad(eIfd)), mIfd)) {
            rndIc = null;
            return sw(0x6300); // authentication failed: the terminal's MRZ is not this chip's
        }
        byte[] s = tdes(Cipher.DECRYPT_MODE, kEnc, eIfd);
        byte[] rndIfd = Arrays.copyOfRange(s, 0, 8);
        byte[] rndIcEcho = Arrays.copyOfRange(s, 8, 16);
        byte[] kIfd = Arrays.copyOfRange(s, 16, 32);
        if (!MessageDigest.isEqual(rndIcEcho, rndIc)) {
            rndIc = null;
            return sw(0x6300);
        }
        byte[] kIc = new byte[16];
        random.nextBytes(kIc);
        byte[] r = concat(rndIc, rndIfd, kIc);
        byte[] eIc = tdes(Cipher.ENCRYPT_MODE, kEnc, r);
        byte[] mIc = retailMac(kMac, pad(eIc));
        byte[] seed = new byte[16];
        for (int i = 0; i < 16; i++) {
            seed[i] = (byte) (kIfd[i] ^ kIc[i]);
        }
        ksEnc = deriveKey(seed, 1);
        ksMac = deriveKey(seed, 2);
        ssc = 0;
        for (int i = 4; i < 8; i++) {
            ssc = (ssc << 8) | (rndIc[i] & 0xFF);
        }
        for (int i = 4; i < 8; i++) {
            ssc = (ssc << 8) | (rndIfd[i] & 0xFF);
        }
        rndIc = null;
        selected = null;
        return concat(eIc, mIc, sw(SW_OK));
    }

    private byte[] secureMessaging(byte[] apdu) throws GeneralSecurityException {
        if (ksEnc == null) {
            return sw(0x6982);
        }
        Apdu c = Apdu.parse(apdu);
        byte[] body = c.data == null ? new byte[0] : c.data;
        byte[] do87 = null;
        byte[] do97 = null;
        byte[] mac = null;
        int macInputEnd = 0;
        int i = 0;
        while (i < body.length) {
            int start = i;
            int tag = body[i++] & 0xFF;
            int len = body[i++] & 0xFF;
            if (len == 0x81) {
                len = body[i++] & 0xFF;
            } else if (len == 0x82) {
                len = ((body[i] & 0xFF) << 8) | (body[i + 1] & 0xFF);
                i += 2;
            }
            byte[] value = Arrays.copyOfRange(body, i, i + len);
            i += len;
            switch (tag) {
                case 0x87 -> do87 = value;
                case 0x97 -> do97 = value;
                case 0x8E -> mac = value;
                default -> {
                    return dropSession(0x6988);
                }
            }
            if (tag != 0x8E) {
                macInputEnd = i;
            }
            if (tag == 0x8E && start != macInputEnd) {
                return dropSession(0x6988);
            }
        }
        if (mac == null) {
            return dropSession(0x6987);
        }
        ssc++;
        byte[] header = pad(new byte[] {(byte) 0x0C, apdu[1], apdu[2], apdu[3]});
        byte[] macInput = pad(concat(sscBytes(), header, Arrays.copyOfRange(body, 0, macInputEnd)));
        if (!MessageDigest.isEqual(retailMac(ksMac, macInput), mac)) {
            return dropSession(0x6988);
        }
        byte[] data = null;
        if (do87 != null) {
            if (do87.length < 1 || do87[0] != 0x01) {
                return dropSession(0x6988);
            }
            data = unpad(tdesCbc(Cipher.DECRYPT_MODE, ksEnc, Arrays.copyOfRange(do87, 1, do87.length)));
        }
        int le = -1;
        if (do97 != null) {
            le = 0;
            for (byte b : do97) {
                le = (le << 8) | (b & 0xFF);
            }
            if (le == 0) {
                le = 256;
            }
        }
        byte[][] result = switch (c.ins) {
            case 0xA4 -> smSelect(c, data);
            case 0xB0 -> smReadBinary(c, le);
            default -> new byte[][] {null, sw(0x6D00)};
        };
        return protect(result[0], result[1]);
    }

    private byte[][] smSelect(Apdu c, byte[] data) {
        if (c.p1 != 0x02 || data == null || data.length != 2) {
            return new byte[][] {null, sw(0x6A86)};
        }
        int fid = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        byte[] file = files.get(fid);
        if (file == null) {
            return new byte[][] {null, sw(0x6A82)};
        }
        selected = file;
        return new byte[][] {null, sw(SW_OK)};
    }

    private byte[][] smReadBinary(Apdu c, int le) {
        if ((c.p1 & 0x80) != 0) {
            // short EF identifier in P1: select by SFI, offset in P2
            int sfi = c.p1 & 0x1F;
            byte[] file = files.get(0x0100 | sfi) != null && sfi <= 0x10 ? files.get(0x0100 | sfi)
                    : sfi == 0x1E ? files.get(0x011E) : sfi == 0x1D ? files.get(0x011D) : null;
            if (file == null) {
                return new byte[][] {null, sw(0x6A82)};
            }
            selected = file;
            return read(selected, c.p2, le);
        }
        if (selected == null) {
            return new byte[][] {null, sw(0x6986)};
        }
        return read(selected, (c.p1 << 8) | c.p2, le);
    }

    private static byte[][] read(byte[] file, int offset, int le) {
        if (offset > file.length) {
            return new byte[][] {null, sw(0x6B00)};
        }
        int n = Math.min(le < 0 ? 256 : le, file.length - offset);
        byte[] data = Arrays.copyOfRange(file, offset, offset + n);
        return new byte[][] {data, sw(SW_OK)};
    }

    /** Wraps a response: DO'87' (encrypted data), DO'99' (status word), DO'8E' (MAC), then 90 00. */
    private byte[] protect(byte[] data, byte[] status) throws GeneralSecurityException {
        ssc++;
        byte[] do87 = new byte[0];
        if (data != null && data.length > 0) {
            byte[] encrypted = tdesCbc(Cipher.ENCRYPT_MODE, ksEnc, pad(data));
            do87 = tlv(0x87, concat(new byte[] {0x01}, encrypted));
        }
        byte[] do99 = tlv(0x99, status);
        byte[] mac = retailMac(ksMac, pad(concat(sscBytes(), do87, do99)));
        return concat(do87, do99, tlv(0x8E, mac), status);
    }

    private byte[] dropSession(int sw) {
        ksEnc = null;
        ksMac = null;
        return sw(sw);
    }

    private byte[] sscBytes() {
        byte[] b = new byte[8];
        long v = ssc;
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    // --- ICAO 9303-11 key derivation and 3DES / retail MAC ---

    /** K_seed = the first 16 bytes of SHA-1(document number + check digit + birth + cd + expiry + cd). */
    static byte[] keySeed(MrzAccessKey key) {
        String number = key.documentNumber();
        String padded = number.length() < 9 ? number + "<".repeat(9 - number.length()) : number;
        String info = padded + MrzLine2.checkDigit(padded) + key.dateOfBirth() + MrzLine2.checkDigit(key.dateOfBirth())
                + key.dateOfExpiry() + MrzLine2.checkDigit(key.dateOfExpiry());
        return Arrays.copyOf(sha1(info.getBytes(StandardCharsets.US_ASCII)), 16);
    }

    /** K = SHA-1(seed || 00 00 00 c)[0..16] as a two-key 3DES key (parity bits are ignored by DES). */
    static byte[] deriveKey(byte[] seed, int counter) {
        byte[] h = sha1(concat(seed, new byte[] {0, 0, 0, (byte) counter}));
        return Arrays.copyOf(h, 16);
    }

    private static byte[] sha1(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(in);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] tdes(int mode, byte[] key16, byte[] in) throws GeneralSecurityException {
        return tdesCbc(mode, key16, in);
    }

    private static byte[] tdesCbc(int mode, byte[] key16, byte[] in) throws GeneralSecurityException {
        byte[] k24 = concat(key16, Arrays.copyOf(key16, 8));
        Cipher c = Cipher.getInstance("DESede/CBC/NoPadding");
        c.init(mode, new SecretKeySpec(k24, "DESede"), new IvParameterSpec(new byte[8]));
        return c.doFinal(in);
    }

    /** ISO/IEC 9797-1 MAC algorithm 3 (retail MAC) with DES over already padded input. */
    static byte[] retailMac(byte[] key16, byte[] padded) throws GeneralSecurityException {
        Cipher ka = Cipher.getInstance("DES/ECB/NoPadding");
        ka.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(key16, 0, 8), "DES"));
        byte[] h = new byte[8];
        for (int off = 0; off < padded.length; off += 8) {
            for (int j = 0; j < 8; j++) {
                h[j] ^= padded[off + j];
            }
            h = ka.doFinal(h);
        }
        Cipher kb = Cipher.getInstance("DES/ECB/NoPadding");
        kb.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(key16, 8, 16), "DES"));
        h = kb.doFinal(h);
        return ka.doFinal(h);
    }

    /** ISO/IEC 9797-1 padding method 2: 80 then zeros to a multiple of 8. */
    static byte[] pad(byte[] in) {
        byte[] out = Arrays.copyOf(in, (in.length / 8 + 1) * 8);
        out[in.length] = (byte) 0x80;
        return out;
    }

    private static byte[] unpad(byte[] in) {
        int i = in.length - 1;
        while (i >= 0 && in[i] == 0) {
            i--;
        }
        if (i < 0 || in[i] != (byte) 0x80) {
            throw new IllegalArgumentException("bad padding");
        }
        return Arrays.copyOf(in, i);
    }

    private static byte[] tlv(int tag, byte[] value) {
        byte[] len;
        if (value.length < 0x80) {
            len = new byte[] {(byte) value.length};
        } else if (value.length < 0x100) {
            len = new byte[] {(byte) 0x81, (byte) value.length};
        } else {
            len = new byte[] {(byte) 0x82, (byte) (value.length >> 8), (byte) value.length};
        }
        return concat(new byte[] {(byte) tag}, len, value);
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    /** A short C-APDU (ISO 7816-4 cases 1-4). */
    private record Apdu(int ins, int p1, int p2, byte[] data, int le) {
        static Apdu parse(byte[] b) {
            int ins = b[1] & 0xFF;
            int p1 = b[2] & 0xFF;
            int p2 = b[3] & 0xFF;
            if (b.length == 4) {
                return new Apdu(ins, p1, p2, null, -1);
            }
            if (b.length == 5) {
                return new Apdu(ins, p1, p2, null, b[4] == 0 ? 256 : b[4] & 0xFF);
            }
            int lc = b[4] & 0xFF;
            if (lc == 0 || b.length < 5 + lc) {
                throw new IllegalArgumentException("extended or malformed APDU");
            }
            byte[] data = Arrays.copyOfRange(b, 5, 5 + lc);
            int le = b.length > 5 + lc ? (b[5 + lc] == 0 ? 256 : b[5 + lc] & 0xFF) : -1;
            return new Apdu(ins, p1, p2, data, le);
        }
    }
}
