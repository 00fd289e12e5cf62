package org.onewindow.client.e2e;

import org.onewindow.client.testing.ClerkWindowFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.demo.DemoCitizens;
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
    ClerkWindowFixture ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = ClerkWindowFixture.open(stage, data, "W6", "WS-FACE-W6");
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    @Test
    void theCompareResultIsShownWithItsScoreAndArchived(FxRobot robot) throws Exception {
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#faceCheck").tryQuery().isPresent());
        ui.workstation().demoDevices().orElseThrow().present(DemoCitizens.ZHANG_WEI);
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
        for (String id : ui.sandbox().archive().packageIds()) {
            JsonNode m = ui.sandbox().archive().manifest(id);
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
