package org.onewindow.client.face;

import org.onewindow.core.face.QualityThresholds;

/**
 * The face check's configuration (provisioning file).
 *
 * @param width            capture width
 * @param height           capture height
 * @param quality          the quality gate's limits
 * @param matchThreshold   similarity at or above which the compare is a match
 * @param maxAttempts      compares per citizen before the clerk must decide
 * @param goodFramesNeeded consecutive acceptable frames before the liveness prompt (steadiness)
 * @param liveness         whether a blink/turn prompt must be met before comparing
 * @param minReasonLength  characters an override or manual-review reason needs at least
 */
public record FaceCheckSettings(int width, int height, QualityThresholds quality, double matchThreshold, int maxAttempts,
                                int goodFramesNeeded, boolean liveness, int minReasonLength) {
    public FaceCheckSettings {
        if (matchThreshold < 0 || matchThreshold > 1 || maxAttempts < 1 || goodFramesNeeded < 1 || minReasonLength < 1) {
            throw new IllegalArgumentException("face check settings out of range");
        }
    }

    public static FaceCheckSettings defaults() {
        return new FaceCheckSettings(640, 480, QualityThresholds.defaults(), 0.60, 3, 5, true, 4);
    }

    public FaceCheckSettings withLiveness(boolean on) {
        return new FaceCheckSettings(width, height, quality, matchThreshold, maxAttempts, goodFramesNeeded, on,
                minReasonLength);
    }

    public FaceCheckSettings withMatchThreshold(double t) {
        return new FaceCheckSettings(width, height, quality, t, maxAttempts, goodFramesNeeded, liveness, minReasonLength);
    }
}
