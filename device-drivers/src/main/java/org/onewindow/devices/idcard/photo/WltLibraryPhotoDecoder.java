package org.onewindow.devices.idcard.photo;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.onewindow.core.device.DeviceException;
import org.onewindow.devices.idcard.jna.NativeLibraryFile;

/**
 * The photo plug-in: a licensed WLT decoder library bound with JNA. The common entry point is
 * <pre>{@code int wltGetBMP(const unsigned char *wlt, unsigned char *bmp);  // 1 = success}</pre>
 * taking the 1,024-byte WLT block and filling a 38,862-byte buffer with a 102 x 126, 24-bit BMP.
 * Libraries that name the function differently are configured with {@code entryPoint}.
 *
 * <p>{@link #load} never throws: a missing file, a library of the wrong bitness or one without the entry
 * point gives the "not installed" decoder with the reason, so the reader keeps working without photos.
 */
public final class WltLibraryPhotoDecoder implements PhotoDecoder {
    public static final String DEFAULT_ENTRY_POINT = "wltGetBMP";
    /** 54-byte header + 126 rows of 102 pixels x 3 bytes padded to 308. */
    public static final int BMP_LENGTH = 38_862;
    public static final int WLT_LENGTH = 1024;

    private final Path library;
    private final Function entryPoint;

    private WltLibraryPhotoDecoder(Path library, Function entryPoint) {
        this.library = library;
        this.entryPoint = entryPoint;
    }

    /** The decoder in {@code library} with the default entry point, or the "not installed" state. */
    public static PhotoDecoder load(Path library) {
        return load(library, DEFAULT_ENTRY_POINT);
    }

    public static PhotoDecoder load(Path library, String entryPointName) {
        if (library == null) {
            return PhotoDecoder.notInstalled("no decoder library configured");
        }
        if (!Files.isRegularFile(library)) {
            return PhotoDecoder.notInstalled("no file at " + library);
        }
        try {
            String mismatch = NativeLibraryFile.inspect(library).mismatchWithThisJvm();
            if (mismatch != null) {
                return PhotoDecoder.notInstalled(mismatch);
            }
        } catch (IOException e) {
            return PhotoDecoder.notInstalled("cannot read " + library + ": " + e.getMessage());
        }
        try {
            NativeLibrary lib = NativeLibrary.getInstance(library.toAbsolutePath().toString());
            return new WltLibraryPhotoDecoder(library, lib.getFunction(entryPointName));
        } catch (UnsatisfiedLinkError e) {
            return PhotoDecoder.notInstalled("cannot load " + library + " or find " + entryPointName + " in it: "
                    + e.getMessage());
        }
    }

    @Override
    public boolean isInstalled() {
        return true;
    }

    @Override
    public String describe() {
        return "WLT photo decoder " + library + " (" + entryPoint.getName() + ")";
    }

    @Override
    public byte[] decode(byte[] wlt) throws DeviceException {
        if (wlt == null || wlt.length != WLT_LENGTH) {
            throw new DeviceException(DeviceException.Kind.READ_FAILED, "the card photo block has "
                    + (wlt == null ? 0 : wlt.length) + " bytes, expected " + WLT_LENGTH);
        }
        byte[] bmp = new byte[BMP_LENGTH];
        int result;
        // vendor decoders keep global state: one call at a time
        synchronized (WltLibraryPhotoDecoder.class) {
            result = entryPoint.invokeInt(new Object[] {wlt.clone(), bmp});
        }
        if (result != 1) {
            throw new DeviceException(DeviceException.Kind.READ_FAILED, "the photo decoder " + library.getFileName()
                    + " rejected the photo block (code " + result + ")");
        }
        if (bmp[0] != 'B' || bmp[1] != 'M') {
            throw new DeviceException(DeviceException.Kind.READ_FAILED, "the photo decoder " + library.getFileName()
                    + " returned something that is not a BMP image");
        }
        return bmp;
    }
}
