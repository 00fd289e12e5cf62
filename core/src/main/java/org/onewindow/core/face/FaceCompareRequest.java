package org.onewindow.core.face;

import java.util.Objects;

/**
 * One 1:1 compare: the live image and the reference photo, each with the face box the client's detector
 * found in it (a hint the engine may use for alignment), and the decision threshold from configuration.
 * Image bytes are citizen data: never log them.
 *
 * @param liveJpeg       the chosen camera frame (JPEG)
 * @param liveFace       the face in it
 * @param referenceImage the ID photo (JPEG or PNG)
 * @param referenceFace  the face in it, or null when the detector found none (the engine then assumes a portrait)
 * @param referenceSource where the photo came from ("resident-id-card", "e-id", "passport-chip")
 * @param threshold      similarity at or above which the engine answers MATCH
 */
public record FaceCompareRequest(byte[] liveJpeg, FaceBox liveFace, byte[] referenceImage, FaceBox referenceFace,
                                 String referenceSource, double threshold) {
    public FaceCompareRequest {
        liveJpeg = Objects.requireNonNull(liveJpeg, "liveJpeg").clone();
        referenceImage = Objects.requireNonNull(referenceImage, "referenceImage").clone();
        Objects.requireNonNull(liveFace, "liveFace");
    }

    @Override
    public byte[] liveJpeg() {
        return liveJpeg.clone();
    }

    @Override
    public byte[] referenceImage() {
        return referenceImage.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceCompareRequest r && java.util.Arrays.equals(liveJpeg, r.liveJpeg)
                && java.util.Arrays.equals(referenceImage, r.referenceImage) && liveFace.equals(r.liveFace)
                && Objects.equals(referenceFace, r.referenceFace) && Objects.equals(referenceSource, r.referenceSource)
                && threshold == r.threshold;
    }

    @Override
    public int hashCode() {
        return Objects.hash(liveFace, referenceFace, referenceSource, threshold);
    }

    @Override
    public String toString() {
        return "FaceCompareRequest[" + liveJpeg.length + " + " + referenceImage.length + " bytes, threshold " + threshold + "]";
    }
}
