package org.onewindow.client.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import org.onewindow.core.device.Frame;
import org.onewindow.devices.scan.camera.FrameResult;
import org.onewindow.devices.scan.decode.CodePoint;
import org.onewindow.devices.scan.decode.DecodedCode;

/**
 * Live camera preview with every found code outlined (the convex hull of its points, scaled with the
 * picture). Frames arrive from the decoding thread through {@link #frameSink(Executor)}, which keeps only
 * the newest frame waiting, so a slow UI thread skips frames instead of queueing them.
 */
public final class CameraPreview extends Region {

    private final ImageView view = new ImageView();
    private final Group outlines = new Group();
    private WritableImage image;
    private FrameResult shown;

    public CameraPreview() {
        getStyleClass().add("camera-preview");
        view.setPreserveRatio(true);
        outlines.setManaged(false);
        getChildren().addAll(view, outlines);
    }

    /** A sink for {@code CameraCodeScanner.addFrameListener}; {@code fxThread} is e.g. {@code Platform::runLater}. */
    public Consumer<FrameResult> frameSink(Executor fxThread) {
        AtomicReference<FrameResult> pending = new AtomicReference<>();
        return result -> {
            if (pending.getAndSet(result) == null) {
                fxThread.execute(() -> show(pending.getAndSet(null)));
            }
        };
    }

    /** Shows a frame and its codes; FX thread only. */
    public void show(FrameResult result) {
        if (result == null) {
            return;
        }
        Frame frame = result.frame();
        if (image == null || image.getWidth() != frame.width() || image.getHeight() != frame.height()) {
            image = new WritableImage(frame.width(), frame.height());
            view.setImage(image);
        }
        // frames are opaque ARGB; the pre-multiplied format is the same for alpha 255
        image.getPixelWriter().setPixels(0, 0, frame.width(), frame.height(), PixelFormat.getIntArgbPreInstance(),
                frame.argb(), 0, frame.width());
        shown = result;
        requestLayout();
    }

    /** The outlines currently drawn, in this node's coordinates (for tests and accessibility). */
    public List<Polygon> outlines() {
        return outlines.getChildren().stream().map(Polygon.class::cast).toList();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        view.setFitWidth(w);
        view.setFitHeight(h);
        outlines.getChildren().clear();
        if (shown == null || image == null) {
            return;
        }
        double scale = Math.min(w / image.getWidth(), h / image.getHeight());
        double offsetX = (w - image.getWidth() * scale) / 2;
        double offsetY = (h - image.getHeight() * scale) / 2;
        view.relocate(offsetX, offsetY);
        for (DecodedCode code : shown.codes()) {
            List<CodePoint> hull = convexHull(code.points());
            if (hull.size() < 3) {
                continue;
            }
            Polygon outline = new Polygon();
            for (CodePoint p : hull) {
                outline.getPoints().addAll(offsetX + p.x() * scale, offsetY + p.y() * scale);
            }
            outline.setFill(Color.TRANSPARENT);
            outline.setStroke(Color.LIMEGREEN);
            outline.setStrokeWidth(3);
            outline.getStyleClass().add("code-outline");
            outlines.getChildren().add(outline);
        }
    }

    /** Andrew's monotone chain: QR codes give finder centres, PDF417 eight row points; the hull fits all. */
    static List<CodePoint> convexHull(List<CodePoint> points) {
        List<CodePoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(CodePoint::x).thenComparingDouble(CodePoint::y));
        if (sorted.size() < 3) {
            return sorted;
        }
        List<CodePoint> hull = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            int start = hull.size();
            for (CodePoint p : sorted) {
                while (hull.size() >= start + 2 && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p) <= 0) {
                    hull.remove(hull.size() - 1);
                }
                hull.add(p);
            }
            hull.remove(hull.size() - 1);
            java.util.Collections.reverse(sorted);
        }
        return hull;
    }

    private static double cross(CodePoint o, CodePoint a, CodePoint b) {
        return (a.x() - o.x()) * (double) (b.y() - o.y()) - (a.y() - o.y()) * (double) (b.x() - o.x());
    }
}
