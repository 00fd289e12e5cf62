package org.onewindow.core.face;

import java.time.Instant;

/**
 * The back-end's answer to a 1:1 compare.
 *
 * @param score      similarity in [0, 1]
 * @param threshold  the threshold the engine applied
 * @param match      score at or above threshold
 * @param compareId  the back-end's receipt for this compare (archived)
 * @param comparedAt when
 * @param engine     what compared ("sandbox-lbp-chi2/1", a vendor engine's name and version)
 */
public record FaceMatch(double score, double threshold, boolean match, String compareId, Instant comparedAt, String engine) {
}
