package org.onewindow.devices.idcard.sdk;

import com.sun.jna.Library;
import com.sun.jna.ptr.IntByReference;

/** The sdtapi-style C API most reader vendors ship (sdtapi.dll / libsdtapi.so). Return 0x90 = success. */
public interface SdtApiLibrary extends Library {
    int SDT_OpenPort(int port);

    int SDT_ClosePort(int port);

    int SDT_StartFindIDCard(int port, byte[] manaInfo, int ifOpen);

    int SDT_SelectIDCard(int port, byte[] manaMsg, int ifOpen);

    int SDT_ReadBaseMsg(int port, byte[] text, IntByReference textLength, byte[] photo, IntByReference photoLength,
                        int ifOpen);

    int SDT_GetSAMIDToStr(int port, byte[] samId, int ifOpen);
}
