package org.onewindow.devices.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.onewindow.core.device.Camera;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.Frame;

/**
 * A camera that plays a sequence of images in a loop at a fixed rate: the tests' and the demo's camera.
 * {@code fps <= 0} serves frames as fast as they are asked for (tests); otherwise {@link #grab()} waits
 * for the next frame time like a real camera. Frames are scaled to the size asked for in {@link #open}.
 * For a video file use {@link Cameras#virtualVideo}, which plays it through ffmpeg.
 */
public final class VirtualCamera implements Camera {
    private final String name;
    private List<BufferedImage> images;
    private int width;
    private int height;
    private final double fps;
    private final Clock clock;
    private List<BufferedImage> scaled = List.of();
    private long sequence;
    private long nextFrameNanos;
    private volatile boolean open;

    public VirtualCamera(String name, List<BufferedImage> images, double fps, Clock clock) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("a virtual camera needs at least one image");
        }
        this.name = name;
        this.images = List.copyOf(images);
        this.fps = fps;
        this.clock = clock;
    }

    /** Plays the PNG and JPEG files of {@code folder} in file-name order. */
    public static VirtualCamera ofFolder(Path folder, double fps, Clock clock) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(VirtualCamera::isImage).sorted().toList()) {
                BufferedImage image = ImageIO.read(f.toFile());
                if (image != null) {
                    images.add(image);
                }
            }
        }
        if (images.isEmpty()) {
            throw new IOException("no PNG or JPEG images in " + folder);
        }
        return new VirtualCamera("virtual:" + folder.getFileName(), images, fps, clock);
    }

    private static boolean isImage(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void open(int width, int height) {
        this.width = width;
        this.height = height;
        scaled = images.stream().map(i -> Frames.scaled(i, width, height)).toList();
        sequence = 0;
        nextFrameNanos = System.nanoTime();
        open = true;
    }

    @Override
    public Frame grab() throws DeviceException {
        BufferedImage image;
        long seq;
        synchronized (this) {
            if (!open) {
                throw new DeviceException(DeviceException.Kind.NOT_CONNECTED, "virtual camera '" + name + "' is not open");
            }
            image = scaled.get((int) (sequence % scaled.size()));
            seq = ++sequence;
        }
        if (fps > 0) {
            pace();
        }
        return Frames.toFrame(image, seq, clock.instant());
    }

    private void pace() throws DeviceException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            // a consumer that fell behind gets the next frame at once rather than a burst of stale ones
            nextFrameNanos = Math.max(nextFrameNanos + (long) (1e9 / fps), now - (long) (1e9 / fps));
            wait = nextFrameNanos - now;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException(DeviceException.Kind.TIMEOUT, "interrupted while waiting for a frame");
            }
        }
    }

    /** Swaps the loop while the camera runs (the demo's "someone else steps up"); takes effect at the next frame. */
    public synchronized void play(List<BufferedImage> clip) {
        if (clip.isEmpty()) {
            throw new IllegalArgumentException("a virtual camera needs at least one image");
        }
        images = List.copyOf(clip);
        if (open) {
            scaled = images.stream().map(i -> Frames.scaled(i, width, height)).toList();
        }
    }

    /** How many distinct images the loop holds. */
    public synchronized int length() {
        return images.size();
    }

    @Override
    public synchronized void close() {
        open = false;
        scaled = List.of();
    }
}
