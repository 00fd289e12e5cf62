package org.onewindow.client.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onewindow.client.app.FxUiExecutor;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.devices.camera.DemoFaceCamera;
import org.onewindow.devices.camera.VirtualCamera;
import org.onewindow.devices.face.OpenCvFaceDetector;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The preview in a real (headless) stage: frames reach the screen, boxes follow, guidance shows, stop wipes it. */
@ExtendWith(ApplicationExtension.class)
class FacePreviewTest {
    final ExecutorService io = Executors.newSingleThreadExecutor();
    OpenCvFaceDetector detector;
    FaceCheckViewModel vm;
    FacePreview preview;

    @Start
    void start(Stage stage) {
        detector = OpenCvFaceDetector.create(null);
        VirtualCamera camera = new VirtualCamera("demo", DemoFaceCamera.clipOf(DemoCitizens.LI_NA.idNumber()), 25,
                Clock.systemUTC());
        // compares never finish here: the test is about the preview, not the decision
        vm = new FaceCheckViewModel(camera, detector, r -> {
            throw new org.onewindow.core.backend.BackendException(org.onewindow.core.backend.BackendException.Kind.UNREACHABLE, "off");
        }, FaceCheckSettings.defaults(), io, FxUiExecutor.INSTANCE, new FaceTexts(Locale.SIMPLIFIED_CHINESE),
                Clock.systemUTC(), new Random(1));
        preview = new FacePreview(vm);
        stage.setScene(new Scene(preview, 640, 480));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(vm::close).get(10, TimeUnit.SECONDS);
        io.shutdownNow();
    }

    @Test
    void showsLiveFramesWithTheFaceBoxAndTheGuidance(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.start(null, null)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> preview.stats().overlaysDrawn() >= 3);
        FacePreview.PreviewStats stats = WaitForAsyncUtils.asyncFx(preview::stats).get(10, TimeUnit.SECONDS);
        assertThat(stats.framesDrawn()).isGreaterThanOrEqualTo(stats.overlaysDrawn());
        assertThat(stats.pulses()).isGreaterThanOrEqualTo(stats.framesDrawn());
        assertThat(stats.maxOverlayLatencyMs()).isPositive();
        assertThat(preview.showsFrame()).isTrue();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !robot.lookup("#faceGuidance").queryAs(Label.class).getText().isEmpty());

        WaitForAsyncUtils.asyncFx(vm::stop).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !preview.showsFrame());
        assertThat(robot.lookup("#faceGuidance").queryAs(Label.class).getText()).isEmpty();
    }
}
