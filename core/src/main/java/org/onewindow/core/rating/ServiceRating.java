package org.onewindow.core.rating;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The citizen's 好差评 for one service; travels with the case. Low levels carry at least one reason.
 *
 * @param level   the chosen level
 * @param reasons why, for low levels (empty otherwise)
 * @param ratedAt when the citizen confirmed
 */
public record ServiceRating(RatingLevel level, Set<RatingReason> reasons, Instant ratedAt) {
    public ServiceRating {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(ratedAt, "ratedAt");
        reasons = Set.copyOf(reasons);
        if (level.needsReason() && reasons.isEmpty()) {
            throw new IllegalArgumentException(level + " needs at least one reason");
        }
        if (!level.needsReason() && !reasons.isEmpty()) {
            throw new IllegalArgumentException(level + " takes no reasons");
        }
    }
}
