package org.onewindow.devices.camera;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Webcam Capture device served by an ffmpeg child process that writes raw BGR frames to a pipe. A reader
 * thread keeps only the newest frame; {@link #getImage()} waits briefly for a frame newer than the one it
 * returned last, so a slow consumer never sees a backlog. Frames live in memory only.
 */
public final class FfmpegCameraDevice implements WebcamDevice, WebcamDevice.FPSSource {
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegCameraDevice.class);
    static final Dimension[] RESOLUTIONS = {new Dimension(320, 240), new Dimension(640, 480),
        new Dimension(800, 600), new Dimension(1280, 720), new Dimension(1920, 1080)};

    private final String ffmpeg;
    private final FfmpegInput input;
    private final Object lock = new Object();
    private Dimension resolution = new Dimension(640, 480);
    private Process process;
    private Thread reader;
    private BufferedImage newest;
    private long newestNumber;
    private long returnedNumber;
    private long firstFrameNanos;
    private volatile boolean open;
    private volatile String failure;

    public FfmpegCameraDevice(String ffmpegExecutable, FfmpegInput input) {
        this.ffmpeg = ffmpegExecutable;
        this.input = input;
    }

    public FfmpegInput input() {
        return input;
    }

    @Override
    public String getName() {
        return input.name();
    }

    @Override
    public Dimension[] getResolutions() {
        return RESOLUTIONS.clone();
    }

    @Override
    public Dimension getResolution() {
        return resolution;
    }

    @Override
    public void setResolution(Dimension size) {
        if (open) {
            throw new IllegalStateException("close the camera before changing its resolution");
        }
        this.resolution = new Dimension(size);
    }

    @Override
    public void open() {
        if (open) {
            return;
        }
        int w = resolution.width;
        int h = resolution.height;
        ProcessBuilder pb = new ProcessBuilder(input.command(ffmpeg, w, h));
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new WebcamException("cannot start ffmpeg ('" + ffmpeg + "'): " + e.getMessage(), e);
        }
        failure = null;
        newest = null;
        newestNumber = 0;
        returnedNumber = 0;
        open = true;
        Process p = process;
        reader = new Thread(() -> readFrames(p, w, h), "camera-" + input.name());
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(() -> drainErrors(p), "camera-stderr-" + input.name());
        errors.setDaemon(true);
        errors.start();
    }

    private void readFrames(Process p, int w, int h) {
        int frameBytes = w * h * 3;
        try (InputStream in = p.getInputStream()) {
            while (open) {
                BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
                byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                if (in.readNBytes(pixels, 0, frameBytes) < frameBytes) {
                    break;
                }
                synchronized (lock) {
                    if (newestNumber == 0) {
                        firstFrameNanos = System.nanoTime();
                    }
                    newest = image;
                    newestNumber++;
                    lock.notifyAll();
                }
            }
        } catch (IOException e) {
            failure = e.getMessage();
        } finally {
            synchronized (lock) {
                if (open && failure == null) {
                    failure = "ffmpeg stopped sending frames (exit " + exitCode(p) + ")";
                }
                lock.notifyAll();
            }
        }
    }

    private void drainErrors(Process p) {
        try (InputStream err = p.getErrorStream()) {
            String text = new String(err.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!text.isEmpty() && open) {
                // ffmpeg's own messages name devices and formats, never image content
                LOG.warn("ffmpeg for camera '{}': {}", input.name(), text.lines().reduce((a, b) -> b).orElse(""));
            }
        } catch (IOException e) {
            LOG.debug("camera stderr closed: {}", e.getMessage());
        }
    }

    private static String exitCode(Process p) {
        try {
            return p.waitFor(200, TimeUnit.MILLISECONDS) ? String.valueOf(p.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The newest frame; waits up to 2 s for one newer than the last returned (first frames can take a while). */
    @Override
    public BufferedImage getImage() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        synchronized (lock) {
            while (open && newestNumber == returnedNumber && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            if (newestNumber == returnedNumber) {
                return null;
            }
            returnedNumber = newestNumber;
            return newest;
        }
    }

    /** Why the stream ended, or null while it runs. */
    public String failure() {
        return failure;
    }

    @Override
    public double getFPS() {
        synchronized (lock) {
            double seconds = (System.nanoTime() - firstFrameNanos) / 1e9;
            return newestNumber < 2 || seconds <= 0 ? 0 : (newestNumber - 1) / seconds;
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        Process p = process;
        p.destroy();
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            newest = null;
            lock.notifyAll();
        }
    }

    @Override
    public void dispose() {
        close();
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}
