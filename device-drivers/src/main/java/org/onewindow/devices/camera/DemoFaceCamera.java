package org.onewindow.devices.camera;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.onewindow.core.demo.SyntheticFaces;
import org.onewindow.core.demo.SyntheticFaces.Scene;
import org.onewindow.core.demo.SyntheticFaces.Traits;
import org.onewindow.core.identity.IdCard;

/**
 * Demo support: an ID photo for a simulated card and a camera clip of "the same person", both rendered from
 * the card's number by {@link SyntheticFaces} (invented faces, nothing to license). The clip sways a little,
 * blinks, and turns the head and back, so either liveness prompt is met within a few seconds at 25 fps.
 */
public final class DemoFaceCamera {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;

    private DemoFaceCamera() {
    }

    /** The card with an ID photo of its invented holder (PNG), for the simulated reader. */
    public static IdCard withPhoto(IdCard card) {
        return card.withPhotoImage(idPhotoPng(card.idNumber()));
    }

    public static byte[] idPhotoPng(String idNumber) {
        return Frames.png(SyntheticFaces.idPhoto(Traits.of(idNumber)));
    }

    /** Two seconds of the holder of {@code idNumber} at the counter, looping. */
    public static List<BufferedImage> clipOf(String idNumber) {
        return clip(Traits.of(idNumber), 1);
    }

    /** Someone who is not the card holder (for the override part of the demo). */
    public static List<BufferedImage> strangerClip() {
        return clip(Traits.of("demo-stranger"), 2);
    }

    /** Nobody at the counter. */
    public static List<BufferedImage> emptyDesk() {
        return List.of(SyntheticFaces.empty(Scene.frontal(WIDTH, HEIGHT, 3)));
    }

    /** A virtual camera at 25 fps playing the card holder's clip. */
    public static VirtualCamera cameraFor(IdCard card, Clock clock) {
        return new VirtualCamera("demo face camera", clipOf(card.idNumber()), 25, clock);
    }

    private static List<BufferedImage> clip(Traits who, long seed) {
        List<BufferedImage> frames = new ArrayList<>();
        Scene base = Scene.frontal(WIDTH, HEIGHT, seed).size(0.55);
        double[] turns = {0.3, 0.7, 1.0, 0.7, 0.3};
        // two seconds at 25 fps: sway, a blink, sway, a turn and back, sway
        for (int phase = 0; phase < 50; phase++) {
            double sway = 0.5 + 0.012 * Math.sin(phase / 4.0);
            Scene s = base.at(sway, 0.5);
            if (phase >= 20 && phase < 23) {
                s = s.blinking(true);
            } else if (phase >= 35 && phase < 40) {
                s = s.turned(turns[phase - 35]);
            }
            frames.add(SyntheticFaces.scene(who, s));
        }
        return frames;
    }
}
