package org.onewindow.devices.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.onewindow.core.device.Camera;
import org.onewindow.core.device.DeviceException;
import org.onewindow.devices.camera.Frames;

/** Grabs one frame from the document camera and cuts the page out of it. Blocking: call off the UI thread. */
public final class DocumentCapture {
    private final Camera camera;
    private final PageDetector detector;

    public DocumentCapture(Camera camera, PageDetector detector) {
        this.camera = camera;
        this.detector = detector;
    }

    public DocumentCapture(Camera camera) {
        this(camera, new PageDetector());
    }

    public Camera camera() {
        return camera;
    }

    /** Grabs a frame (the camera must be open) and returns the detected page. */
    public CapturedPage capture() throws DeviceException {
        return fromImage(Frames.toImage(camera.grab()));
    }

    public CapturedPage fromImage(BufferedImage frame) {
        PageDetector.Result r = detector.detect(frame);
        return new CapturedPage(jpeg(r.page()), r.page().getWidth(), r.page().getHeight(), r.cropped(),
                r.skewDegrees());
    }

    static byte[] jpeg(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
