package org.onewindow.core.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceRatingTest {
    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");

    @Test
    void lowRatingWithoutReasonIsRefused() {
        assertThatThrownBy(() -> new ServiceRating(RatingLevel.DISSATISFIED, Set.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void goodRatingWithReasonIsRefused() {
        assertThatThrownBy(() -> new ServiceRating(RatingLevel.SATISFIED, Set.of(RatingReason.ATTITUDE), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheTwoLowestLevelsNeedAReason() {
        assertThat(RatingLevel.values()).filteredOn(RatingLevel::needsReason)
                .containsExactly(RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED);
        assertThat(new ServiceRating(RatingLevel.VERY_DISSATISFIED, Set.of(RatingReason.NOT_DONE), NOW).reasons())
                .containsExactly(RatingReason.NOT_DONE);
    }
}
