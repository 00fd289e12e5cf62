package org.onewindow.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.client.testing.ClerkWindowFixture;
import org.onewindow.devices.passport.sim.SyntheticPassport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Ctrl+P in the clerk window: the MRZ line is typed, the demo passport's chip is read (BAC, DG1, DG2, passive
 * authentication against the demo CSCA), shown, and archived with its verification; the archive never holds
 * the document number in a verification claim.
 */
@ExtendWith(ApplicationExtension.class)
class PassportFromClerkWindowTest {
    @TempDir
    static Path data;
    ClerkWindowFixture ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = ClerkWindowFixture.open(stage, data, "W6", "WS-PASS-W6");
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    @Test
    void aPassportChipIsReadShownAndArchived(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup("#signIn").queryButton());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#passport").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL).press(KeyCode.P).release(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#passportMrz").tryQuery().isPresent());
        assertThat(robot.lookup("#passportDemoHint").queryAs(Label.class).getText())
                .contains(SyntheticPassport.demo().mrzLine2());
        TextField mrz = robot.lookup("#passportMrz").queryAs(TextField.class);
        robot.clickOn(mrz).write(SyntheticPassport.demo().mrzLine2()).type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> "ZHANG SAN".equals(robot.lookup("#passportName").queryAs(Label.class).getText()));
        assertThat(robot.lookup("#passportAuthenticity").queryAs(Label.class).getText()).startsWith("真实");
        assertThat(robot.lookup("#passportNumber").queryAs(Label.class).getText()).doesNotContain("12345");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> passportArchived().isPresent());
        JsonNode verification = passportArchived().orElseThrow();
        assertThat(verification.path("verdict").asText()).isEqualTo("VALID");
        assertThat(verification.path("checks").path("sod-signature").asBoolean()).isTrue();
        assertThat(verification.path("checks").path("csca-chain").asBoolean()).isTrue();
        assertThat(verification.toString()).doesNotContain("E12345678");

        // the person at the counter against the chip's face: the demo camera plays the passport's holder
        robot.clickOn(robot.lookup("#passportFaceCheck").queryButton());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> faceCheckAgainstTheChip().isPresent());
        assertThat(faceCheckAgainstTheChip().orElseThrow().path("verdict").asText()).isEqualTo("VALID");
        robot.interact(() -> ui.shell().passportWindow().close());
    }

    /** A face-compare verification archived with its frame, made against the passport chip's photo. */
    private Optional<JsonNode> faceCheckAgainstTheChip() {
        for (String id : ui.sandbox().archive().packageIds()) {
            JsonNode m = ui.sandbox().archive().manifest(id);
            for (JsonNode v : m.path("verifications")) {
                if ("face-compare".equals(v.path("format").asText()) && v.toString().contains("passport-chip")) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<JsonNode> passportArchived() {
        for (String id : ui.sandbox().archive().packageIds()) {
            JsonNode m = ui.sandbox().archive().manifest(id);
            for (JsonNode v : m.path("verifications")) {
                if ("icao-9303-chip".equals(v.path("format").asText())) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }
}
