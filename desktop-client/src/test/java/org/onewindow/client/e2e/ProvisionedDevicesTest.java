package org.onewindow.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.client.testing.ClerkWindowFixture;
import org.onewindow.core.device.Camera;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.Frame;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.devices.camera.Cameras;
import org.onewindow.devices.camera.FfmpegCaptureDriver;
import org.onewindow.devices.camera.FfmpegInput;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The devices a provisioning file names are the ones the clerk window uses: a serial code scanner on a real
 * pty (socat) feeds the case, a {@code system:} document camera is captured through ffmpeg at the configured
 * size, and a camera set to {@code none} is reported as not connected instead of silently simulated.
 */
@ExtendWith(ApplicationExtension.class)
class ProvisionedDevicesTest {
    @TempDir
    static Path data;
    ClerkWindowFixture ui;
    Process socat;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
        if (socat != null) {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** A clerk window provisioned with {@code keys}, opened on the FX thread. */
    private void open(FxRobot robot, String window, String workstation, Map<String, String> keys) {
        robot.interact(() -> {
            try {
                ui = ClerkWindowFixture.provisioned(stage, data, window, workstation, keys);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aSerialScannerFromTheFileFeedsTheCase(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory(data, "pty");
        Path scannerSide = dir.resolve("ttyScanner");
        Path hostSide = dir.resolve("ttyHost");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + scannerSide, "pty,raw,echo=0,link=" + hostSide)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(scannerSide) && Files.exists(hostSide));
        open(robot, "W7", "WS-SER-W7",
                        Map.of("device.scanner", "serial:" + hostSide, "device.scanner.baud", "9600"));
        assertThat(ui.workstation().keyboardWedge()).as("a serial scanner replaces the wedge").isFalse();
        robot.clickOn(robot.lookup("#signIn").queryButton());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#faceCheck").tryQuery().isPresent());

        try (OutputStream wire = Files.newOutputStream(scannerSide)) {
            wire.write("HC1:NOT-A-REAL-CERTIFICATE\r".getBytes(StandardCharsets.US_ASCII));
        }

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> ui.shell().serviceCase().lastCredentialProperty().get() != null);
        VerificationResult result = ui.shell().serviceCase().lastCredentialProperty().get();
        assertThat(result.verdict().name()).as("a damaged HCERT is refused, not crashed on").isNotEqualTo("VALID");
    }

    @Test
    void onOneScreenAWindowedCitizenDisplayGuidesTheCitizenThroughTheFaceCheck(FxRobot robot) throws Exception {
        open(robot, "W9", "WS-CIT-W9",
                        Map.of("display.citizen", "window", "device.faceCamera", "simulated"));
        robot.clickOn(robot.lookup("#signIn").queryButton());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#faceCheck").tryQuery().isPresent());
        var citizen = ui.shell().citizenDisplay();
        assertThat(citizen).as("display.citizen=window opens it on a single screen").isNotNull();
        ui.workstation().demoDevices().orElseThrow().present(org.onewindow.core.demo.DemoCitizens.ZHANG_WEI);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ui.shell().clerk().cardProperty().get() != null);
        robot.interact(() -> stage.requestFocus());

        // the face panel's citizen guidance (请看向摄像头, 很好，请保持不动, 请眨眨眼 ...) reaches the citizen's display
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        robot.interact(() -> citizen.checkingNowProperty().addListener((o, was, now) -> seen.add(String.valueOf(now))));

        robot.type(javafx.scene.input.KeyCode.F10);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> seen.stream().anyMatch(t -> t.startsWith("请")
                || t.startsWith("很好")));
        // no ticket was called (a walk-in): the display left its welcome page for the serving page
        assertThat(citizen.phaseProperty().get()).isEqualTo(
                org.onewindow.client.citizen.CitizenDisplayViewModel.Phase.SERVING);
        assertThat(citizen.clerkNameProperty().get()).isNotBlank();
    }

    @Test
    void aSystemDocumentCameraIsCapturedAtTheConfiguredSize(FxRobot robot) throws Exception {
        // the capture driver lists one camera: ffmpeg's test pattern, captured by a real ffmpeg process
        Cameras.useDriver(new FfmpegCaptureDriver("ffmpeg", () -> List.of(FfmpegInput.testPattern(25)), 100));
        open(robot, "W8", "WS-DOC-W8",
                        Map.of("device.documentCamera", "system:test-pattern",
                                "device.documentCamera.resolution", "800x600", "device.faceCamera", "none"));

        try (Camera camera = ui.workstation().documentCamera()) {
            var size = ui.workstation().documentCameraSize();
            camera.open(size.width(), size.height());
            Frame frame = camera.grab();
            assertThat(frame.width()).isEqualTo(800);
            assertThat(frame.height()).isEqualTo(600);
        }
        var card = org.onewindow.core.demo.DemoCitizens.ZHANG_WEI;
        assertThatThrownBy(() -> ui.workstation().faceCheck(Runnable::run, card))
                .isInstanceOf(DeviceException.class).hasMessageContaining("device.faceCamera");
    }
}
