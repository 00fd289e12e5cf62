package org.onewindow.client.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.demo.SyntheticFaces;
import org.onewindow.core.demo.SyntheticFaces.Scene;
import org.onewindow.core.demo.SyntheticFaces.Traits;
import org.onewindow.core.face.FaceCheckOutcome;
import org.onewindow.core.face.FaceComparer;
import org.onewindow.core.face.FaceMatch;
import org.onewindow.core.verify.Verdict;
import org.onewindow.devices.camera.DemoFaceCamera;
import org.onewindow.devices.camera.VirtualCamera;
import org.onewindow.devices.face.OpenCvFaceDetector;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpFaceComparer;
import org.onewindow.verification.backend.HttpHallServices;

/**
 * The view model over the real pipeline: a virtual camera playing rendered faces, OpenCV detection, and
 * either the real sandbox engine over HTTP or a scripted comparer. Waits on state, never on time.
 */
class FaceCheckViewModelTest {
    static final Scene SCENE = Scene.frontal(640, 480, 21).size(0.55);
    static OpenCvFaceDetector detector;
    final ExecutorService io = Executors.newFixedThreadPool(2);
    final ExecutorService ui = Executors.newSingleThreadExecutor();
    FaceCheckViewModel vm;

    @TempDir
    Path data;

    @BeforeAll
    static void loadDetector() {
        detector = OpenCvFaceDetector.create(null);
    }

    @AfterAll
    static void closeDetector() {
        detector.close();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (vm != null) {
            onUi(() -> {
                vm.close();
                return null;
            });
        }
        io.shutdownNow();
        ui.shutdownNow();
    }

    @Test
    void theCardHolderMatchesTheIdPhotoThroughTheSandboxEngine() throws Exception {
        try (SandboxBackend sandbox = SandboxBackend.start(data, 0);
             HttpHallServices http = new HttpHallServices(BackendConfig.of(sandbox.baseUri(), "WS-FACE"))) {
            http.signIn("demo", "demo".toCharArray());
            String id = DemoCitizens.ZHANG_WEI.idNumber();
            vm = viewModel(new VirtualCamera("demo", DemoFaceCamera.clipOf(id), 25, Clock.systemUTC()),
                    new HttpFaceComparer(http), FaceCheckSettings.defaults());
            onUi(() -> {
                vm.start(DemoFaceCamera.idPhotoPng(id), "resident-id-card");
                return null;
            });
            FaceCheckOutcome outcome = await(() -> vm.outcomeProperty(), o -> o != null);
            assertThat(outcome.decision()).isEqualTo(FaceCheckOutcome.Decision.MATCH);
            assertThat(outcome.match().score()).isGreaterThanOrEqualTo(0.6);
            assertThat(outcome.verification().verdict()).isEqualTo(Verdict.VALID);
            assertThat(outcome.verification().claims()).containsKeys("score", "threshold", "compareId");
            assertThat(outcome.evidence()).hasValueSatisfying(e -> {
                assertThat(e.kind()).isEqualTo("face-frame");
                assertThat(e.mediaType()).isEqualTo("image/jpeg");
            });
            assertThat(onUi(() -> vm.phaseProperty().get())).isEqualTo(FaceCheckViewModel.Phase.MATCH);
            assertThat(vm.takeNewFrame()).as("frames dropped after the check").isNull();
        }
    }

