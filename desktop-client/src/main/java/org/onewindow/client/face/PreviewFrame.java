package org.onewindow.client.face;

import java.util.List;
import org.onewindow.core.device.Frame;
import org.onewindow.core.face.FaceBox;

/**
 * What the preview draws: the newest frame, and the newest analysis (which may be a frame or two behind).
 * {@code grabbedNanos} is {@link System#nanoTime()} when the camera delivered the frame, for latency figures.
 */
public final class PreviewFrame {
    private PreviewFrame() {
    }

    /** A camera frame as delivered. */
    public record Captured(Frame frame, long grabbedNanos) {
    }

    /** The face boxes found in frame {@code sequence}; {@code acceptable} colours the box green. */
    public record Overlay(long sequence, List<FaceBox> faces, boolean acceptable, int frameWidth, int frameHeight,
                          long grabbedNanos) {
        public Overlay {
            faces = List.copyOf(faces);
        }
    }
}
