package org.onewindow.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.client.app.ClientSettings;
import org.onewindow.client.app.ClientShell;
import org.onewindow.client.app.I18n;
import org.onewindow.client.app.Workstation;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.sandbox.SandboxBackend;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * F10 in the clerk window runs the person-ID check through the real pipeline (virtual camera of the card's
 * holder, OpenCV detection and quality gate, the sandbox's compare over HTTP) and the outcome (frame,
 * score, decision) is archived with the case.
 */
@ExtendWith(ApplicationExtension.class)
class FaceCheckFromClerkWindowTest {
    @TempDir
    static Path data;
    SandboxBackend sandbox;
    Workstation workstation;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("onewindow.noToasts", "true");
        Path dir = data.resolve("run-" + System.nanoTime());
        sandbox = SandboxBackend.start(dir.resolve("sandbox"), 0);
        ClientSettings settings = new ClientSettings(dir.resolve("client"), sandbox.baseUri(),
                Locale.SIMPLIFIED_CHINESE, "济南市民中心", "W6", "WS-FACE-W6", true);
        workstation = Workstation.start(settings, new I18n(settings.locale()));
        ClientShell shell = new ClientShell(workstation, stage);
        shell.showSignIn();
        stage.show();
    }

    @AfterEach
    void stop() {
        workstation.close();
        sandbox.close();
    }

    @Test
    void theCompareResultIsShownWithItsScoreAndArchived(FxRobot robot) throws Exception {
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#faceCheck").tryQuery().isPresent());
        workstation.demoDevices().orElseThrow().present(DemoCitizens.ZHANG_WEI);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> "张伟".equals(robot.lookup("#cardName").queryAs(Label.class).getText()));

        robot.type(KeyCode.F10);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> faceCheckArchived().isPresent());
        JsonNode verification = faceCheckArchived().orElseThrow();
        assertThat(verification.path("verdict").asText()).isEqualTo("VALID");
        assertThat(robot.lookup("#faceScore").queryAs(Label.class).getText()).isNotBlank();
    }

    /** The face-compare verification of an archived package that also holds the chosen frame. */
    private Optional<JsonNode> faceCheckArchived() {
        for (String id : sandbox.archive().packageIds()) {
            JsonNode m = sandbox.archive().manifest(id);
            boolean hasFrame = m.path("items").findValuesAsText("kind").contains("face-frame");
            for (JsonNode v : m.path("verifications")) {
                if (hasFrame && "face-compare".equals(v.path("format").asText())) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }
}
