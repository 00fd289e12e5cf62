package org.onewindow.cache.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandwidthLimiterTest {
    private long fakeNanos = 1_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();
    private final BandwidthLimiter limiter = new BandwidthLimiter(100_000, () -> fakeNanos, n -> {
        sleeps.add(n);
        fakeNanos += n;
    });

    @Test
    void theAverageRateStaysUnderTheCap() throws Exception {
        long startNanos = fakeNanos;
        for (int i = 0; i < 10; i++) {
            limiter.acquire(50_000);
        }

        // 10 x 50 kB at 100 kB/s: the tenth request may start after 4.5 s
        assertThat(fakeNanos - startNanos).isEqualTo(4_500_000_000L);
        assertThat(sleeps).hasSize(9).allSatisfy(n -> assertThat(n).isEqualTo(500_000_000L));
    }

    @Test
    void aQuietSpellDoesNotBankABurst() throws Exception {
        limiter.acquire(100_000);
        fakeNanos += 60_000_000_000L;

        limiter.acquire(100_000);
        limiter.acquire(100_000);

        assertThat(sleeps).containsExactly(1_000_000_000L);
    }

    @Test
    void noCapNeverWaits() throws Exception {
        BandwidthLimiter unlimited = new BandwidthLimiter(0, () -> fakeNanos, n -> sleeps.add(n));

        unlimited.acquire(10_000_000);
        unlimited.acquire(10_000_000);

        assertThat(sleeps).isEmpty();
    }
}
