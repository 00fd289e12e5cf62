package org.onewindow.devices.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.core.device.ScanEvent;
import org.onewindow.core.device.Symbology;

class ScanHygieneTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final List<ScanEvent> delivered = new ArrayList<>();
    private final ScanHygiene hygiene =
            new ScanHygiene(Duration.ofSeconds(2), 3, Duration.ofSeconds(1), clock, delivered::add);

    private ScanEvent scan(String text, String source) {
        return ScanEvent.ofText(text, Symbology.QR_CODE, source, clock.instant());
    }

    @Test
    void sameCodeInConsecutiveFramesIsOneEvent() {
        for (int frame = 0; frame < 30; frame++) {
            hygiene.accept(scan("E-LICENSE-1", "camera"));
            clock.advance(Duration.ofMillis(100)); // held in view for 3 s: the window keeps sliding
        }
        assertThat(delivered).hasSize(1);
        assertThat(hygiene.duplicatesDropped()).isEqualTo(29);
    }

    @Test
    void sameCodeFromAnotherScannerWithinTheWindowIsADuplicate() {
        hygiene.accept(scan("E-ID-7", "camera"));
        clock.advance(Duration.ofMillis(500));
        hygiene.accept(scan("E-ID-7", "wedge"));
        assertThat(delivered).hasSize(1);
    }

    @Test
    void rescanAfterTheWindowIsANewEvent() {
        hygiene.accept(scan("E-ID-7", "wedge"));
        clock.advance(Duration.ofMillis(2001));
        hygiene.accept(scan("E-ID-7", "wedge"));
        assertThat(delivered).hasSize(2);
    }

    @Test
    void sameTextInAnotherSymbologyIsADifferentCode() {
        hygiene.accept(scan("X1", "camera"));
        hygiene.accept(ScanEvent.ofText("X1", Symbology.DATA_MATRIX, "camera", clock.instant()));
        assertThat(delivered).hasSize(2);
    }

    @Test
    void stuckTriggerIsRateLimited() {
        for (int i = 0; i < 20; i++) {
            hygiene.accept(scan("CODE-" + i, "wedge"));
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(delivered).hasSize(3);
        assertThat(hygiene.rateLimited()).isEqualTo(17);

        clock.advance(Duration.ofSeconds(1));
        hygiene.accept(scan("AFTER", "wedge"));
        assertThat(delivered).extracting(ScanEvent::text).endsWith("AFTER");
    }
}
