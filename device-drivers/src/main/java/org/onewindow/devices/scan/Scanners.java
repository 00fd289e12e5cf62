package org.onewindow.devices.scan;

import java.time.Clock;
import java.time.Duration;
import org.onewindow.core.device.Camera;
import org.onewindow.core.device.CodeScanner;
import org.onewindow.devices.scan.camera.CameraCodeScanner;
import org.onewindow.devices.scan.decode.PipelineDecoder;
import org.onewindow.devices.scan.serial.SerialCodeScanner;
import org.onewindow.devices.scan.serial.SerialScannerSettings;

/**
 * Builds the scanners of a desk from its settings; the composition root adds them to one {@link ScanHub}.
 * The keyboard-wedge scanner needs the JavaFX scene and lives in the desktop client
 * ({@code org.onewindow.client.scan.KeyboardWedgeScanner}).
 */
public final class Scanners {

    private Scanners() {
    }

    /** A hub with the counter defaults: same code within {@code duplicateWindow} is one event, at most 5 scans/s. */
    public static ScanHub hub(Duration duplicateWindow, Clock clock) {
        return new ScanHub(downstream -> new ScanHygiene(duplicateWindow, 5, Duration.ofSeconds(1), clock, downstream));
    }

    public static CodeScanner serial(SerialScannerSettings settings) {
        return new SerialCodeScanner(settings);
    }

    /** Camera decoding with the pipeline at the given frame size (1280x720 suits document cameras). */
    public static CameraCodeScanner camera(Camera camera, int width, int height) {
        return new CameraCodeScanner(camera, PipelineDecoder::new, width, height, Clock.systemUTC());
    }
}
