package org.onewindow.client.supervisor;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A short two-tone chime for a new alert, generated as PCM and played through javax.sound.sampled (no
 * media module, no sound file to ship). Plays on its own thread; a machine without a sound device just logs.
 */
public final class AlertSound implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertSound.class);
    private static final float RATE = 22_050f;

    @Override
    public void run() {
        Thread t = new Thread(AlertSound::play, "alert-sound");
        t.setDaemon(true);
        t.start();
    }

    /** 16-bit mono PCM: 880 Hz then 660 Hz, 150 ms each, with short fades so it does not click. */
    static byte[] chime() {
        int perTone = (int) (RATE * 0.15);
        byte[] pcm = new byte[perTone * 2 * 2];
        int i = 0;
        for (double freq : new double[]{880, 660}) {
            for (int n = 0; n < perTone; n++) {
                double fade = Math.min(1.0, Math.min(n, perTone - n) / (RATE * 0.01));
                short s = (short) (Math.sin(2 * Math.PI * freq * n / RATE) * 0.4 * fade * Short.MAX_VALUE);
                pcm[i++] = (byte) s;
                pcm[i++] = (byte) (s >> 8);
            }
        }
        return pcm;
    }

    private static void play() {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            byte[] pcm = chime();
            line.write(pcm, 0, pcm.length);
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            LOG.info("no sound device for the alert chime: {}", e.getMessage());
        }
    }
}
