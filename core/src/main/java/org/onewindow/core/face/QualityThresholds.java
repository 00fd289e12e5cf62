package org.onewindow.core.face;

/**
 * The quality gate's limits (from configuration).
 *
 * @param minFaceHeight   the face box's height as a fraction of the frame height, at least
 * @param maxCentreOffset the face centre's distance from the frame centre, as a fraction of the frame size, at most
 * @param minSharpness    variance of the Laplacian over the face's 48x48 block means (grey levels squared), at least
 * @param minBrightness   mean grey level of the face (0..255), at least
 * @param maxBrightness   mean grey level of the face, at most
 * @param minEyes         open eyes the detector must find in the face (2 = frontal; 0 switches the check off)
 * @param maxAsymmetry    left/right difference over contrast, at most (a turned head is asymmetric)
 */
public record QualityThresholds(double minFaceHeight, double maxCentreOffset, double minSharpness,
                                double minBrightness, double maxBrightness, int minEyes, double maxAsymmetry) {

    /** Values tuned on 640x480 synthetic frames (see docs/face-check.md); calibrate on the hall's camera. */
    public static QualityThresholds defaults() {
        return new QualityThresholds(0.25, 0.18, 800, 70, 215, 2, 0.4);
    }
}
