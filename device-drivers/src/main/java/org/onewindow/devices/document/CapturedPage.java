package org.onewindow.devices.document;

/**
 * One page from the document camera.
 *
 * @param jpeg        the (cropped, upright) page as JPEG
 * @param width       pixel width of the JPEG
 * @param height      pixel height of the JPEG
 * @param cropped     true when a page outline was found and the page was cut out; false when the whole frame is kept
 * @param skewDegrees how far the page's top edge was rotated in the frame (0 when not cropped)
 */
public record CapturedPage(byte[] jpeg, int width, int height, boolean cropped, double skewDegrees) {
    public CapturedPage {
        jpeg = jpeg.clone();
    }

    @Override
    public byte[] jpeg() {
        return jpeg.clone();
    }
}
