package org.onewindow.core.supervisor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hall's day so far, as the supervisor dashboard shows it. Counts are for {@code day} in the hall's
 * time zone ({@link #HALL_ZONE}); "waiting now" is as of {@code generatedAt}.
 */
public record HallStats(LocalDate day, Instant generatedAt, List<CategoryStats> categories,
                        List<WindowActivity> windows, List<WaitingSample> waitingSeries,
                        List<HourlyCount> servedPerHour, List<WaitBucket> waitDistribution, RatingSummary ratings) {
    /** Halls run on Beijing time; "today" and hours of the day are counted in it. */
    public static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");

    public HallStats {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(generatedAt, "generatedAt");
        categories = List.copyOf(categories);
        windows = List.copyOf(windows);
        waitingSeries = List.copyOf(waitingSeries);
        servedPerHour = List.copyOf(servedPerHour);
        waitDistribution = List.copyOf(waitDistribution);
        Objects.requireNonNull(ratings, "ratings");
    }

    public Optional<CategoryStats> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<WindowActivity> window(String windowId) {
        return windows.stream().filter(w -> w.windowId().equals(windowId)).findFirst();
    }

    public int waitingTotal() {
        return categories.stream().mapToInt(CategoryStats::waiting).sum();
    }

    public int servedTotal() {
        return categories.stream().mapToInt(CategoryStats::served).sum();
    }
}
