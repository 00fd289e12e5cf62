package org.onewindow.devices.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDiscoverySupport;
import com.github.sarxos.webcam.WebcamDriver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Webcam Capture driver that captures through the ffmpeg command line instead of BridJ (whose natives
 * fail on current JDKs and distributions; see docs/face-check.md). Devices come from a {@link CameraLister};
 * the same device object is handed out while its camera stays attached, so Webcam Capture's discovery
 * service sees plug and unplug as changes of the list.
 */
public final class FfmpegCaptureDriver implements WebcamDriver, WebcamDiscoverySupport {
    private final String ffmpeg;
    private final CameraLister lister;
    private final long scanIntervalMillis;
    private final Map<String, FfmpegCameraDevice> known = new LinkedHashMap<>();

    public FfmpegCaptureDriver(String ffmpegExecutable, CameraLister lister, long scanIntervalMillis) {
        this.ffmpeg = ffmpegExecutable;
        this.lister = lister;
        this.scanIntervalMillis = scanIntervalMillis;
    }

    /** ffmpeg from the PATH, this system's lister, a scan every 2 s. */
    public static FfmpegCaptureDriver forThisSystem(String ffmpegExecutable) {
        return new FfmpegCaptureDriver(ffmpegExecutable, CameraLister.forThisSystem(ffmpegExecutable), 2000);
    }

    @Override
    public synchronized List<WebcamDevice> getDevices() {
        Map<String, FfmpegCameraDevice> now = new LinkedHashMap<>();
        for (FfmpegInput input : lister.list()) {
            FfmpegCameraDevice existing = known.get(input.name());
            now.put(input.name(), existing != null ? existing : new FfmpegCameraDevice(ffmpeg, input));
        }
        known.clear();
        known.putAll(now);
        return new ArrayList<>(now.values());
    }

    /** Each device runs its own process: calls on different devices do not interfere. */
    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public long getScanInterval() {
        return scanIntervalMillis;
    }

    @Override
    public boolean isScanPossible() {
        return true;
    }

    @Override
    public String toString() {
        return "ffmpeg capture driver (" + ffmpeg + ")";
    }
}
