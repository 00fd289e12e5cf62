package org.onewindow.client.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.InputMethodEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onewindow.core.device.ScanEvent;
import org.onewindow.core.device.Symbology;
import org.onewindow.devices.scan.wedge.WedgeSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Real FX key events (glass robot on headless Monocle, and TestFX's typed characters) through the scene
 * filter. Inter-key time comes from a clock the test moves, so timing never makes the test flaky.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardWedgeScannerFxTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong nanos = new AtomicLong(1_000 * MS);
    private final List<ScanEvent> scans = new CopyOnWriteArrayList<>();
    private final AtomicLong buttonPresses = new AtomicLong();
    private TextField field;
    private KeyboardWedgeScanner scanner;

    @Start
    void start(Stage stage) {
        field = new TextField();
        Button button = new Button("OK");
        button.setOnAction(e -> buttonPresses.incrementAndGet());
        Scene scene = new Scene(new VBox(field, button), 400, 200);
        scanner = new KeyboardWedgeScanner(scene, WedgeSettings.defaults(), nanos::get, Clock.systemUTC(), true);
        scanner.start(scans::add);
        stage.setScene(scene);
        stage.show();
        field.requestFocus();
    }

    /** Presses each key through the robot with {@code gapMs} of test time before it. */
    private void typeKeys(FxRobot robot, long gapMs, KeyCode... keys) {
        for (KeyCode key : keys) {
            nanos.addAndGet(gapMs * MS);
            robot.type(key);
        }
    }

    private void pause(FxRobot robot, long ms) {
        nanos.addAndGet(ms * MS);
        robot.interact(scanner::pollIdle);
    }

    @Test
    void fastBurstWithEnterIsOneScanAndNothingReachesTheTextField(FxRobot robot) {
        typeKeys(robot, 4, KeyCode.A, KeyCode.B, KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.MINUS, KeyCode.DIGIT9,
                KeyCode.ENTER);
        pause(robot, 200);

        assertThat(scans).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("ab123-9");
            assertThat(s.source()).isEqualTo("wedge");
        });
        assertThat(field.getText()).isEmpty();
    }

    @Test
    void slowTypingReachesTheTextFieldUnchanged(FxRobot robot) {
        for (KeyCode key : new KeyCode[] {KeyCode.H, KeyCode.E, KeyCode.L, KeyCode.L, KeyCode.O}) {
            typeKeys(robot, 150, key);
            pause(robot, 60);
        }
        assertThat(field.getText()).isEqualTo("hello");
        assertThat(scans).isEmpty();
    }

    @Test
    void scanWhileTheButtonHasFocusDoesNotPressIt(FxRobot robot) {
        robot.interact(() -> field.getScene().getRoot().getChildrenUnmodifiable().get(1).requestFocus());
        typeKeys(robot, 3, KeyCode.Q, KeyCode.SPACE, KeyCode.R, KeyCode.SPACE, KeyCode.S, KeyCode.T, KeyCode.ENTER);
        pause(robot, 200);
        assertThat(scans).extracting(ScanEvent::text).containsExactly("q r st");
        assertThat(buttonPresses).hasValue(0);
    }

    @Test
    void unicodeCharactersFromANonUsLayoutOrUnicodeModeArriveIntact(FxRobot robot) {
        // TestFX writes characters as KEY_TYPED events to the focus owner, as the platform does for any layout
        robot.write("电子证照·éüß-7");
        nanos.addAndGet(3 * MS);
        robot.type(KeyCode.ENTER);
        pause(robot, 200);
        assertThat(scans).extracting(ScanEvent::text).containsExactly("电子证照·éüß-7");
        assertThat(field.getText()).isEmpty();
    }

    @Test
    void committedInputMethodTextIsPartOfTheBurst(FxRobot robot) {
        // a Chinese IME active on the field commits the scanner's characters instead of typing them
        robot.interact(() -> Event.fireEvent(field,
                new InputMethodEvent(InputMethodEvent.INPUT_METHOD_TEXT_CHANGED, List.of(), "]Q1营业执照91110000", 0)));
        nanos.addAndGet(2 * MS);
        robot.type(KeyCode.ENTER);
        pause(robot, 200);
        assertThat(scans).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("营业执照91110000");
            assertThat(s.symbology()).isEqualTo(Symbology.QR_CODE);
        });
        assertThat(field.getText()).isEmpty();
    }

    @Test
    void enterTypedByAPersonStillReachesTheField(FxRobot robot) {
        List<String> actions = new CopyOnWriteArrayList<>();
        robot.interact(() -> field.setOnAction(e -> actions.add(field.getText())));
        typeKeys(robot, 150, KeyCode.X);
        pause(robot, 60);
        typeKeys(robot, 300, KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(actions).containsExactly("x");
        assertThat(scans).isEmpty();
    }
}
