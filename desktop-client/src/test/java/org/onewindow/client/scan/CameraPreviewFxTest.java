package org.onewindow.client.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Polygon;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onewindow.core.device.Frame;
import org.onewindow.core.device.Symbology;
import org.onewindow.devices.scan.camera.FrameResult;
import org.onewindow.devices.scan.decode.CodePoint;
import org.onewindow.devices.scan.decode.DecodedCode;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class CameraPreviewFxTest {

    private CameraPreview preview;

    @Start
    void start(Stage stage) {
        preview = new CameraPreview();
        // TestFX shares one stage between test classes: drop size limits an earlier window (the clerk's) set
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setScene(new Scene(new StackPane(preview), 320, 240)); // half the frame size
        stage.sizeToScene();
        stage.show();
    }

    private static FrameResult frameWithCodeAt(float x0, float y0, float x1, float y1) {
        Frame frame = new Frame(640, 480, new int[640 * 480], Instant.EPOCH, 7);
        DecodedCode code = new DecodedCode(Symbology.QR_CODE, "QR_CODE", new byte[] {1}, "x",
                List.of(new CodePoint(x0, y1), new CodePoint(x0, y0), new CodePoint(x1, y0), new CodePoint(x1, y1)));
        return new FrameResult(frame, List.of(code));
    }

    @Test
    void outlinesTheFoundCodeScaledToTheView(FxRobot robot) {
        robot.interact(() -> preview.show(frameWithCodeAt(100, 100, 300, 300)));
        robot.interact(() -> preview.layout());
        List<Polygon> outlines = preview.outlines(); // layout has run: read the drawn outlines
        assertThat(outlines).hasSize(1);
        List<Double> xy = outlines.get(0).getPoints();
        assertThat(xy).hasSize(8);
        for (int i = 0; i < xy.size(); i += 2) {
            assertThat(xy.get(i)).isIn(50.0, 150.0); // frame x 100/300 at half scale
            assertThat(xy.get(i + 1)).isIn(50.0, 150.0);
        }
    }

    @Test
    void frameSinkKeepsOnlyTheNewestPendingFrame(FxRobot robot) {
        List<Runnable> fxQueue = new ArrayList<>();
        var sink = preview.frameSink(fxQueue::add);
        sink.accept(frameWithCodeAt(0, 0, 10, 10));
        sink.accept(frameWithCodeAt(0, 0, 20, 20));
        sink.accept(frameWithCodeAt(400, 300, 600, 460));
        assertThat(fxQueue).hasSize(1);
        robot.interact(fxQueue.get(0));
        robot.interact(() -> preview.layout());
        assertThat(preview.outlines()).singleElement()
                .satisfies(p -> assertThat(p.getPoints().get(0)).isGreaterThanOrEqualTo(199.0));
    }

    @Test
    void convexHullOfPdf417RowPoints() {
        List<CodePoint> points = List.of(new CodePoint(0, 0), new CodePoint(0, 10), new CodePoint(50, 0), new CodePoint(50, 10),
                new CodePoint(5, 0), new CodePoint(5, 10), new CodePoint(45, 0), new CodePoint(45, 10));
        assertThat(CameraPreview.convexHull(points)).containsExactlyInAnyOrder(new CodePoint(0, 0), new CodePoint(50, 0),
                new CodePoint(50, 10), new CodePoint(0, 10));
    }
}