    @Test
    void aMismatchIsRetriedThenNeedsTheClerksReasonToOverride() throws Exception {
        AtomicInteger compares = new AtomicInteger();
        FaceComparer neverMatches = r -> {
            compares.incrementAndGet();
            return new FaceMatch(0.31, r.threshold(), false, "FCC-" + compares.get(), Clock.systemUTC().instant(), "scripted");
        };
        FaceCheckSettings settings = new FaceCheckSettings(640, 480, FaceCheckSettings.defaults().quality(), 0.6, 2, 2,
                false, 4);
        vm = viewModel(still(SyntheticFaces.scene(Traits.of("someone"), SCENE)), neverMatches, settings);
        onUi(() -> {
            vm.start(DemoFaceCamera.idPhotoPng("the-holder"), "resident-id-card");
            return null;
        });
        await(() -> vm.phaseProperty(), p -> p == FaceCheckViewModel.Phase.NO_MATCH);
        assertThat(compares.get()).isEqualTo(2);
        assertThat(onUi(() -> vm.guidanceZhProperty().get())).isEqualTo("请稍候，工作人员正在核对");
        assertThat(onUi(() -> vm.overrideAllowedProperty().get())).isTrue();

        assertThat(onUi(() -> vm.override("clerk01", "  "))).isFalse();
        assertThat(onUi(() -> vm.messageProperty().get())).contains("4");
        assertThat(onUi(() -> vm.outcomeProperty().get())).isNull();

        assertThat(onUi(() -> vm.override("clerk01", "照片为十年前拍摄，已核对户籍信息"))).isTrue();
        FaceCheckOutcome outcome = onUi(() -> vm.outcomeProperty().get());
        assertThat(outcome.decision()).isEqualTo(FaceCheckOutcome.Decision.OVERRIDDEN);
        assertThat(outcome.clerk()).isEqualTo("clerk01");
        assertThat(outcome.reason()).isEqualTo("照片为十年前拍摄，已核对户籍信息");
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.verification().verdict()).isEqualTo(Verdict.INVALID);
        assertThat(outcome.verification().claims()).containsEntry("reason", "照片为十年前拍摄，已核对户籍信息")
                .containsEntry("decidedBy", "clerk01").containsEntry("score", 0.31);
        assertThat(outcome.evidence()).isPresent();
    }

    @Test
    void withoutAnIdPhotoTheClerkReviewsByEyeWithAReason() throws Exception {
        FaceComparer mustNotBeCalled = r -> {
            throw new AssertionError("no compare without a photo");
        };
        vm = viewModel(still(SyntheticFaces.scene(Traits.of("x"), SCENE)), mustNotBeCalled, FaceCheckSettings.defaults());
        onUi(() -> {
            vm.start(null, null);
            return null;
        });
        assertThat(onUi(() -> vm.phaseProperty().get())).isEqualTo(FaceCheckViewModel.Phase.MANUAL_REVIEW);
        await(() -> vm.guidanceKeyProperty(), k -> k.equals("face.guide.OK"));
        assertThat(onUi(() -> vm.reject("clerk02", "no"))).isFalse();
        assertThat(onUi(() -> vm.override("clerk02", "人工核对证件与本人一致"))).isTrue();
        FaceCheckOutcome outcome = onUi(() -> vm.outcomeProperty().get());
        assertThat(outcome.decision()).isEqualTo(FaceCheckOutcome.Decision.MANUAL_REVIEW);
        assertThat(outcome.match()).isNull();
        assertThat(outcome.verification().verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(outcome.evidence()).isPresent();
    }

    @Test
    void anUnreachableCompareServiceLetsTheClerkRetryOrDecide() throws Exception {
        java.util.concurrent.CountDownLatch secondCall = new java.util.concurrent.CountDownLatch(2);
        FaceComparer down = r -> {
            secondCall.countDown();
            throw new BackendException(BackendException.Kind.UNREACHABLE, "back-end unreachable");
        };
        FaceCheckSettings settings = FaceCheckSettings.defaults().withLiveness(false);
        vm = viewModel(still(SyntheticFaces.scene(Traits.of("x"), SCENE)), down, settings);
        onUi(() -> {
            vm.start(DemoFaceCamera.idPhotoPng("x"), "resident-id-card");
            return null;
        });
        await(() -> vm.phaseProperty(), p -> p == FaceCheckViewModel.Phase.COMPARE_FAILED);
        onUi(() -> {
            vm.retry();
            return null;
        });
        assertThat(secondCall.await(60, TimeUnit.SECONDS)).isTrue();
        await(() -> vm.phaseProperty(), p -> p == FaceCheckViewModel.Phase.COMPARE_FAILED);
        assertThat(onUi(() -> vm.reject("clerk03", "本人拒绝配合人脸核验"))).isTrue();
        FaceCheckOutcome outcome = onUi(() -> vm.outcomeProperty().get());
        assertThat(outcome.decision()).isEqualTo(FaceCheckOutcome.Decision.REJECTED);
        assertThat(outcome.decision().accepted()).isFalse();
    }

    @Test
    void guidesTheCitizenInChineseAndEnglish() throws Exception {
        FaceComparer unused = r -> {
            throw new AssertionError("the gate must hold the compare back");
        };
        VirtualCamera camera = still(SyntheticFaces.scene(Traits.of("x"), SCENE.size(0.2)));
        vm = viewModel(camera, unused, FaceCheckSettings.defaults());
        onUi(() -> {
            vm.start(DemoFaceCamera.idPhotoPng("x"), "resident-id-card");
            return null;
        });
        await(() -> vm.guidanceZhProperty(), t -> t.equals("请靠近一点"));
        assertThat(onUi(() -> vm.guidanceEnProperty().get())).isEqualTo("Please come a little closer");

        camera.play(List.of(SyntheticFaces.scene(Traits.of("x"), SCENE.lit(0.25))));
        await(() -> vm.guidanceZhProperty(), t -> t.equals("光线太暗"));

        camera.play(List.of(SyntheticFaces.scene(Traits.of("x"), SCENE.turned(0.7))));
        await(() -> vm.guidanceZhProperty(), t -> t.equals("请正对摄像头"));

        camera.play(List.of(SyntheticFaces.twoPeople(Traits.of("x"), Traits.of("y"), SCENE.size(0.4))));
        await(() -> vm.guidanceKeyProperty(), t -> t.equals("face.guide.SEVERAL_FACES"));

        camera.play(DemoFaceCamera.emptyDesk());
        await(() -> vm.guidanceKeyProperty(), t -> t.equals("face.guide.NO_FACE"));
        assertThat(vm.overlay()).isNotNull();
        assertThat(onUi(() -> vm.phaseProperty().get())).isEqualTo(FaceCheckViewModel.Phase.GUIDING);

        onUi(() -> {
            vm.stop();
            return null;
        });
        assertThat(vm.overlay()).isNull();
        assertThat(vm.takeNewFrame()).isNull();
        assertThat(onUi(() -> vm.guidanceKeyProperty().get())).isEmpty();
    }

    @Test
    void anOverrideIsRefusedWhileNothingFailed() throws Exception {
        vm = viewModel(still(SyntheticFaces.scene(Traits.of("x"), SCENE)), r -> null, FaceCheckSettings.defaults());
        assertThat(onUi(() -> vm.override("clerk01", "a perfectly long reason"))).isFalse();
        assertThat(onUi(() -> vm.messageProperty().get())).isEqualTo(new FaceTexts(Locale.ENGLISH).get("face.override.notAllowed"));
    }

    private FaceCheckViewModel viewModel(VirtualCamera camera, FaceComparer comparer, FaceCheckSettings settings) {
        return new FaceCheckViewModel(camera, detector, comparer, settings, io, ui, new FaceTexts(Locale.ENGLISH),
                Clock.systemUTC(), new Random(6));
    }

    private static VirtualCamera still(BufferedImage image) {
        // a real camera's noise makes frames differ; the loop of two renders does the same here
        return new VirtualCamera("test", List.of(image, image), 25, Clock.systemUTC());
    }

    private <T> T onUi(Callable<T> read) throws Exception {
        return ui.submit(read).get(30, TimeUnit.SECONDS);
    }

    /**
     * Waits for {@code property} (read and watched on the UI executor) to satisfy {@code done}: an event, not a
     * poll. The bound is generous and not a speed test.
     */
    private <T> T await(Callable<ObservableValue<T>> property, Predicate<T> done) throws Exception {
        CompletableFuture<T> reached = new CompletableFuture<>();
        onUi(() -> {
            ObservableValue<T> p = property.call();
            if (done.test(p.getValue())) {
                reached.complete(p.getValue());
            } else {
                p.addListener(new ChangeListener<T>() {
                    @Override
                    public void changed(ObservableValue<? extends T> o, T old, T now) {
                        if (done.test(now)) {
                            o.removeListener(this);
                            reached.complete(now);
                        }
                    }
                });
            }
            return null;
        });
        try {
            return reached.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("state never reached; now " + onUi(() -> property.call().getValue()), e);
        }
    }
}
