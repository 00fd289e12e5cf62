package org.onewindow.client.scan;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.InputMethodEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.onewindow.core.device.CodeScanner;
import org.onewindow.core.device.ScanEvent;
import org.onewindow.core.device.Symbology;
import org.onewindow.devices.scan.AimIdentifier;
import org.onewindow.devices.scan.wedge.WedgeBurstDetector;
import org.onewindow.devices.scan.wedge.WedgeSettings;

/**
 * A USB HID keyboard-wedge scanner, heard through an event filter on the whole scene: scans are caught
 * wherever the focus is, and their characters never reach the focused control. It works on the characters
 * the platform produced ({@code KEY_TYPED} and committed input-method text), not on key codes, so a
 * non-US layout or an active Chinese input method does not garble payloads as long as the scanner's
 * characters arrive as characters (see docs/scanners.md for the scanner settings). Keys that turn out to be
 * typing are replayed to the focus owner, in order, delayed by at most the burst gap (50 ms by default).
 * Everything runs on the FX thread; the sink is called there too and must not block.
 */
public final class KeyboardWedgeScanner implements CodeScanner {

    private final Scene scene;
    private final WedgeBurstDetector detector;
    private final LongSupplier nanoClock;
    private final Clock clock;
    private final boolean aimIds;
    private final EventHandler<KeyEvent> keyFilter = this::onKey;
    private final EventHandler<InputMethodEvent> imeFilter = this::onInputMethod;
    private final Timeline idlePoll = new Timeline(new KeyFrame(Duration.millis(10), e -> pollIdle()));
    private Consumer<ScanEvent> sink;
    private boolean replaying;
    private boolean swallowNextControlTyped;

    /**
     * @param nanoClock monotonic time for inter-key gaps ({@code System::nanoTime}; tests pass their own)
     * @param aimIds    whether the scanner sends AIM symbology identifiers ("]Q1") to be parsed off
     */
    public KeyboardWedgeScanner(Scene scene, WedgeSettings settings, LongSupplier nanoClock, Clock clock, boolean aimIds) {
        this.scene = Objects.requireNonNull(scene);
        this.detector = new WedgeBurstDetector(settings);
        this.nanoClock = Objects.requireNonNull(nanoClock);
        this.clock = Objects.requireNonNull(clock);
        this.aimIds = aimIds;
        idlePoll.setCycleCount(Animation.INDEFINITE);
    }

    public KeyboardWedgeScanner(Scene scene, WedgeSettings settings) {
        this(scene, settings, System::nanoTime, Clock.systemUTC(), false);
    }

    @Override
    public String name() {
        return "wedge";
    }

    @Override
    public void start(Consumer<ScanEvent> scanSink) {
        this.sink = Objects.requireNonNull(scanSink);
        runOnFx(() -> {
            scene.addEventFilter(KeyEvent.ANY, keyFilter);
            scene.addEventFilter(InputMethodEvent.INPUT_METHOD_TEXT_CHANGED, imeFilter);
            idlePoll.play();
        });
    }

    @Override
    public void close() {
        runOnFx(() -> {
            idlePoll.stop();
            scene.removeEventFilter(KeyEvent.ANY, keyFilter);
            scene.removeEventFilter(InputMethodEvent.INPUT_METHOD_TEXT_CHANGED, imeFilter);
            apply(detector.onIdle(Long.MAX_VALUE)); // give held typing back
        });
    }

    /** Ends a burst after a pause; a timeline calls it every 10 ms, tests call it after moving their clock. */
    public void pollIdle() {
        if (detector.isHolding()) {
            apply(detector.onIdle(nanoClock.getAsLong()));
        }
    }

    private void onKey(KeyEvent event) {
        if (replaying) {
            return;
        }
        if (event.getEventType() == KeyEvent.KEY_TYPED) {
            onTyped(event);
        } else if (event.getEventType() == KeyEvent.KEY_PRESSED && isEnter(event.getCode())) {
            WedgeBurstDetector.Step step = detector.onChar('\n', nanoClock.getAsLong());
            if (step.consumeCurrent()) {
                event.consume();
                swallowNextControlTyped = true; // the KEY_TYPED "\r" that follows this Enter
            }
            apply(step);
        } else if (detector.isHolding() && !event.getCode().isModifierKey()) {
            // mid-burst: a space must not press the focused button, a letter must not fire a mnemonic
            event.consume();
        }
    }

    private void onTyped(KeyEvent event) {
        String typed = event.getCharacter();
        if (typed.isEmpty() || KeyEvent.CHAR_UNDEFINED.equals(typed)) {
            return;
        }
        if (typed.length() == 1 && Character.isISOControl(typed.charAt(0))) {
            if (swallowNextControlTyped) {
                swallowNextControlTyped = false;
                event.consume();
            }
            return;
        }
        boolean consume = false;
        long now = nanoClock.getAsLong();
        for (int i = 0; i < typed.length(); i++) {
            WedgeBurstDetector.Step step = detector.onChar(typed.charAt(i), now);
            consume |= step.consumeCurrent();
            apply(step);
        }
        if (consume) {
            event.consume();
        }
    }

    /** Committed text from an input method (a Chinese IME in English mode, Alt-code entry) counts as typed. */
    private void onInputMethod(InputMethodEvent event) {
        if (replaying || event.getCommitted().isEmpty() || !event.getComposed().isEmpty()) {
            return;
        }
        event.consume();
        long now = nanoClock.getAsLong();
        for (char c : event.getCommitted().toCharArray()) {
            WedgeBurstDetector.Step step = detector.onChar(c == '\r' ? '\n' : c, now);
            apply(step);
            if (!step.consumeCurrent()) {
                replay(String.valueOf(c));
            }
        }
    }

    private void apply(WedgeBurstDetector.Step step) {
        if (!step.replayAsTyping().isEmpty()) {
            replay(step.replayAsTyping());
        }
        for (String scan : step.scans()) {
            deliver(scan);
        }
    }

    private void deliver(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Symbology symbology = Symbology.UNKNOWN;
        String text = body;
        if (aimIds) {
            AimIdentifier.Split split = AimIdentifier.split(bytes);
            if (split.symbology() != Symbology.UNKNOWN) {
                symbology = split.symbology();
                bytes = split.body();
                text = new String(bytes, StandardCharsets.UTF_8);
            }
        }
        if (sink != null) {
            sink.accept(new ScanEvent(bytes, text, symbology, name(), clock.instant()));
        }
    }

    /** Gives typing back to whoever has the focus, as if it had just been typed. */
    private void replay(String chars) {
        Node focus = scene.getFocusOwner();
        EventTarget target = focus != null ? focus : scene.getRoot();
        if (target == null) {
            return;
        }
        replaying = true;
        try {
            chars.codePoints().forEach(cp -> {
                if (cp == '\n') {
                    Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
                    Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.ENTER, false, false, false, false));
                } else {
                    Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, Character.toString(cp), "", KeyCode.UNDEFINED,
                            false, false, false, false));
                }
            });
        } finally {
            replaying = false;
        }
    }

    private static boolean isEnter(KeyCode code) {
        return code == KeyCode.ENTER;
    }

    private static void runOnFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
