package org.onewindow.devices.scan.camera;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.onewindow.core.device.Camera;
import org.onewindow.core.device.CodeScanner;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.Frame;
import org.onewindow.core.device.ScanEvent;
import org.onewindow.devices.scan.decode.CodeDecoder;
import org.onewindow.devices.scan.decode.DecodedCode;
import org.onewindow.devices.scan.decode.GrayImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads codes from a {@link Camera}: one thread grabs frames into a single slot, another decodes whatever is
 * in the slot. When decoding falls behind, frames that were never started are replaced by newer ones
 * (counted in {@link #framesSkipped()}), so the scanner always works on the newest view and never queues.
 * Neither thread is the UI thread. Every code in every decoded frame goes to the sink; put a
 * {@code ScanHygiene} in front so a code held in view becomes one event.
 */
public final class CameraCodeScanner implements CodeScanner {

    private static final Logger LOG = LoggerFactory.getLogger(CameraCodeScanner.class);
    private static final long GRAB_RETRY_NANOS = 200_000_000L;

    private final Camera camera;
    private final Supplier<CodeDecoder> decoderFactory;
    private final int width;
    private final int height;
    private final Clock clock;
    private final AtomicReference<Frame> newest = new AtomicReference<>();
    private final List<Consumer<FrameResult>> frameListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong grabbed = new AtomicLong();
    private final AtomicLong decoded = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean running;
    private Thread grabber;
    private Thread decoderThread;

    /**
     * @param decoderFactory makes the decoder for the decoding thread (decoders are thread-confined)
     * @param width          requested frame width, e.g. 1280
     * @param height         requested frame height, e.g. 720
     */
    public CameraCodeScanner(Camera camera, Supplier<CodeDecoder> decoderFactory, int width, int height, Clock clock) {
        this.camera = Objects.requireNonNull(camera);
        this.decoderFactory = Objects.requireNonNull(decoderFactory);
        this.width = width;
        this.height = height;
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String name() {
        return "camera:" + camera.name();
    }

    /** Receives every decoded frame with its codes (also frames without any), on the decoding thread. */
    public void addFrameListener(Consumer<FrameResult> listener) {
        frameListeners.add(listener);
    }

    public void removeFrameListener(Consumer<FrameResult> listener) {
        frameListeners.remove(listener);
    }

    public long framesGrabbed() {
        return grabbed.get();
    }

    public long framesDecoded() {
        return decoded.get();
    }

    /** Frames replaced by a newer one before decoding started on them. */
    public long framesSkipped() {
        return skipped.get();
    }

    @Override
    public synchronized void start(Consumer<ScanEvent> sink) throws DeviceException {
        if (running) {
            throw new IllegalStateException(name() + " already started");
        }
        camera.open(width, height);
        running = true;
        decoderThread = new Thread(() -> decodeLoop(sink), "scanner-decode-" + camera.name());
        decoderThread.setDaemon(true);
        grabber = new Thread(this::grabLoop, "scanner-grab-" + camera.name());
        grabber.setDaemon(true);
        decoderThread.start();
        grabber.start();
    }

    private void grabLoop() {
        while (running) {
            try {
                Frame frame = camera.grab();
                grabbed.incrementAndGet();
                if (newest.getAndSet(frame) != null) {
                    skipped.incrementAndGet();
                }
                LockSupport.unpark(decoderThread);
            } catch (DeviceException e) {
                if (running) {
                    LOG.warn("{} grab failed: {} ({})", name(), e.kind(), e.getMessage());
                    LockSupport.parkNanos(GRAB_RETRY_NANOS);
                }
            } catch (RuntimeException e) {
                LOG.error("{} camera driver failed", name(), e);
                LockSupport.parkNanos(GRAB_RETRY_NANOS);
            }
        }
    }

    private void decodeLoop(Consumer<ScanEvent> sink) {
        CodeDecoder decoder = decoderFactory.get();
        while (running) {
            Frame frame = newest.getAndSet(null);
            if (frame == null) {
                LockSupport.parkNanos(50_000_000L); // woken by the grabber as soon as a frame arrives
                continue;
            }
            List<DecodedCode> codes;
            try {
                codes = decoder.decode(GrayImage.ofArgb(frame.width(), frame.height(), frame.argb()).toLuminanceSource());
            } catch (RuntimeException e) {
                LOG.error("{} decoder failed on frame {}", name(), frame.sequence(), e);
                continue;
            }
            decoded.incrementAndGet();
            for (DecodedCode code : codes) {
                try {
                    sink.accept(code.toScanEvent(name(), clock.instant()));
                } catch (RuntimeException e) {
                    LOG.error("scan sink failed", e);
                }
            }
            FrameResult result = new FrameResult(frame, codes);
            for (Consumer<FrameResult> listener : frameListeners) {
                try {
                    listener.accept(result);
                } catch (RuntimeException e) {
                    LOG.error("frame listener failed", e);
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        for (Thread t : new Thread[] {grabber, decoderThread}) {
            if (t != null) {
                LockSupport.unpark(t);
                try {
                    t.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        grabber = null;
        decoderThread = null;
        camera.close();
    }
}
