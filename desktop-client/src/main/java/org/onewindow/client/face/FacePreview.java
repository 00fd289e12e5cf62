package org.onewindow.client.face;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.onewindow.core.device.Frame;
import org.onewindow.core.face.FaceBox;

/**
 * The live face preview with its face-box overlay and the citizen's guidance line. Once per FX pulse it
 * pulls the newest frame from the view model (never a queue: frames that arrived between pulses are
 * skipped) and copies its pixels into one reused {@link WritableImage}; the overlay is redrawn only when a
 * new analysis arrives. It measures its own work per pulse and the frame-to-overlay latency
 * ({@link #stats()}).
 */
public final class FacePreview extends StackPane {
    /** Frames are opaque, so their ARGB is already premultiplied: the pre format skips a conversion per pixel. */
    private static final PixelFormat<java.nio.IntBuffer> ARGB = PixelFormat.getIntArgbPreInstance();

    private final FaceCheckViewModel vm;
    private final ImageView view = new ImageView();
    private final Canvas overlayCanvas = new Canvas();
    private final AnimationTimer pulse;
    private WritableImage image;
    private long drawnOverlaySequence = -1;
    private PreviewFrame.Overlay shownOverlay;
    private long seenWipes;

    // statistics, touched on the FX thread only
    private long framesDrawn;
    private long pulses;
    private long workNanosTotal;
    private long workNanosMax;
    private long overlaysDrawn;
    private long latencyNanosTotal;
    private long latencyNanosMax;
    private long firstFrameNanos;
    private long lastFrameNanos;

    public FacePreview(FaceCheckViewModel vm) {
        this.vm = vm;
        getStyleClass().add("face-preview");
        setMinSize(160, 120);
        setPrefSize(480, 360);
        view.setPreserveRatio(true);
        view.setSmooth(false);
        view.fitWidthProperty().bind(widthProperty());
        view.fitHeightProperty().bind(heightProperty());
        overlayCanvas.setMouseTransparent(true);
        Label guidance = new Label();
        guidance.setId("faceGuidance");
        guidance.getStyleClass().add("face-guidance");
        guidance.setStyle("-fx-background-color: rgba(0,0,0,0.55); -fx-text-fill: white; -fx-font-size: 18px; -fx-padding: 4 10;");
        boolean chinese = vm.texts().locale().getLanguage().equals(Locale.CHINESE.getLanguage());
        guidance.textProperty().bind(chinese ? vm.guidanceZhProperty() : vm.guidanceEnProperty());
        guidance.visibleProperty().bind(Bindings.isNotEmpty(guidance.textProperty()));
        guidance.setMaxWidth(Region.USE_PREF_SIZE);
        StackPane.setAlignment(guidance, Pos.BOTTOM_CENTER);
        getChildren().addAll(view, overlayCanvas, guidance);
        widthProperty().addListener((o, a, b) -> drawnOverlaySequence = -1);
        heightProperty().addListener((o, a, b) -> drawnOverlaySequence = -1);
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                onPulse();
            }
        };
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                pulse.start();
            } else {
                pulse.stop();
            }
        });
    }

    private void onPulse() {
        long start = System.nanoTime();
        pulses++;
        PreviewFrame.Captured captured = vm.takeNewFrame();
        if (captured != null) {
            seenWipes = vm.wipeCount();
            draw(captured.frame());
            framesDrawn++;
            if (firstFrameNanos == 0) {
                firstFrameNanos = start;
            }
            lastFrameNanos = start;
        } else if (vm.wipeCount() != seenWipes && image != null) {
            // the check stopped: no face stays on screen
            seenWipes = vm.wipeCount();
            image = null;
            view.setImage(null);
            clearOverlay();
        }
        PreviewFrame.Overlay o = vm.overlay();
        if (o != null && (o.sequence() != drawnOverlaySequence) && image != null) {
            drawOverlay(o);
            drawnOverlaySequence = o.sequence();
            if (o != shownOverlay) {
                shownOverlay = o;
                long latency = System.nanoTime() - o.grabbedNanos();
                overlaysDrawn++;
                latencyNanosTotal += latency;
                latencyNanosMax = Math.max(latencyNanosMax, latency);
            }
        } else if (o == null && drawnOverlaySequence != -1) {
            clearOverlay();
        }
        long work = System.nanoTime() - start;
        workNanosTotal += work;
        workNanosMax = Math.max(workNanosMax, work);
    }

    private void draw(Frame f) {
        if (image == null || (int) image.getWidth() != f.width() || (int) image.getHeight() != f.height()) {
            image = new WritableImage(f.width(), f.height());
            view.setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, f.width(), f.height(), ARGB, f.argb(), 0, f.width());
    }

    private void drawOverlay(PreviewFrame.Overlay o) {
        double scale = Math.min(getWidth() / o.frameWidth(), getHeight() / o.frameHeight());
        double w = o.frameWidth() * scale;
        double h = o.frameHeight() * scale;
        overlayCanvas.setWidth(w);
        overlayCanvas.setHeight(h);
        GraphicsContext g = overlayCanvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setLineWidth(3);
        for (int i = 0; i < o.faces().size(); i++) {
            FaceBox b = o.faces().get(i);
            g.setStroke(i == 0 && o.acceptable() ? Color.LIMEGREEN : Color.ORANGE);
            g.strokeRect(b.x() * scale, b.y() * scale, b.width() * scale, b.height() * scale);
        }
    }

    private void clearOverlay() {
        overlayCanvas.getGraphicsContext2D().clearRect(0, 0, overlayCanvas.getWidth(), overlayCanvas.getHeight());
        drawnOverlaySequence = -1;
    }

    /** Preview figures since the last {@link #resetStats()}: call on the FX thread. */
    public PreviewStats stats() {
        double seconds = (lastFrameNanos - firstFrameNanos) / 1e9;
        return new PreviewStats(framesDrawn, pulses, seconds > 0 ? (framesDrawn - 1) / seconds : 0,
                pulses == 0 ? 0 : workNanosTotal / 1e6 / pulses, workNanosMax / 1e6, overlaysDrawn,
                overlaysDrawn == 0 ? 0 : latencyNanosTotal / 1e6 / overlaysDrawn, latencyNanosMax / 1e6);
    }

    public void resetStats() {
        framesDrawn = 0;
        pulses = 0;
        workNanosTotal = 0;
        workNanosMax = 0;
        overlaysDrawn = 0;
        latencyNanosTotal = 0;
        latencyNanosMax = 0;
        firstFrameNanos = 0;
        lastFrameNanos = 0;
    }

    /** Whether the preview shows a frame now. */
    public boolean showsFrame() {
        return image != null;
    }

    /**
     * What the preview did.
     *
     * @param framesDrawn       camera frames copied to the screen
     * @param pulses            FX pulses handled
     * @param fps               frames drawn per second
     * @param meanPulseWorkMs   mean time this control spent per pulse on the FX thread
     * @param maxPulseWorkMs    the longest
     * @param overlaysDrawn     analyses drawn
     * @param meanOverlayLatencyMs mean time from the camera delivering a frame to its face box on screen
     * @param maxOverlayLatencyMs  the longest
     */
    public record PreviewStats(long framesDrawn, long pulses, double fps, double meanPulseWorkMs, double maxPulseWorkMs,
                               long overlaysDrawn, double meanOverlayLatencyMs, double maxOverlayLatencyMs) {
    }
}
