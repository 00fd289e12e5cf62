package org.onewindow.client.provisioning;

/** A camera capture size as the provisioning file writes it ({@code 640x480}). */
public record Resolution(int width, int height) {
    public static final Resolution VGA = new Resolution(640, 480);

    /** The text form, as written back into the file. */
    public String text() {
        return width + "x" + height;
    }
}
