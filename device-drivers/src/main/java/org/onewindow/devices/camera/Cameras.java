package org.onewindow.devices.camera;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDiscoveryEvent;
import com.github.sarxos.webcam.WebcamDiscoveryListener;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.WebcamException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.onewindow.core.device.Camera;
import org.onewindow.core.device.DeviceException;

/**
 * The face camera factory. Webcam Capture keeps its driver in a static: this class sets it once, to the
 * ffmpeg driver (or a test's driver) before Webcam Capture could fall back to its BridJ default.
 */
public final class Cameras {
    private static WebcamDriver installed;

    private Cameras() {
    }

    /** Makes {@code driver} Webcam Capture's driver; replaces any earlier one (tests swap drivers). */
    public static synchronized void useDriver(WebcamDriver driver) {
        Webcam.setDriver(driver);
        installed = driver;
    }

    private static synchronized void ensureDriver(String ffmpeg) {
        if (installed == null) {
            useDriver(FfmpegCaptureDriver.forThisSystem(ffmpeg));
        }
    }

    /** The names of the cameras attached now, for the settings screen. */
    public static List<String> list(CameraSettings settings) throws DeviceException {
        return webcams(settings).stream().map(Webcam::getName).toList();
    }

    /** The camera the settings name (not yet opened: call {@code open(settings.width(), settings.height())}). */
    public static Camera create(CameraSettings settings, Clock clock) throws DeviceException {
        return switch (settings.source()) {
            case VIRTUAL_IMAGES -> {
                try {
                    yield VirtualCamera.ofFolder(settings.media(), settings.fps(), clock);
                } catch (IOException e) {
                    throw new DeviceException(DeviceException.Kind.NOT_CONNECTED, "virtual camera: " + e.getMessage(), e);
                }
            }
            case VIRTUAL_VIDEO -> virtualVideo(settings, clock);
            case FFMPEG -> {
                List<Webcam> all = webcams(settings);
                Webcam chosen = all.stream()
                        .filter(w -> settings.device() == null || settings.device().isBlank() || w.getName().equals(settings.device()))
                        .findFirst()
                        .orElseThrow(() -> new DeviceException(DeviceException.Kind.NOT_CONNECTED,
                                all.isEmpty() ? "no camera attached" : "camera '" + settings.device() + "' not attached"));
                yield new WebcamCamera(chosen, clock);
            }
        };
    }

    /** A video file played in real time and looped through ffmpeg, behind Webcam Capture like a real camera. */
    public static Camera virtualVideo(CameraSettings settings, Clock clock) {
        ensureDriver(settings.ffmpeg());
        return WebcamCamera.ofDevice(new FfmpegCameraDevice(settings.ffmpeg(), FfmpegInput.videoFile(settings.media())), clock);
    }

    /** Tells {@code listener} when cameras come and go; close the result to stop. */
    public static AutoCloseable watch(CameraSettings settings, CameraPlugListener listener) throws DeviceException {
        webcams(settings);
        WebcamDiscoveryListener adapter = new WebcamDiscoveryListener() {
            @Override
            public void webcamFound(WebcamDiscoveryEvent event) {
                listener.attached(event.getWebcam().getName());
            }

            @Override
            public void webcamGone(WebcamDiscoveryEvent event) {
                listener.detached(event.getWebcam().getName());
            }
        };
        Webcam.addDiscoveryListener(adapter);
        Webcam.getDiscoveryService().start();
        return () -> Webcam.removeDiscoveryListener(adapter);
    }

    private static List<Webcam> webcams(CameraSettings settings) throws DeviceException {
        ensureDriver(settings.ffmpeg());
        try {
            return Webcam.getWebcams(10, TimeUnit.SECONDS);
        } catch (TimeoutException | WebcamException e) {
            throw new DeviceException(DeviceException.Kind.NOT_CONNECTED, "listing cameras failed: " + e.getMessage(), e);
        }
    }
}
