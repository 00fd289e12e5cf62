package org.onewindow.client.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The wizard window headless: what IT types reaches the file; mistakes are listed, not saved. */
@ExtendWith(ApplicationExtension.class)
class ProvisioningWizardViewTest {
    @TempDir
    static Path dir;
    static Path target;

    @Start
    void start(Stage stage) {
        target = dir.resolve("run-" + System.nanoTime() + "/workstation.properties");
        // same-thread I/O keeps the test free of waits; the application passes a background executor
        try {
            // the real capture driver over a kernel-like sysfs tree with one document camera
            Path sys = java.nio.file.Files.createDirectories(dir.resolve("sys-" + System.nanoTime()));
            Path node = java.nio.file.Files.createDirectories(sys.resolve("video2"));
            java.nio.file.Files.writeString(node.resolve("index"), "0\n");
            java.nio.file.Files.writeString(node.resolve("name"), "Document Camera\n");
            org.onewindow.devices.camera.Cameras.useDriver(new org.onewindow.devices.camera.FfmpegCaptureDriver("ffmpeg",
                    org.onewindow.devices.camera.CameraLister.v4l2(sys, dir.resolve("dev")), 100));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ProvisioningWizardViewModel vm = new ProvisioningWizardViewModel(target, false, Runnable::run, Runnable::run,
                AttachedDevices.ofThisPc("ffmpeg"));
        // TestFX shares one stage across test classes: undo a previous class's minimum and size to the wizard
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setScene(new ProvisioningWizardView(vm).scene(javafx.stage.Screen.getPrimary().getVisualBounds()));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void typedAnswersAreValidatedAndSaved(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#field-hall-name").queryAs(TextField.class).setText("济南市民中心"));
        robot.clickOn("#field-hall-window").write("12");
        robot.clickOn("#field-workstation-id").write("WS-JN-12");
        robot.clickOn("#field-backend-url").write("embedded");

        robot.clickOn("#save");

        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).startsWith("Saved");
        Provisioning saved = ProvisioningLoader.load(target);
        assertThat(saved.hall()).isEqualTo("济南市民中心");
        assertThat(saved.workstation()).isEqualTo("WS-JN-12");
    }

    @Test
    void theDocumentCameraIsPickedFromTheCamerasFound(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#field-hall-name").queryAs(TextField.class).setText("济南市民中心"));
        robot.clickOn("#field-hall-window").write("12");
        robot.clickOn("#field-workstation-id").write("WS-JN-12");
        robot.clickOn("#field-backend-url").write("embedded");

        robot.clickOn("#findDevices");
        assertThat(robot.lookup("#devicesStatus").queryAs(Label.class).getText()).startsWith("1 camera");
        javafx.scene.control.ComboBox<?> camera = robot.lookup("#field-device-documentCamera").queryAs(javafx.scene.control.ComboBox.class);
        robot.clickOn(camera.lookup(".arrow-button"));
        robot.clickOn("system:Document Camera (video2)");
        javafx.scene.control.ComboBox<?> size = robot.lookup("#field-device-documentCamera-resolution").queryAs(javafx.scene.control.ComboBox.class);
        robot.clickOn(size.lookup(".arrow-button"));
        robot.clickOn("2592x1944");
        robot.clickOn("#save");

        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).startsWith("Saved");
        Provisioning saved = ProvisioningLoader.load(target);
        assertThat(saved.cameras().documentCamera())
                .isEqualTo(new DeviceSetting(DeviceSetting.Kind.SYSTEM, "Document Camera (video2)"));
        assertThat(saved.cameras().documentResolution()).isEqualTo(new Resolution(2592, 1944));
    }

    @Test
    void mistakesAreListedAndNothingIsWritten(FxRobot robot) {
        robot.clickOn("#field-hall-window").write("window twelve");

        robot.clickOn("#save");

        ListView<?> problems = robot.lookup("#problems").queryAs(ListView.class);
        assertThat(problems.getItems()).extracting(Object::toString)
                .anyMatch(p -> p.startsWith("hall.window: 'window twelve' is not valid"))
                .anyMatch(p -> p.startsWith("hall.name: is missing"));
        assertThat(target).doesNotExist();
    }
}
