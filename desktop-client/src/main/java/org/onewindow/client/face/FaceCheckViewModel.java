package org.onewindow.client.face;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javax.imageio.ImageIO;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.device.Camera;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.Frame;
import org.onewindow.core.face.FaceBox;
import org.onewindow.core.face.FaceCheckOutcome;
import org.onewindow.core.face.FaceCheckOutcome.Decision;
import org.onewindow.core.face.FaceCompareRequest;
import org.onewindow.core.face.FaceComparer;
import org.onewindow.core.face.FaceDetector;
import org.onewindow.core.face.FaceMatch;
import org.onewindow.core.face.FaceQuality;
import org.onewindow.core.face.FaceQualityGate;
import org.onewindow.core.face.LivenessCheck;
import org.onewindow.devices.camera.Frames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The person-ID check (人证核验) for one citizen at a time: live preview, guidance, liveness prompt, 1:1 compare
 * with retries, and the clerk's override or manual review with a mandatory reason.
 *
 * <p>Threads: the camera is read on a dedicated capture thread; frames are analysed on a dedicated analysis
 * thread that always takes the newest frame and drops the rest; the compare runs on {@code io}; state reaches
 * the FX thread only through {@code ui}, and only when it changes. The preview pulls the newest frame and
 * overlay ({@link #takeNewFrame()}, {@link #overlay()}) at its own pace, so the FX thread never queues frames.
 *
 * <p>Privacy: frames live in memory only and are dropped at {@link #stop()}; the chosen frame leaves only
 * inside the {@link FaceCheckOutcome}; nothing of the face is logged.
 */
public final class FaceCheckViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaceCheckViewModel.class);

    /**
     * At most this many analyses a second: detection is the heavy part, and on a two-core counter PC an
     * analysis thread running flat out would take the CPU the preview needs to stay smooth.
     */
    static final int MAX_ANALYSES_PER_SECOND = 12;
    private static final long MIN_ANALYSIS_GAP_NANOS = 1_000_000_000L / MAX_ANALYSES_PER_SECOND;

    /** Where the check stands. */
    public enum Phase { IDLE, STARTING, GUIDING, LIVENESS, COMPARING, MATCH, NO_MATCH, COMPARE_FAILED, MANUAL_REVIEW, DONE, CAMERA_LOST }

    private final Camera camera;
    private final FaceDetector detector;
    private final FaceQualityGate gate;
    private final FaceComparer comparer;
    private final FaceCheckSettings settings;
    private final Executor io;
    private final Executor ui;
    private final FaceTexts texts;
    private final FaceTexts english = new FaceTexts(java.util.Locale.ENGLISH);
    private final FaceTexts chinese = new FaceTexts(java.util.Locale.SIMPLIFIED_CHINESE);
    private final Clock clock;
    private final Random random;
    private final List<Consumer<FaceCheckOutcome>> outcomeListeners = new CopyOnWriteArrayList<>();

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper guidanceKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper guidanceZh = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper guidanceEn = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scoreText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<FaceMatch> lastMatch = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper overrideAllowed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<FaceCheckOutcome> outcome = new ReadOnlyObjectWrapper<>();

    // shared between the capture, analysis and FX threads
    private final AtomicReference<PreviewFrame.Captured> newestFrame = new AtomicReference<>();
    private final AtomicReference<PreviewFrame.Captured> pendingAnalysis = new AtomicReference<>();
    private final AtomicBoolean analysing = new AtomicBoolean();
    private volatile long lastAnalysisStart;
    private final AtomicReference<PreviewFrame.Overlay> overlay = new AtomicReference<>();
    /** The current camera session; a capture loop runs while its session is current. */
    private final java.util.concurrent.atomic.AtomicLong cameraSession = new java.util.concurrent.atomic.AtomicLong();
    private volatile long lastTakenSequence = -1;
    /** Counts {@link #stop()}s: the preview wipes the screen when it changes. */
    private volatile long wipes;
    // one thread each, for the life of the view model: a new session's loop starts after the old one closed the camera
    private final ExecutorService capture = Executors.newSingleThreadExecutor(r -> daemon(r, "face-capture"));
    private final ExecutorService analysis = Executors.newSingleThreadExecutor(r -> daemon(r, "face-analysis"));
    private java.util.concurrent.Future<?> captureTask;

    // the current attempt: touched by the analysis thread only, reset under this lock
    private final Object attemptLock = new Object();
    private long generation;
    private Stage stage = Stage.IDLE;
    private int goodStreak;
    private LivenessCheck liveness;
    private Frame bestFrame;
    private FaceQuality bestQuality;
    private int attempts;
    private byte[] referencePhoto;
    private byte[] comparedJpeg;
    private FaceBox referenceFace;
    private String referenceSource;

    private static final java.util.Set<org.onewindow.core.face.QualityIssue> LIVENESS_EXPECTED = java.util.EnumSet.of(
            org.onewindow.core.face.QualityIssue.NOT_FRONTAL, org.onewindow.core.face.QualityIssue.NO_FACE,
            org.onewindow.core.face.QualityIssue.BLURRED);

    /** What the analysis thread does with frames. */
    private enum Stage { IDLE, GUIDING, LIVENESS, HOLD, CAPTURE_ONLY }

    public FaceCheckViewModel(Camera camera, FaceDetector detector, FaceComparer comparer, FaceCheckSettings settings,
                              Executor io, Executor ui, FaceTexts texts, Clock clock) {
        this(camera, detector, comparer, settings, io, ui, texts, clock, new Random());
    }

    /** With a seeded random for the choice of the liveness challenge (tests). */
    public FaceCheckViewModel(Camera camera, FaceDetector detector, FaceComparer comparer, FaceCheckSettings settings,
                              Executor io, Executor ui, FaceTexts texts, Clock clock, Random random) {
        this.camera = camera;
        this.detector = detector;
        this.gate = new FaceQualityGate(detector, settings.quality());
        this.comparer = comparer;
        this.settings = settings;
        this.io = io;
        this.ui = ui;
        this.texts = texts;
        this.clock = clock;
        this.random = random;
        phaseText.set(texts.get("face.phase.IDLE"));
    }

    // ---- actions (FX thread) ---------------------------------------------------------------------

    /**
     * Starts the check against {@code idPhoto} (JPEG/PNG from the card reader's decoder, an e-ID credential or
     * a passport chip). With no photo the check goes to manual review: the camera still runs so the clerk can
     * look and a frame can be archived.
     */
    public void start(byte[] idPhoto, String source) {
        long gen;
        synchronized (attemptLock) {
            gen = ++generation;
            attempts = 0;
            comparedJpeg = null;
            referencePhoto = idPhoto == null ? null : idPhoto.clone();
            referenceFace = null;
            referenceSource = source;
            clearAttempt();
            stage = idPhoto == null ? Stage.CAPTURE_ONLY : Stage.IDLE;
        }
        outcome.set(null);
        lastMatch.set(null);
        scoreText.set("");
        message.set("");
        overrideAllowed.set(false);
        setPhase(Phase.STARTING);
        startCamera();
        if (idPhoto == null) {
            setPhase(Phase.MANUAL_REVIEW);
            overrideAllowed.set(true);
            return;
        }
        byte[] photo = idPhoto.clone();
        CompletableFuture.supplyAsync(() -> faceInPhoto(photo), io).whenCompleteAsync((face, error) -> {
            synchronized (attemptLock) {
                if (gen != generation) {
                    return;
                }
                referenceFace = face;
                stage = Stage.GUIDING;
            }
            if (phase.get() == Phase.STARTING) {
                setPhase(Phase.GUIDING);
            }
        }, ui);
    }

    /** After a failed compare service: try the compare again with a new capture. */
    public void retry() {
        if (phase.get() != Phase.COMPARE_FAILED && phase.get() != Phase.NO_MATCH) {
            return;
        }
        synchronized (attemptLock) {
            clearAttempt();
            stage = Stage.GUIDING;
        }
        overrideAllowed.set(false);
        setPhase(Phase.GUIDING);
    }

    /**
     * The clerk accepts the citizen despite a mismatch, an unavailable compare, or (without an ID photo) after
     * comparing by eye. Returns false, with a message, when the reason is too short or nothing is to override.
     */
    public boolean override(String clerk, String reason) {
        return decideByHand(clerk, reason, true);
    }

    /** The clerk refuses: the person does not match the document. The reason is mandatory too. */
    public boolean reject(String clerk, String reason) {
        return decideByHand(clerk, reason, false);
    }

    private boolean decideByHand(String clerk, String reason, boolean accept) {
        if (!overrideAllowed.get()) {
            message.set(texts.get("face.override.notAllowed"));
            return false;
        }
        String why = reason == null ? "" : reason.strip();
        if (why.codePointCount(0, why.length()) < settings.minReasonLength() || clerk == null || clerk.isBlank()) {
            message.set(texts.format("face.override.reasonRequired", settings.minReasonLength()));
            return false;
        }
        Decision decision;
        if (!accept) {
            decision = Decision.REJECTED;
        } else {
            decision = phase.get() == Phase.MANUAL_REVIEW ? Decision.MANUAL_REVIEW : Decision.OVERRIDDEN;
        }
        byte[] jpeg;
        synchronized (attemptLock) {
            // the frame the engine judged, if there was a compare; else the best (or at least the newest) frame
            Frame frame = bestFrame != null ? bestFrame : latestFrameOrNull();
            jpeg = comparedJpeg != null ? comparedJpeg : frame == null ? null : Frames.jpeg(frame);
        }
        FaceMatch match = lastMatch.get();
        FaceCheckOutcome result = new FaceCheckOutcome(decision, match, attempts, clerk, why,
                decision + " by clerk" + (match == null ? "" : " after engine " + match.engine()) + against(),
                jpeg, clock.instant());
        // the audit line: who and what, never the face or the reason's text (it may name the citizen)
        LOG.info("face check {} by clerk {} after {} compare(s){}", decision, clerk, attempts,
                match == null ? "" : String.format(" (score %.3f, threshold %.3f)", match.score(), match.threshold()));
        finish(result);
        return true;
    }

    /** Ends the check: stops the camera and drops every frame. */
    public void stop() {
        synchronized (attemptLock) {
            generation++;
            stage = Stage.IDLE;
            clearAttempt();
            referencePhoto = null;
            comparedJpeg = null;
        }
        stopCamera();
        newestFrame.set(null);
        pendingAnalysis.set(null);
        overlay.set(null);
        wipes++;
        if (phase.get() != Phase.DONE) {
            setPhase(Phase.IDLE);
        }
        guidance(null);
    }

    public void addOutcomeListener(Consumer<FaceCheckOutcome> listener) {
        outcomeListeners.add(listener);
    }

    @Override
    public void close() {
        stop();
        capture.shutdownNow();
        analysis.shutdownNow();
    }

    // ---- preview source (any thread, lock-free) ---------------------------------------------------

    /** The newest frame if it is newer than the one taken last, else null: the preview renders only this. */
    public PreviewFrame.Captured takeNewFrame() {
        PreviewFrame.Captured c = newestFrame.get();
        if (c == null || c.frame().sequence() == lastTakenSequence) {
            return null;
        }
        lastTakenSequence = c.frame().sequence();
        return c;
    }

    /** Changes each time the check stops: the preview then clears the last frame from the screen. */
    public long wipeCount() {
        return wipes;
    }

    /** The newest analysis result (face boxes), or null. */
    public PreviewFrame.Overlay overlay() {
        return overlay.get();
    }

    // ---- camera and analysis threads ----------------------------------------------------------------

    private void startCamera() {
        if (captureTask != null && !captureTask.isDone() && phase.get() != Phase.CAMERA_LOST) {
            return;
        }
        long session = cameraSession.incrementAndGet();
        captureTask = capture.submit(() -> captureLoop(session));
    }

    /** After the camera was lost (unplugged, failed): open it again and carry on with the same attempt. */
    public void reconnectCamera() {
        if (phase.get() != Phase.CAMERA_LOST) {
            return;
        }
        message.set("");
        synchronized (attemptLock) {
            setPhase(stage == Stage.CAPTURE_ONLY ? Phase.MANUAL_REVIEW : Phase.GUIDING);
            if (stage == Stage.HOLD || stage == Stage.LIVENESS) {
                clearAttempt();
                stage = Stage.GUIDING;
            }
        }
        startCamera();
    }

    private boolean current(long session) {
        return cameraSession.get() == session;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void stopCamera() {
        cameraSession.incrementAndGet();
        java.util.concurrent.Future<?> task = captureTask;
        if (task != null) {
            task.cancel(true);
        }
    }

    private void captureLoop(long session) {
        try {
            camera.open(settings.width(), settings.height());
            while (current(session)) {
                Frame frame = camera.grab();
                PreviewFrame.Captured captured = new PreviewFrame.Captured(frame, System.nanoTime());
                if (!current(session)) {
                    break;
                }
                newestFrame.set(captured);
                pendingAnalysis.set(captured);
                scheduleAnalysis();
            }
        } catch (DeviceException e) {
            if (current(session)) {
                LOG.warn("face camera failed: {} ({})", e.getMessage(), e.kind());
                ui.execute(() -> {
                    message.set(texts.get("face.phase.CAMERA_LOST"));
                    setPhase(Phase.CAMERA_LOST);
                });
            }
        } catch (RuntimeException e) {
            LOG.error("face capture loop crashed", e);
        } finally {
            camera.close();
        }
    }

    /** At most one analysis at a time; it takes the newest pending frame, older ones are simply dropped. */
    private void scheduleAnalysis() {
        // too soon after the last one: the frame stays pending and a later frame replaces it
        if (System.nanoTime() - lastAnalysisStart < MIN_ANALYSIS_GAP_NANOS || !analysing.compareAndSet(false, true)) {
            return;
        }
        try {
            analysis.execute(() -> {
                try {
                    PreviewFrame.Captured next;
                    if ((next = pendingAnalysis.getAndSet(null)) != null) {
                        lastAnalysisStart = System.nanoTime();
                        analyse(next);
                    }
                } catch (RuntimeException e) {
                    LOG.error("face analysis failed", e);
                } finally {
                    analysing.set(false);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            analysing.set(false);
        }
    }

    private void analyse(PreviewFrame.Captured captured) {
        Frame frame = captured.frame();
        FaceQuality q = gate.assess(frame);
        overlay.set(new PreviewFrame.Overlay(frame.sequence(), q.faces(), q.acceptable(), frame.width(), frame.height(),
                captured.grabbedNanos()));
        Runnable next = null;
        synchronized (attemptLock) {
            long gen = generation;
            if (q.acceptable() && (bestQuality == null || q.score() >= bestQuality.score())) {
                bestQuality = q;
                bestFrame = frame;
            }
            switch (stage) {
                case GUIDING -> {
                    goodStreak = q.acceptable() ? goodStreak + 1 : 0;
                    if (goodStreak >= settings.goodFramesNeeded()) {
                        if (settings.liveness()) {
                            LivenessCheck.Challenge c = LivenessCheck.Challenge.values()[random.nextInt(2)];
                            liveness = new LivenessCheck(c, settings.quality().maxAsymmetry());
                            liveness.observe(q);
                            stage = Stage.LIVENESS;
                            String key = c.promptKey();
                            next = () -> {
                                setPhase(Phase.LIVENESS);
                                guidance(key);
                            };
                        } else {
                            stage = Stage.HOLD;
                            next = () -> compare(gen);
                        }
                    } else {
                        String key = q.acceptable() ? "face.guide.OK" : q.mainIssue().guidanceKey();
                        next = () -> guidance(key);
                    }
                }
                case LIVENESS -> {
                    if (liveness.observe(q) && bestFrame != null) {
                        stage = Stage.HOLD;
                        next = () -> compare(gen);
                    } else {
                        // a blink or a turn makes the face briefly "not frontal" or lost: that is the point, keep the prompt
                        boolean distracting = q.mainIssue() != null && !LIVENESS_EXPECTED.contains(q.mainIssue());
                        String key = distracting ? q.mainIssue().guidanceKey() : liveness.challenge().promptKey();
                        next = () -> guidance(key);
                    }
                }
                case CAPTURE_ONLY -> {
                    String key = q.acceptable() ? "face.guide.OK" : q.mainIssue().guidanceKey();
                    next = () -> guidance(key);
                }
                default -> {
                    // IDLE or HOLD: keep the preview and the best frame, ask nothing
                }
            }
        }
        if (next != null) {
            ui.execute(next);
        }
    }

    // ---- compare (FX thread -> io -> FX thread) ------------------------------------------------------

    private void compare(long gen) {
        Frame frame;
        FaceQuality quality;
        byte[] photo;
        FaceBox photoFace;
        String source;
        synchronized (attemptLock) {
            if (gen != generation) {
                return;
            }
            frame = bestFrame;
            quality = bestQuality;
            photo = referencePhoto;
            photoFace = referenceFace;
            source = referenceSource;
            attempts++;
        }
        int attempt = attempts;
        setPhase(Phase.COMPARING);
        guidance("face.guide.OK");
        CompletableFuture.supplyAsync(() -> {
            byte[] jpeg = Frames.jpeg(frame);
            // the preview's boxes come from a coarse search; align the compare on a finer one
            List<FaceBox> precise = detector.facesPrecisely(frame);
            FaceBox liveFace = precise.isEmpty() ? quality.face() : precise.get(0);
            try {
                return new Object[] {comparer.compare(new FaceCompareRequest(jpeg, liveFace, photo, photoFace, source,
                        settings.matchThreshold())), jpeg};
            } catch (BackendException e) {
                throw new CompletionException(e);
            }
        }, io).whenCompleteAsync((answer, error) -> {
            synchronized (attemptLock) {
                if (gen != generation) {
                    return;
                }
            }
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                LOG.warn("face compare failed: {}", cause.getMessage());
                message.set(texts.get("face.phase.COMPARE_FAILED"));
                overrideAllowed.set(true);
                setPhase(Phase.COMPARE_FAILED);
                guidance("face.guide.WAIT");
                return;
            }
            FaceMatch match = (FaceMatch) answer[0];
            lastMatch.set(match);
            synchronized (attemptLock) {
                comparedJpeg = (byte[]) answer[1];
            }
            scoreText.set(texts.format("face.score", match.score(), match.threshold(), attempt, settings.maxAttempts()));
            if (match.match()) {
                finish(new FaceCheckOutcome(Decision.MATCH, match, attempt, null, null,
                        "automatic match by " + match.engine() + against(),
                        (byte[]) answer[1], clock.instant()));
            } else if (attempt < settings.maxAttempts()) {
                message.set(texts.format("face.retrying", attempt + 1, settings.maxAttempts()));
                synchronized (attemptLock) {
                    clearAttempt();
                    stage = Stage.GUIDING;
                }
                setPhase(Phase.GUIDING);
            } else {
                overrideAllowed.set(true);
                setPhase(Phase.NO_MATCH);
                // the clerk decides now: the citizen is asked to wait, not to hold still
                guidance("face.guide.WAIT");
            }
        }, ui);
    }

    private void finish(FaceCheckOutcome result) {
        stop();
        overrideAllowed.set(false);
        outcome.set(result);
        setPhase(result.decision() == Decision.MATCH ? Phase.MATCH : Phase.DONE);
        message.set(texts.get("face.decision." + result.decision()));
        for (Consumer<FaceCheckOutcome> l : outcomeListeners) {
            l.accept(result);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void clearAttempt() {
        goodStreak = 0;
        liveness = null;
        bestFrame = null;
        bestQuality = null;
    }

    private Frame latestFrameOrNull() {
        PreviewFrame.Captured c = newestFrame.get();
        return c == null ? null : c.frame();
    }

    private FaceBox faceInPhoto(byte[] photo) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
            if (image == null) {
                return null;
            }
            List<FaceBox> faces = detector.facesPrecisely(Frames.toFrame(image, 0, clock.instant()));
            return faces.isEmpty() ? null : faces.get(0);
        } catch (IOException e) {
            return null;
        }
    }

    private void setPhase(Phase p) {
        phase.set(p);
        phaseText.set(texts.get("face.phase." + p));
    }

    private void guidance(String key) {
        if (key == null) {
            guidanceKey.set("");
            guidanceZh.set("");
            guidanceEn.set("");
            return;
        }
        if (key.equals(guidanceKey.get())) {
            return;
        }
        guidanceKey.set(key);
        guidanceZh.set(chinese.get(key));
        guidanceEn.set(english.get(key));
    }

    // ---- properties ---------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }
    public ReadOnlyStringProperty phaseTextProperty() { return phaseText.getReadOnlyProperty(); }
    /** The guidance's message key (face.guide.* or face.live.*), for a citizen display with its own texts. */
    public ReadOnlyStringProperty guidanceKeyProperty() { return guidanceKey.getReadOnlyProperty(); }
    /** Guidance for the citizen in Chinese ("请靠近一点"). */
    /** Which photo the live face was held against, for the archived detail ("; reference: passport-chip"). */
    private String against() {
        String source = referenceSource;
        return source == null ? "" : "; reference: " + source;
    }

    public ReadOnlyStringProperty guidanceZhProperty() { return guidanceZh.getReadOnlyProperty(); }
    /** Guidance for the citizen in English. */
    public ReadOnlyStringProperty guidanceEnProperty() { return guidanceEn.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scoreTextProperty() { return scoreText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FaceMatch> lastMatchProperty() { return lastMatch.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty overrideAllowedProperty() { return overrideAllowed.getReadOnlyProperty(); }
    /** The final word, for the evidence package: set once per citizen. */
    public ReadOnlyObjectProperty<FaceCheckOutcome> outcomeProperty() { return outcome.getReadOnlyProperty(); }

    public FaceTexts texts() {
        return texts;
    }
}
