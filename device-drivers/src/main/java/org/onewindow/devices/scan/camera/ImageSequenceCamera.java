package org.onewindow.devices.scan.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.onewindow.core.device.Camera;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.Frame;

/**
 * A virtual camera that plays images in a loop: for tests, demos and checking a scanner set-up without a
 * camera. Images are served at their own size (the requested size is ignored); {@code frameInterval} paces
 * {@link #grab()} like a real camera (zero = as fast as asked).
 */
public final class ImageSequenceCamera implements Camera {

    private final String name;
    private final List<Frame> frames;
    private final Duration frameInterval;
    private final Clock clock;
    private long sequence;
    private boolean open;

    public ImageSequenceCamera(String name, List<BufferedImage> images, Duration frameInterval, Clock clock) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("at least one image");
        }
        this.name = name;
        this.frameInterval = frameInterval;
        this.clock = clock;
        this.frames = new ArrayList<>();
        for (BufferedImage image : images) {
            int w = image.getWidth();
            int h = image.getHeight();
            frames.add(new Frame(w, h, image.getRGB(0, 0, w, h, null, 0, w), clock.instant(), 0));
        }
    }

    /** All readable images in a folder, in file-name order. */
    public static ImageSequenceCamera ofDirectory(Path dir, Duration frameInterval) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                BufferedImage image = Files.isRegularFile(file) ? ImageIO.read(file.toFile()) : null;
                if (image != null) {
                    images.add(image);
                }
            }
        }
        return new ImageSequenceCamera("images:" + dir.getFileName(), images, frameInterval, Clock.systemUTC());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void open(int width, int height) {
        open = true;
    }

    @Override
    public Frame grab() throws DeviceException {
        Frame template;
        long seq;
        synchronized (this) {
            if (!open) {
                throw new DeviceException(DeviceException.Kind.NOT_CONNECTED, name + " is not open");
            }
            seq = ++sequence;
            template = frames.get((int) ((seq - 1) % frames.size()));
        }
        if (!frameInterval.isZero()) {
            try {
                Thread.sleep(frameInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException(DeviceException.Kind.IO, "interrupted while waiting for a frame");
            }
        }
        // a fresh pixel array per frame: consumers may keep frames (the Frame contract)
        return new Frame(template.width(), template.height(), template.argb().clone(), clock.instant(), seq);
    }

    @Override
    public synchronized void close() {
        open = false;
    }
}
