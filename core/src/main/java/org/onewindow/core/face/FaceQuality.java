package org.onewindow.core.face;

import java.util.List;

/**
 * The quality gate's verdict on one frame.
 *
 * @param sequence   the frame's sequence number
 * @param faces      all faces found, largest first
 * @param issues     what is wrong, most important first; empty means the frame may be compared
 * @param brightness mean grey level of the face (or of the frame without a face)
 * @param sharpness  variance of the Laplacian over the face (0 without a face)
 * @param asymmetry  left/right difference of the face over its contrast (0 = mirror-symmetric)
 * @param eyes       open eyes found in the largest face
 * @param score      how good the frame is for comparing (higher is better; 0 when it has issues)
 */
public record FaceQuality(long sequence, List<FaceBox> faces, List<QualityIssue> issues, double brightness,
                          double sharpness, double asymmetry, int eyes, double score) {
    public FaceQuality {
        faces = List.copyOf(faces);
        issues = List.copyOf(issues);
    }

    public boolean acceptable() {
        return issues.isEmpty();
    }

    /** The face the gate judged, or null. */
    public FaceBox face() {
        return faces.isEmpty() ? null : faces.get(0);
    }

    /** The first issue (what to tell the citizen now), or null. */
    public QualityIssue mainIssue() {
        return issues.isEmpty() ? null : issues.get(0);
    }
}
