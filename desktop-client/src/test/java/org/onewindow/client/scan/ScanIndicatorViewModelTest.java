package org.onewindow.client.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.core.device.ScanEvent;
import org.onewindow.core.device.Symbology;

class ScanIndicatorViewModelTest {

    private final ScanIndicatorViewModel model = new ScanIndicatorViewModel(ZoneId.of("Asia/Shanghai"), "等待扫码");

    @Test
    void showsIdleTextUntilTheFirstScan() {
        assertThat(model.summaryProperty().get()).isEqualTo("等待扫码");
        assertThat(model.lastScanAtProperty().get()).isNull();
    }

    @Test
    void showsScannerAndLocalTimeOfTheLastScan() {
        model.onScan(ScanEvent.ofText("X", Symbology.QR_CODE, "serial:/dev/ttyACM0", Instant.parse("2026-01-05T01:02:03Z")));
        model.onScan(ScanEvent.ofText("Y", Symbology.QR_CODE, "wedge", Instant.parse("2026-01-05T01:30:00Z")));
        assertThat(model.summaryProperty().get()).isEqualTo("wedge · 09:30:00");
        assertThat(model.scannerProperty().get()).isEqualTo("wedge");
        assertThat(model.scanCountProperty().get()).isEqualTo(2);
    }

    @Test
    void previewIsEscapedAndShort() {
        model.onScan(ScanEvent.ofText("\u001B[2J" + "A".repeat(100), Symbology.QR_CODE, "camera:desk", Instant.EPOCH));
        assertThat(model.lastScanPreviewProperty().get()).startsWith("\\u001B[2JAAA").doesNotContain("\u001B").contains("bytes)");
    }

    @Test
    void subscriberHandsEventsToTheGivenThread() {
        List<Runnable> fxQueue = new ArrayList<>();
        model.subscriber(fxQueue::add).accept(ScanEvent.ofText("Z", Symbology.AZTEC, "camera:desk", Instant.EPOCH));
        assertThat(model.scanCountProperty().get()).isZero();
        fxQueue.forEach(Runnable::run);
        assertThat(model.scanCountProperty().get()).isEqualTo(1);
    }
}
