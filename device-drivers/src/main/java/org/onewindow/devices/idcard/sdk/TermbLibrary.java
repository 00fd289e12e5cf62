package org.onewindow.devices.idcard.sdk;

import com.sun.jna.Library;

/**
 * The termb-style C API (termb.dll / libtermb.so). Return 1 = success. {@code Read_Content} writes the
 * text (wz.txt, 256 bytes UCS-2LE) and the photo (zp.wlt) to files: beside the library or in the working
 * directory, depending on the vendor.
 */
public interface TermbLibrary extends Library {
    int InitComm(int port);

    int CloseComm();

    int Authenticate();

    int Read_Content(int active);

    int GetSAMID(byte[] samId);
}
