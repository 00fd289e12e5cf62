package org.onewindow.devices.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.onewindow.core.device.CodeScanner;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.ScanEvent;
import org.onewindow.core.device.Symbology;

class ScanHubTest {

    /** A scanner the test fires by hand. */
    private static final class HandScanner implements CodeScanner {
        final String name;
        Consumer<ScanEvent> sink;
        boolean closed;

        HandScanner(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(Consumer<ScanEvent> s) {
            sink = s;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class BrokenScanner implements CodeScanner {
        @Override
        public String name() {
            return "serial:/dev/ttyUSB9";
        }

        @Override
        public void start(Consumer<ScanEvent> sink) throws DeviceException {
            throw new DeviceException(DeviceException.Kind.NOT_CONNECTED, "no such port");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void allScannersFeedOneStreamThroughHygieneAndAFailedScannerDoesNotStopTheOthers() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        HandScanner wedge = new HandScanner("wedge");
        HandScanner camera = new HandScanner("camera:desk");
        List<ScanEvent> seen = new ArrayList<>();
        try (ScanHub hub = Scanners.hub(Duration.ofSeconds(2), clock)) {
            hub.add(wedge).add(new BrokenScanner()).add(camera);
            hub.subscribe(e -> {
                throw new IllegalStateException("a broken subscriber");
            });
            hub.subscribe(seen::add);
            Map<String, DeviceException> failures = hub.start();

            assertThat(failures).containsOnlyKeys("serial:/dev/ttyUSB9");
            wedge.sink.accept(ScanEvent.ofText("A", Symbology.UNKNOWN, "wedge", clock.instant()));
            camera.sink.accept(ScanEvent.ofText("B", Symbology.QR_CODE, "camera:desk", clock.instant()));
            camera.sink.accept(ScanEvent.ofText("B", Symbology.QR_CODE, "camera:desk", clock.instant()));
        }
        assertThat(seen).extracting(ScanEvent::text).containsExactly("A", "B");
        assertThat(wedge.closed).isTrue();
        assertThat(camera.closed).isTrue();
    }
}
