package org.onewindow.devices.idcard.photo;

import org.onewindow.core.device.DeviceException;

/**
 * Turns the card's 1,024-byte WLT photo into an image. WLT is a licensed format: the decoder is a
 * plug-in (a vendor library at a configured path, see {@link WltLibraryPhotoDecoder}); without it the
 * reader still reads every text field and reports the photo as not decodable.
 */
public interface PhotoDecoder {

    /** False when no decoder library is installed; {@link #decode} then fails with DECODER_MISSING. */
    boolean isInstalled();

    /** For diagnostics: which library, or why none is installed. */
    String describe();

    /** The photo as a BMP image (102 x 126, 24-bit in the usual decoders). */
    byte[] decode(byte[] wlt) throws DeviceException;

    /** The "photo decoder not installed" state, with the reason shown in diagnostics. */
    static PhotoDecoder notInstalled(String reason) {
        return new PhotoDecoder() {
            @Override
            public boolean isInstalled() {
                return false;
            }

            @Override
            public String describe() {
                return "photo decoder not installed: " + reason;
            }

            @Override
            public byte[] decode(byte[] wlt) throws DeviceException {
                throw new DeviceException(DeviceException.Kind.DECODER_MISSING,
                        "The photo decoder is not installed, so the ID photo cannot be shown (" + reason + ").");
            }
        };
    }
}
