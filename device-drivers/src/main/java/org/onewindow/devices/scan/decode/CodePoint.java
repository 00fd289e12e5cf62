package org.onewindow.devices.scan.decode;

/** A corner or finder point of a found code, in pixels of the image as given to the decoder. */
public record CodePoint(float x, float y) {
}
