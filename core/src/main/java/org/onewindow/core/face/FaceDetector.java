package org.onewindow.core.face;

import java.util.List;
import org.onewindow.core.device.Frame;

/**
 * Finds faces in a frame. Implementations may be slow (tens of milliseconds): call off the UI thread.
 * Implementations: OpenCV cascades (device-drivers); fakes in tests.
 */
public interface FaceDetector extends AutoCloseable {
    /** Frontal faces, largest first. */
    List<FaceBox> faces(Frame frame);

    /**
     * Frontal faces found with a finer (slower) search, for aligning the two images of a compare: the boxes
     * jitter less from frame to frame. Called once per compare, never per preview frame.
     */
    default List<FaceBox> facesPrecisely(Frame frame) {
        return faces(frame);
    }

    /** Open eyes found inside {@code face} (0, 1 or 2 for a frontal face with open eyes). */
    int openEyes(Frame frame, FaceBox face);

    /** What the detector is, for the evidence and the docs ("opencv-4.9.0 haarcascade_frontalface_default"). */
    String describe();

    @Override
    default void close() {
    }
}
