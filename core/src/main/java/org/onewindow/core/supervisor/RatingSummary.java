package org.onewindow.core.supervisor;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.onewindow.core.rating.RatingLevel;

/** The day's 好差评: how many of each level, and per hour. */
public record RatingSummary(Map<RatingLevel, Integer> counts, List<HourlyRating> perHour) {
    public RatingSummary {
        EnumMap<RatingLevel, Integer> all = new EnumMap<>(RatingLevel.class);
        for (RatingLevel l : RatingLevel.values()) {
            all.put(l, counts.getOrDefault(l, 0));
        }
        counts = Map.copyOf(all);
        perHour = List.copyOf(perHour);
    }

    public static RatingSummary empty() {
        return new RatingSummary(Map.of(), List.of());
    }

    /** The score of a level: 5 for 非常满意 down to 1 for 非常不满意. */
    public static int score(RatingLevel level) {
        return RatingLevel.values().length - level.ordinal();
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Share of 满意 and 非常满意 among all ratings, 0..1 (0 when none). */
    public double satisfiedShare() {
        int total = total();
        return total == 0 ? 0 : (counts.get(RatingLevel.VERY_SATISFIED) + counts.get(RatingLevel.SATISFIED)) / (double) total;
    }

    /** Ratings below 基本满意 (差评), which the hall must follow up. */
    public int poor() {
        return counts.get(RatingLevel.DISSATISFIED) + counts.get(RatingLevel.VERY_DISSATISFIED);
    }

    public double averageScore() {
        int total = total();
        if (total == 0) {
            return 0;
        }
        double sum = 0;
        for (var e : counts.entrySet()) {
            sum += score(e.getKey()) * (double) e.getValue();
        }
        return sum / total;
    }
}
