package org.onewindow.devices.diag;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.onewindow.core.device.CodeScanner;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.ScanEvent;

/**
 * The configured code scanner: starts it and, when asked to wait, takes one scan as the test read. The
 * report says which symbology and how many characters arrived, never the content (an e-licence QR is
 * citizen data).
 */
public final class ScannerProbe implements DeviceProbe {
    private final Supplier<CodeScanner> configuredScanner;
    private final Duration waitForScan;

    /** @param configuredScanner null when the workstation has no scanner; waitForScan zero to only start it */
    public ScannerProbe(Supplier<CodeScanner> configuredScanner, Duration waitForScan) {
        this.configuredScanner = configuredScanner;
        this.waitForScan = waitForScan;
    }

    @Override
    public String kind() {
        return "scanner";
    }

    @Override
    public List<DeviceReport> probe() {
        if (configuredScanner == null) {
            return List.of(DeviceReport.absent(kind(), "(none)", "no scanner configured"));
        }
        AtomicReference<ScanEvent> first = new AtomicReference<>();
        CountDownLatch scanned = new CountDownLatch(1);
        String name = "configured scanner";
        try (CodeScanner scanner = configuredScanner.get()) {
            name = scanner.name();
            scanner.start(event -> {
                first.compareAndSet(null, event);
                scanned.countDown();
            });
            if (waitForScan.isZero()) {
                return List.of(DeviceReport.ok(kind(), name, "started (run diag with --wait-scan to test a scan)",
                        Map.of()));
            }
            if (!scanned.await(waitForScan.toMillis(), TimeUnit.MILLISECONDS)) {
                return List.of(DeviceReport.fault(kind(), name,
                        "no scan within " + waitForScan.toSeconds() + " s (is it plugged in and configured for this port?)"));
            }
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("symbology", String.valueOf(first.get().symbology()));
            facts.put("characters", String.valueOf(first.get().text() == null ? 0 : first.get().text().length()));
            return List.of(DeviceReport.ok(kind(), name, "test scan received", facts));
        } catch (DeviceException | RuntimeException e) {
            return List.of(DeviceReport.fault(kind(), name, "cannot start: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(DeviceReport.fault(kind(), name, "interrupted while waiting for a scan"));
        }
    }
}
