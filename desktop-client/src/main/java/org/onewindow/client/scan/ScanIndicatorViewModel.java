package org.onewindow.client.scan;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.onewindow.core.device.ScanEvent;
import org.onewindow.devices.scan.ScanText;

/**
 * State of the clerk window's scan indicator: which scanner read last, when, and a short escaped preview of
 * what it read. Plain properties, no controls; update it on the FX thread (use {@link #subscriber(Executor)}
 * to get there from a scanner thread).
 */
public final class ScanIndicatorViewModel {

    private static final int PREVIEW_CHARS = 40;

    private final ReadOnlyStringWrapper scanner = new ReadOnlyStringWrapper(this, "scanner", "");
    private final ReadOnlyObjectWrapper<Instant> lastScanAt = new ReadOnlyObjectWrapper<>(this, "lastScanAt");
    private final ReadOnlyStringWrapper lastScanPreview = new ReadOnlyStringWrapper(this, "lastScanPreview", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyLongWrapper scanCount = new ReadOnlyLongWrapper(this, "scanCount");
    private final DateTimeFormatter timeFormat;
    private final String idleText;

    /**
     * @param zone     the hall's time zone for the shown time
     * @param idleText what the indicator says before the first scan, e.g. "等待扫码" (from the UI bundle)
     */
    public ScanIndicatorViewModel(ZoneId zone, String idleText) {
        this.timeFormat = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        this.idleText = Objects.requireNonNull(idleText);
        summary.set(idleText);
    }

    /** Records a scan; FX thread only. */
    public void onScan(ScanEvent event) {
        scanner.set(event.source());
        lastScanAt.set(event.at());
        lastScanPreview.set(ScanText.forDisplay(event.payload(), event.text(), PREVIEW_CHARS));
        scanCount.set(scanCount.get() + 1);
        summary.set(event.source() + " · " + timeFormat.format(event.at()));
    }

    /** A scan-hub subscriber that hands each event to {@code fxThread} (e.g. {@code Platform::runLater}). */
    public Consumer<ScanEvent> subscriber(Executor fxThread) {
        return event -> fxThread.execute(() -> onScan(event));
    }

    public void reset() {
        scanner.set("");
        lastScanAt.set(null);
        lastScanPreview.set("");
        summary.set(idleText);
    }

    public ReadOnlyStringProperty scannerProperty() {
        return scanner.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastScanAtProperty() {
        return lastScanAt.getReadOnlyProperty();
    }

    /** Escaped (control characters, bidi overrides visible) and cut to 40 characters. */
    public ReadOnlyStringProperty lastScanPreviewProperty() {
        return lastScanPreview.getReadOnlyProperty();
    }

    /** "scanner · HH:mm:ss", or the idle text. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty scanCountProperty() {
        return scanCount.getReadOnlyProperty();
    }
}
