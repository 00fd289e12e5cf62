package org.onewindow.devices.idcard.sdk;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.DeviceException.Kind;
import org.onewindow.core.device.IdReader;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.privacy.Masking;
import org.onewindow.devices.idcard.IdCardChecks;
import org.onewindow.devices.idcard.jna.NativeLibraryFile;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.protocol.CardData;
import org.onewindow.devices.idcard.text.IdCardText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge to a vendor's C library through JNA, for readers the pure-Java driver cannot reach (a
 * proprietary USB HID protocol). Two API styles: sdtapi ({@code SDT_OpenPort, SDT_StartFindIDCard,
 * SDT_SelectIDCard, SDT_ReadBaseMsg, SDT_GetSAMIDToStr}) and termb ({@code InitComm, Authenticate,
 * Read_Content, GetSAMID, CloseComm}). Port numbers follow the vendors: 1-16 serial, 1001-1016 USB.
 *
 * <p><b>Bitness:</b> the JVM and the library must match. The file's header is checked before loading, and
 * a mismatch fails with {@link Kind#UNSUPPORTED} and a message that says which edition to install.
 */
public final class VendorSdkIdReader implements IdReader {
    private static final Logger LOG = LoggerFactory.getLogger(VendorSdkIdReader.class);

    private final VendorSdk sdk;
    private final PhotoDecoder photoDecoder;
    private boolean open;
    private final org.onewindow.devices.idcard.CardPresentation presentation =
            new org.onewindow.devices.idcard.CardPresentation();

    private VendorSdkIdReader(VendorSdk sdk, PhotoDecoder photoDecoder) {
        this.sdk = sdk;
        this.photoDecoder = photoDecoder;
    }

    /** An sdtapi-style library at {@code library}, reader at {@code port}. */
    public static VendorSdkIdReader sdtapi(Path library, int port, PhotoDecoder photoDecoder) throws DeviceException {
        SdtApiLibrary lib = load(library, SdtApiLibrary.class);
        return new VendorSdkIdReader(new SdtApiSdk(lib, library.getFileName().toString(), port), photoDecoder);
    }

    /**
     * A termb-style library; {@code outputDirectory} is where its Read_Content writes wz.txt and zp.wlt
     * (null: beside the library).
     */
    public static VendorSdkIdReader termb(Path library, int port, Path outputDirectory, PhotoDecoder photoDecoder)
            throws DeviceException {
        TermbLibrary lib = load(library, TermbLibrary.class);
        Path out = outputDirectory != null ? outputDirectory : library.toAbsolutePath().getParent();
        return new VendorSdkIdReader(new TermbSdk(lib, library.getFileName().toString(), port, out), photoDecoder);
    }

    /** Checks the file (exists, shared library, bitness and CPU match this JVM) and binds it. */
    static <T extends Library> T load(Path library, Class<T> api) throws DeviceException {
        if (!Files.isRegularFile(library)) {
            throw new DeviceException(Kind.NOT_CONNECTED, "the vendor reader library " + library + " is not installed");
        }
        String mismatch;
        try {
            mismatch = NativeLibraryFile.inspect(library).mismatchWithThisJvm();
        } catch (IOException e) {
            throw new DeviceException(Kind.IO, "cannot read the vendor reader library " + library, e);
        }
        if (mismatch != null) {
            throw new DeviceException(Kind.UNSUPPORTED, mismatch);
        }
        try {
            return Native.load(library.toAbsolutePath().toString(), api);
        } catch (UnsatisfiedLinkError e) {
            throw new DeviceException(Kind.UNSUPPORTED, "cannot load the vendor reader library " + library + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return sdk.describe();
    }

    @Override
    public synchronized boolean pollForNewCard() throws DeviceException {
        return presentation.poll(call(sdk::findCard));
    }

    @Override
    public synchronized IdCard read() throws DeviceException {
        boolean announced = presentation.takeForRead();
        CardData data = call(() -> {
            if (!announced && !sdk.findCard()) {
                throw new DeviceException(Kind.NO_CARD, "No card on the reader. Place the ID card flat on the reader.");
            }
            return sdk.read();
        });
        IdCard card = IdCardText.decode(data.text(), data.photoWlt());
        IdCardChecks.checkNumber(card, java.time.LocalDate.now());
        if (photoDecoder.isInstalled()) {
            try {
                card = card.withPhotoImage(photoDecoder.decode(data.photoWlt()));
            } catch (DeviceException e) {
                LOG.warn("{}: photo not decoded: {}", name(), e.getMessage());
            }
        }
        LOG.info("{}: read {} card {}", name(), card.type(), Masking.idNumber(card.idNumber()));
        return card;
    }

    @Override
    public synchronized String samId() throws DeviceException {
        return call(sdk::samId);
    }

    @Override
    public synchronized void close() {
        if (open) {
            sdk.close();
            open = false;
        }
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T call() throws DeviceException;
    }

    private <T> T call(SdkCall<T> step) throws DeviceException {
        try {
            if (!open) {
                sdk.open();
                open = true;
            }
            return step.call();
        } catch (UnsatisfiedLinkError e) {
            throw new DeviceException(Kind.UNSUPPORTED, name() + ": the library lacks a function this bridge needs: "
                    + e.getMessage(), e);
        } catch (DeviceException e) {
            if (e.kind() == Kind.NOT_CONNECTED || e.kind() == Kind.IO) {
                // open again on the next call: the reader may come back (hot-plug)
                close();
            }
            throw e;
        }
    }
}
