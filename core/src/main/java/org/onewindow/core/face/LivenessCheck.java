package org.onewindow.core.face;

/**
 * Liveness hints without special hardware: the citizen must do what a printed photo held up to the camera
 * cannot, namely a prompted blink or a prompted head turn and back, while the face also moves a little
 * between frames. This defends against a still photo or a phone showing a still image; it does not defend
 * against a replayed video, a mask or a screen showing a live deepfake (docs/face-check.md).
 */
public final class LivenessCheck {
    /** What the citizen is asked to do. */
    public enum Challenge {
        BLINK, TURN;

        public String promptKey() {
            return "face.live." + name();
        }
    }

    /** How far the face centre must wander (over the face width) across the check: a photo on a stand does not. */
    static final double MIN_DRIFT = 0.01;
    /** Asymmetry (see {@link FaceQuality#asymmetry()}) that counts as turned away. */
    static final double TURNED = 0.45;

    private final Challenge challenge;
    private final double frontalAsymmetry;
    private boolean sawReady;
    private boolean sawAction;
    private boolean passed;
    private double minX = Double.MAX_VALUE;
    private double maxX = -Double.MAX_VALUE;
    private double minY = Double.MAX_VALUE;
    private double maxY = -Double.MAX_VALUE;
    private double faceWidth;

    public LivenessCheck(Challenge challenge, double frontalAsymmetry) {
        this.challenge = challenge;
        this.frontalAsymmetry = frontalAsymmetry;
    }

    public Challenge challenge() {
        return challenge;
    }

    /** Feeds one analysed frame; returns true once the challenge has been met (and stays true). */
    public boolean observe(FaceQuality q) {
        if (passed) {
            return true;
        }
        FaceBox face = q.face();
        boolean onePerson = face != null && !q.issues().contains(QualityIssue.SEVERAL_FACES);
        if (onePerson) {
            minX = Math.min(minX, face.centreX());
            maxX = Math.max(maxX, face.centreX());
            minY = Math.min(minY, face.centreY());
            maxY = Math.max(maxY, face.centreY());
            faceWidth = Math.max(faceWidth, face.width());
        }
        boolean ready = onePerson && q.eyes() >= 2 && q.asymmetry() <= frontalAsymmetry;
        boolean action = switch (challenge) {
            // eyes shut: the face is still there, frontal, but the eye detector finds fewer than two eyes
            case BLINK -> onePerson && q.eyes() < 2 && q.asymmetry() <= frontalAsymmetry;
            // turned: the face got clearly asymmetric, or the frontal detector lost it altogether
            case TURN -> sawReady && (face == null || q.asymmetry() >= TURNED);
        };
        if (!sawReady) {
            sawReady = ready;
        } else if (!sawAction) {
            sawAction = action;
        } else if (ready && drifted()) {
            passed = true;
        }
        return passed;
    }

    private boolean drifted() {
        return faceWidth > 0 && Math.max(maxX - minX, maxY - minY) / faceWidth >= MIN_DRIFT;
    }

    public boolean passed() {
        return passed;
    }
}
