package org.onewindow.devices.idcard.sdk;

import com.sun.jna.ptr.IntByReference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.DeviceException.Kind;
import org.onewindow.devices.idcard.protocol.CardData;
import org.onewindow.devices.idcard.protocol.Command;
import org.onewindow.devices.idcard.protocol.StatusCode;

/** sdtapi calls; the codes they return are the module's SW3 values, plus 0x01/0x02 for port trouble. */
final class SdtApiSdk implements VendorSdk {
    private final SdtApiLibrary lib;
    private final String libraryName;
    private final int port;

    SdtApiSdk(SdtApiLibrary lib, String libraryName, int port) {
        this.lib = lib;
        this.libraryName = libraryName;
        this.port = port;
    }

    @Override
    public void open() throws DeviceException {
        check(lib.SDT_OpenPort(port), Command.SAM_STATUS);
    }

    @Override
    public boolean findCard() throws DeviceException {
        int code = lib.SDT_StartFindIDCard(port, new byte[8], 0);
        if (code == 0x9F) {
            return true;
        }
        if (code == 0x80) {
            return false;
        }
        throw failure(code, Command.FIND_CARD);
    }

    @Override
    public CardData read() throws DeviceException {
        check(lib.SDT_SelectIDCard(port, new byte[16], 0), Command.SELECT_CARD);
        byte[] text = new byte[256];
        byte[] photo = new byte[1024];
        IntByReference textLength = new IntByReference();
        IntByReference photoLength = new IntByReference();
        check(lib.SDT_ReadBaseMsg(port, text, textLength, photo, photoLength, 0), Command.READ_TEXT_PHOTO);
        if (textLength.getValue() != 256 || photoLength.getValue() != 1024) {
            throw new DeviceException(Kind.LENGTH, libraryName + " returned text " + textLength.getValue()
                    + " and photo " + photoLength.getValue() + " bytes, expected 256 and 1024");
        }
        return new CardData(text, photo, null);
    }

    @Override
    public String samId() throws DeviceException {
        byte[] out = new byte[128];
        check(lib.SDT_GetSAMIDToStr(port, out, 0), Command.READ_SAM_ID);
        int end = 0;
        while (end < out.length && out[end] != 0) {
            end++;
        }
        return new String(Arrays.copyOf(out, end), StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        lib.SDT_ClosePort(port);
    }

    @Override
    public String describe() {
        return "sdtapi " + libraryName + " port " + port;
    }

    private void check(int code, Command command) throws DeviceException {
        if (code != 0x90) {
            throw failure(code, command);
        }
    }

    private DeviceException failure(int code, Command command) {
        return switch (code) {
            case 0x01 -> new DeviceException(Kind.NOT_CONNECTED, libraryName + ": cannot open reader port " + port
                    + " (unplugged, wrong port number, or in use)");
            case 0x02 -> new DeviceException(Kind.TIMEOUT, libraryName + ": the reader did not answer on port " + port);
            default -> StatusCode.failureFor(code, command);
        };
    }
}
