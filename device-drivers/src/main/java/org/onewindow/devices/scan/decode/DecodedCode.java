package org.onewindow.devices.scan.decode;

import java.time.Instant;
import java.util.List;
import org.onewindow.core.device.ScanEvent;
import org.onewindow.core.device.Symbology;

/**
 * One code found in an image.
 *
 * @param symbology our symbology
 * @param format    the ZXing format name (for the CLI and logs)
 * @param bytes     the payload bytes, authoritative (see {@link ZxingResults#payloadBytes})
 * @param text      the decoded text, best effort; display it through ScanText.escape
 * @param points    corner or finder points in the pixel grid of the decoded image
 */
public record DecodedCode(Symbology symbology, String format, byte[] bytes, String text, List<CodePoint> points) {

    public DecodedCode {
        bytes = bytes.clone();
        points = List.copyOf(points);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public ScanEvent toScanEvent(String source, Instant at) {
        return new ScanEvent(bytes, text, symbology, source, at);
    }

    /** Centre of the points, for telling apart two identical codes in one image. */
    public CodePoint centre() {
        float x = 0;
        float y = 0;
        for (CodePoint p : points) {
            x += p.x();
            y += p.y();
        }
        int n = Math.max(1, points.size());
        return new CodePoint(x / n, y / n);
    }

    @Override
    public String toString() {
        return "DecodedCode[" + format + ", " + bytes.length + " bytes]";
    }
}
