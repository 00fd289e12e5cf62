package org.onewindow.devices.face;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.onewindow.core.demo.SyntheticFaces;
import org.onewindow.core.demo.SyntheticFaces.Scene;
import org.onewindow.core.demo.SyntheticFaces.Traits;
import org.onewindow.core.device.Frame;
import org.onewindow.core.face.FaceQualityGate;
import org.onewindow.core.face.QualityThresholds;
import org.onewindow.devices.camera.Frames;

/**
 * Detection time per 640x480 frame, one thread: the face cascade alone, the eye cascade on the found face,
 * and the whole quality gate (both plus the pixel statistics), with a baseline in the same run (the ARGB to
 * grey conversion every step needs). Run:
 * {@code java -cp <test classpath> org.onewindow.devices.face.FaceDetectionBenchmark [rounds]}.
 */
public final class FaceDetectionBenchmark {
    private FaceDetectionBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        OpenCvFaceDetector detector = OpenCvFaceDetector.bundled();
        FaceQualityGate gate = new FaceQualityGate(detector, QualityThresholds.defaults());
        List<Frame> frames = new ArrayList<>();
        Scene base = Scene.frontal(640, 480, 1).size(0.55);
        frames.add(frame(SyntheticFaces.scene(Traits.of("a"), base), 1));
        frames.add(frame(SyntheticFaces.scene(Traits.of("b"), base.at(0.45, 0.5).size(0.4)), 2));
        frames.add(frame(SyntheticFaces.empty(base), 3));
        frames.add(frame(SyntheticFaces.twoPeople(Traits.of("a"), Traits.of("b"), base.size(0.4)), 4));
        // warm up the JIT and OpenCV's buffers
        for (int i = 0; i < 30; i++) {
            gate.assess(frames.get(i % frames.size()));
        }
        long[] grey = new long[rounds];
        long[] faces = new long[rounds];
        long[] eyes = new long[rounds];
        long[] whole = new long[rounds];
        int sink = 0;
        for (int i = 0; i < rounds; i++) {
            Frame f = frames.get(i % frames.size());
            long t0 = System.nanoTime();
            sink += greyBaseline(f);
            long t1 = System.nanoTime();
            var found = detector.faces(f);
            long t2 = System.nanoTime();
            if (!found.isEmpty()) {
                sink += detector.openEyes(f, found.get(0));
            }
            long t3 = System.nanoTime();
            sink += gate.assess(f).issues().size();
            long t4 = System.nanoTime();
            grey[i] = t1 - t0;
            faces[i] = t2 - t1;
            eyes[i] = t3 - t2;
            whole[i] = t4 - t3;
        }
        System.out.printf("640x480 frames, %d rounds, %d cores (checksum %d)%n", rounds,
                Runtime.getRuntime().availableProcessors(), sink);
        report("baseline: ARGB->grey", grey);
        report("face cascade (half size)", faces);
        report("eye cascade in the face", eyes);
        report("quality gate, whole", whole);
    }

    private static Frame frame(java.awt.image.BufferedImage image, long seq) {
        return Frames.toFrame(image, seq, Instant.EPOCH);
    }

    private static int greyBaseline(Frame f) {
        int[] px = f.argb();
        int acc = 0;
        for (int p : px) {
            acc += (((p >> 16) & 0xFF) * 77 + ((p >> 8) & 0xFF) * 150 + (p & 0xFF) * 29) >> 8;
        }
        return acc;
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0) / 1e6;
        System.out.printf("  %-28s mean %7.2f ms  p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms%n", what, mean,
                s[s.length / 2] / 1e6, s[(int) (s.length * 0.95)] / 1e6, s[s.length - 1] / 1e6);
    }
}
