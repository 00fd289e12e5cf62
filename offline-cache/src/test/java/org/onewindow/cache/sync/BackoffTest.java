package org.onewindow.cache.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration BASE = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofMinutes(10);

    @Property
    void eachWaitIsBetweenHalfAndAllOfTheCappedExponential(@ForAll @IntRange(min = 1, max = 60) int failures,
                                                          @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Duration delay = new Backoff(BASE, MAX, new Random(seed)).delayAfter(failures);

        long ceiling = Math.min(MAX.toMillis(), BASE.toMillis() * (1L << Math.min(failures - 1, 30)));
        assertThat(delay.toMillis()).isBetween(ceiling / 2, ceiling);
    }

    @Test
    void theWaitGrowsUntilTheCap() {
        Backoff backoff = new Backoff(BASE, MAX, new Random(1));

        assertThat(backoff.delayAfter(1).toMillis()).isBetween(1_000L, 2_000L);
        assertThat(backoff.delayAfter(4).toMillis()).isBetween(8_000L, 16_000L);
        assertThat(backoff.delayAfter(30).toMillis()).isBetween(300_000L, 600_000L);
    }

    @Test
    void jitterSpreadsWorkstationsThatFailedTogether() {
        Set<Long> waits = new HashSet<>();
        for (int workstation = 0; workstation < 20; workstation++) {
            waits.add(new Backoff(BASE, MAX, new Random(workstation)).delayAfter(5).toMillis());
        }
        assertThat(waits).hasSizeGreaterThan(15);
    }
}
