package org.onewindow.devices.camera;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.time.Clock;
import org.onewindow.core.device.Camera;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.Frame;

/** The {@link Camera} port over one Webcam Capture {@link Webcam}, whatever driver serves it. */
public final class WebcamCamera implements Camera {
    private final Webcam webcam;
    private final Clock clock;
    private long sequence;

    public WebcamCamera(Webcam webcam, Clock clock) {
        this.webcam = webcam;
        this.clock = clock;
    }

    /** A camera over a device no driver lists (a video file, a test pattern): Webcam Capture's full stack all the same. */
    public static WebcamCamera ofDevice(WebcamDevice device, Clock clock) {
        return new WebcamCamera(new DirectWebcam(device), clock);
    }

    @Override
    public String name() {
        return webcam.getName();
    }

    @Override
    public void open(int width, int height) throws DeviceException {
        try {
            if (webcam.isOpen()) {
                webcam.close();
            }
            Dimension size = new Dimension(width, height);
            // ffmpeg scales to any size: allow the configured one even when it is not a standard mode
            webcam.setCustomViewSizes(size);
            webcam.setViewSize(size);
            if (!webcam.open()) {
                throw new DeviceException(DeviceException.Kind.NOT_CONNECTED, "camera '" + name() + "' did not open");
            }
        } catch (WebcamException | IllegalArgumentException e) {
            throw new DeviceException(DeviceException.Kind.NOT_CONNECTED, "camera '" + name() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Frame grab() throws DeviceException {
        if (!webcam.isOpen()) {
            throw new DeviceException(DeviceException.Kind.NOT_CONNECTED, "camera '" + name() + "' is not open");
        }
        BufferedImage image;
        try {
            image = webcam.getImage();
        } catch (WebcamException e) {
            throw new DeviceException(DeviceException.Kind.IO, "camera '" + name() + "': " + e.getMessage(), e);
        }
        if (image == null) {
            String why = webcam.getDevice() instanceof FfmpegCameraDevice d && d.failure() != null ? d.failure() : "no frame";
            throw new DeviceException(DeviceException.Kind.TIMEOUT, "camera '" + name() + "': " + why);
        }
        return Frames.toFrame(image, ++sequence, clock.instant());
    }

    public double fps() {
        return webcam.getFPS();
    }

    @Override
    public void close() {
        webcam.close();
    }

    /** Webcam's constructor is protected: this is the way to put one over a device of our own. */
    private static final class DirectWebcam extends Webcam {
        DirectWebcam(WebcamDevice device) {
            super(device);
        }
    }
}
