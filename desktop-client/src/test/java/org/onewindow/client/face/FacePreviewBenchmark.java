package org.onewindow.client.face;

import java.time.Clock;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.onewindow.client.app.FxUiExecutor;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.devices.camera.DemoFaceCamera;
import org.onewindow.devices.camera.VirtualCamera;
import org.onewindow.devices.face.OpenCvFaceDetector;

/**
 * Live preview under load: a 25 fps virtual camera, OpenCV analysis of every frame it can take, the preview
 * in a real stage. Prints frames drawn per second, this control's work per FX pulse, the gap between pulses
 * (what a clerk would feel as jank) and the frame-to-overlay latency; the baseline is the same stage with the
 * preview idle, measured first in the same run. Headless:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp <test classpath>
 * org.onewindow.client.face.FacePreviewBenchmark [seconds]}, or under Xvfb without those properties.
 */
public final class FacePreviewBenchmark {
    private FacePreviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ExecutorService io = Executors.newSingleThreadExecutor();
        OpenCvFaceDetector detector = OpenCvFaceDetector.create(null);
        VirtualCamera camera = new VirtualCamera("bench", DemoFaceCamera.clipOf(DemoCitizens.ZHANG_WEI.idNumber()), 25,
                Clock.systemUTC());
        FaceCheckViewModel vm = new FaceCheckViewModel(camera, detector, r -> {
            throw new IllegalStateException("no compare in the preview benchmark");
        }, FaceCheckSettings.defaults(), io, FxUiExecutor.INSTANCE, new FaceTexts(Locale.SIMPLIFIED_CHINESE),
                Clock.systemUTC(), new Random(1));
        AtomicReference<FacePreview> preview = new AtomicReference<>();
        PulseGaps gaps = new PulseGaps();
        onFx(() -> {
            FacePreview p = new FacePreview(vm);
            preview.set(p);
            Stage stage = new Stage();
            stage.setScene(new Scene(p, 640, 480));
            stage.show();
            gaps.start();
        });
        Thread.sleep(2000);
        onFx(gaps::reset);
        Thread.sleep(seconds * 1000L);
        double[] idle = onFxGet(gaps::snapshot);

        // manual-review mode: the camera runs and every frame it can is analysed, nothing is compared
        onFx(() -> vm.start(null, null));
        Thread.sleep(3000);
        onFx(() -> {
            preview.get().resetStats();
            gaps.reset();
        });
        Thread.sleep(seconds * 1000L);
        FacePreview.PreviewStats s = onFxGet(() -> preview.get().stats());
        double[] busy = onFxGet(gaps::snapshot);
        onFx(vm::close);

        System.out.printf("preview %d s, 640x480 at 25 fps from the virtual camera, %d cores%n", seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  baseline (preview idle): pulse gap mean %.1f ms, max %.1f ms, %d pulses%n", idle[0], idle[1], (long) idle[2]);
        System.out.printf("  under preview:           pulse gap mean %.1f ms, max %.1f ms, %d pulses%n", busy[0], busy[1], (long) busy[2]);
        System.out.printf("  frames drawn %d (%.1f fps); preview work per pulse mean %.2f ms, max %.2f ms%n",
                s.framesDrawn(), s.fps(), s.meanPulseWorkMs(), s.maxPulseWorkMs());
        System.out.printf("  analyses drawn %d (%.1f per s); frame-to-overlay latency mean %.1f ms, max %.1f ms%n",
                s.overlaysDrawn(), s.overlaysDrawn() / (double) seconds, s.meanOverlayLatencyMs(), s.maxOverlayLatencyMs());
        io.shutdownNow();
        Platform.exit();
        System.exit(0);
    }

    /** Gaps between FX pulses, measured by a timer of its own. */
    private static final class PulseGaps extends AnimationTimer {
        private long last;
        private long count;
        private long total;
        private long max;

        @Override
        public void handle(long now) {
            if (last != 0) {
                long gap = now - last;
                count++;
                total += gap;
                max = Math.max(max, gap);
            }
            last = now;
        }

        void reset() {
            last = 0;
            count = 0;
            total = 0;
            max = 0;
        }

        double[] snapshot() {
            return new double[] {count == 0 ? 0 : total / 1e6 / count, max / 1e6, count};
        }
    }

    private static void onFx(Runnable r) throws Exception {
        onFxGet(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFxGet(java.util.concurrent.Callable<T> c) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(c);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }
}
