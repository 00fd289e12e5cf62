package org.onewindow.client.e2e;

import org.onewindow.client.testing.ClerkWindowFixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.client.scan.CameraPreview;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationResult;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Camera mode: the citizen holds an offline e-license QR up to the desk camera (a virtual camera in the
 * demo); the camera scanner decodes the frames, the preview outlines the code, and the case verifies the
 * credential offline against the trust list — a revoked one shows as revoked.
 */
@ExtendWith(ApplicationExtension.class)
class DeskCameraScanTest {
    @TempDir
    static Path data;
    ClerkWindowFixture ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = ClerkWindowFixture.open(stage, data, "W6", "WS-CAM-W6");
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    @Test
    void aCodeHeldUpToTheDeskCameraIsDecodedOutlinedAndVerified(FxRobot robot) throws Exception {
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#demoShowCode").tryQuery().isPresent());
        CameraPreview preview = robot.lookup("#deskCameraPreview").queryAs(CameraPreview.class);

        javafx.scene.control.Button showCode = robot.lookup("#demoShowCode").queryButton();
        robot.clickOn(showCode); // the first demo citizen, 张伟
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !preview.outlines().isEmpty();
        });
        assertThat(preview.outlines().get(0).getPoints()).hasSizeGreaterThanOrEqualTo(6);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ui.shell().serviceCase().lastCredentialProperty().get() != null);
        VerificationResult result = ui.shell().serviceCase().lastCredentialProperty().get();
        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.format()).isEqualTo("onewindow-elicense");
        assertThat(ui.workstation().codeCamera().orElseThrow().framesDecoded()).isPositive();
        assertThat(robot.lookup("#credentialResult").queryAs(Label.class).getText()).startsWith("证照：核验通过");
    }
}
