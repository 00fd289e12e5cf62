package org.onewindow.client.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onewindow.client.app.FxUiExecutor;
import org.onewindow.core.demo.SyntheticFaces;
import org.onewindow.core.demo.SyntheticFaces.Traits;
import org.onewindow.core.face.FaceCheckOutcome;
import org.onewindow.core.face.FaceMatch;
import org.onewindow.devices.camera.DemoFaceCamera;
import org.onewindow.devices.camera.VirtualCamera;
import org.onewindow.devices.face.OpenCvFaceDetector;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The clerk overrides a mismatch through the panel: not without a reason, then with one. */
@ExtendWith(ApplicationExtension.class)
class FaceCheckPanelTest {
    final ExecutorService io = Executors.newSingleThreadExecutor();
    FaceCheckViewModel vm;

    @Start
    void start(Stage stage) {
        VirtualCamera stranger = new VirtualCamera("stranger",
                List.of(SyntheticFaces.scene(Traits.of("stranger"), SyntheticFaces.Scene.frontal(640, 480, 2).size(0.55))),
                25, Clock.systemUTC());
        FaceCheckSettings settings = new FaceCheckSettings(640, 480, FaceCheckSettings.defaults().quality(), 0.6, 1, 2,
                false, 4);
        vm = new FaceCheckViewModel(stranger, OpenCvFaceDetector.create(null),
                r -> new FaceMatch(0.2, r.threshold(), false, "FCC-1", Clock.systemUTC().instant(), "scripted"),
                settings, io, FxUiExecutor.INSTANCE, new FaceTexts(Locale.SIMPLIFIED_CHINESE), Clock.systemUTC(),
                new Random(2));
        stage.setScene(new Scene(new FaceCheckPanel(vm, "clerk07"), 700, 640));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(vm::close).get(10, TimeUnit.SECONDS);
        io.shutdownNow();
    }

    @Test
    void aMismatchIsOverriddenOnlyWithAReason(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.start(DemoFaceCamera.idPhotoPng("holder"), "resident-id-card"))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> vm.phaseProperty().get() == FaceCheckViewModel.Phase.NO_MATCH);
        assertThat(robot.lookup("#facePhase").queryAs(Label.class).getText()).isEqualTo("人证不一致");
        assertThat(robot.lookup("#faceScore").queryAs(Label.class).getText()).contains("0.20");

        robot.clickOn("#faceOverride");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.outcomeProperty().get()).isNull();
        assertThat(robot.lookup("#faceMessage").queryAs(Label.class).getText()).contains("理由");

        robot.clickOn("#faceReason").write("checked in person");
        robot.clickOn("#faceOverride");
        WaitForAsyncUtils.waitForFxEvents();
        FaceCheckOutcome outcome = vm.outcomeProperty().get();
        assertThat(outcome.decision()).isEqualTo(FaceCheckOutcome.Decision.OVERRIDDEN);
        assertThat(outcome.clerk()).isEqualTo("clerk07");
        assertThat(outcome.reason()).isEqualTo("checked in person");
        assertThat(robot.lookup("#faceOverride").queryButton().getParent().isVisible()).as("decision row hidden").isFalse();
    }
}
