package org.onewindow.devices.idcard.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.DeviceException.Kind;
import org.onewindow.devices.idcard.protocol.CardData;

/** termb calls; the card arrives as files the library writes into {@code outputDirectory}. */
final class TermbSdk implements VendorSdk {
    static final String TEXT_FILE = "wz.txt";
    static final String PHOTO_FILE = "zp.wlt";

    private final TermbLibrary lib;
    private final String libraryName;
    private final int port;
    private final Path outputDirectory;

    TermbSdk(TermbLibrary lib, String libraryName, int port, Path outputDirectory) {
        this.lib = lib;
        this.libraryName = libraryName;
        this.port = port;
        this.outputDirectory = outputDirectory;
    }

    @Override
    public void open() throws DeviceException {
        if (lib.InitComm(port) != 1) {
            throw new DeviceException(Kind.NOT_CONNECTED, libraryName + ": cannot open reader port " + port
                    + " (unplugged, wrong port number, or in use)");
        }
    }

    @Override
    public boolean findCard() {
        return lib.Authenticate() == 1;
    }

    @Override
    public CardData read() throws DeviceException {
        Path text = outputDirectory.resolve(TEXT_FILE);
        Path photo = outputDirectory.resolve(PHOTO_FILE);
        try {
            // stale files from the previous citizen must never be taken for this card
            Files.deleteIfExists(text);
            Files.deleteIfExists(photo);
            int code = lib.Read_Content(1);
            if (code != 1) {
                throw new DeviceException(Kind.READ_FAILED, libraryName + ": Read_Content failed (code " + code
                        + "). Lift the card and place it again.");
            }
            if (!Files.isRegularFile(text)) {
                throw new DeviceException(Kind.READ_FAILED, libraryName + " reported success but wrote no " + text
                        + ": configure the directory this library writes to");
            }
            byte[] textBytes = Files.readAllBytes(text);
            byte[] photoBytes = Files.isRegularFile(photo) ? Files.readAllBytes(photo) : new byte[1024];
            if (textBytes.length != 256 || photoBytes.length != 1024) {
                throw new DeviceException(Kind.LENGTH, libraryName + " wrote text " + textBytes.length + " and photo "
                        + photoBytes.length + " bytes, expected 256 and 1024");
            }
            return new CardData(textBytes, photoBytes, null);
        } catch (IOException e) {
            throw new DeviceException(Kind.IO, libraryName + ": cannot use " + outputDirectory + ": " + e.getMessage(), e);
        } finally {
            // citizen data does not stay on disk
            try {
                Files.deleteIfExists(text);
                Files.deleteIfExists(photo);
            } catch (IOException ignored) {
                // best effort; the next read deletes them before reading
            }
        }
    }

    @Override
    public String samId() throws DeviceException {
        byte[] out = new byte[128];
        if (lib.GetSAMID(out) != 1) {
            throw new DeviceException(Kind.SELF_TEST_FAILED, libraryName + ": GetSAMID failed");
        }
        int end = 0;
        while (end < out.length && out[end] != 0) {
            end++;
        }
        return new String(out, 0, end, StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        lib.CloseComm();
    }

    @Override
    public String describe() {
        return "termb " + libraryName + " port " + port;
    }
}
