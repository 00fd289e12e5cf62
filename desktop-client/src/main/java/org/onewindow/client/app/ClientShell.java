package org.onewindow.client.app;

import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;
import org.onewindow.client.casework.CaseView;
import org.onewindow.client.casework.CaseViewModel;
import org.onewindow.client.casework.FinishFlow;
import org.onewindow.client.casework.RatingDialog;
import org.onewindow.client.citizen.CitizenDisplayMode;
import org.onewindow.client.citizen.CitizenDisplayView;
import org.onewindow.client.citizen.CitizenDisplayViewModel;
import org.onewindow.client.clerk.ClerkView;
import org.onewindow.client.queue.QueueView;
import org.onewindow.client.queue.QueueViewModel;
import org.onewindow.client.clerk.ClerkViewModel;
import org.onewindow.client.clerk.Notice;
import org.onewindow.client.signin.SignInView;
import org.onewindow.client.signin.SignInViewModel;
import org.onewindow.client.supervisor.SupervisorScreen;
import org.onewindow.core.backend.ClerkSession;

/**
 * Puts the screens of a running {@link Workstation} into a stage: sign-in, then the clerk's workspace.
 * Used by the application and by the UI tests alike.
 */
public final class ClientShell {
    private final Workstation workstation;
    private final I18n i18n;
    private final Stage stage;
    private final Scene scene;
    private ClerkViewModel clerk;
    private CaseViewModel serviceCase;
    private QueueViewModel queue;
    private CitizenDisplayViewModel citizen;
    private String clerkName = "";
    private Stage passportWindow;
    private Stage citizenStage;
    private javafx.animation.PauseTransition idle;
    private org.onewindow.devices.scan.ScanHub scans;
    private final org.onewindow.client.scan.ScanIndicatorViewModel scanIndicator =
            new org.onewindow.client.scan.ScanIndicatorViewModel(java.time.ZoneId.systemDefault(), "");
    private SupervisorScreen supervisor;

    public ClientShell(Workstation workstation, Stage stage) {
        this.workstation = workstation;
        this.i18n = workstation.i18n();
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // 1480x860 where it fits; a common 1366x768 counter PC gets the whole screen instead
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        boolean small = screen.getWidth() < 1480 || screen.getHeight() < 860;
        this.scene = new Scene(new javafx.scene.layout.StackPane(), Math.min(1480, screen.getWidth()),
                Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(
                ClientShell.class.getResource("/org/onewindow/client/onewindow.css")).toExternalForm());
        stage.setScene(scene);
        stage.setTitle(i18n.get("app.title"));
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(640, screen.getHeight()));
        if (small) {
            stage.setMaximized(true);
        }
    }

    public void showSignIn() {
        SignInViewModel vm = new SignInViewModel(workstation.backend(), workstation.io(), FxUiExecutor.INSTANCE, i18n,
                this::afterSignIn);
        if (workstation.settings().demo()) {
            vm.accountProperty().set("demo");
            vm.passwordProperty().set("demo");
        }
        show(new SignInView(vm, i18n, workstation.settings().demo()));
    }

    /** Supervisors get the hall dashboard (issue 9), with a button to the clerk workspace; clerks their workspace. */
    private void afterSignIn(ClerkSession session) {
        if (!session.has(ClerkSession.Role.SUPERVISOR)) {
            showClerk(session);
            return;
        }
        workstation.signedIn(session);
        supervisor = SupervisorScreen.open(workstation, session, this::show, () -> {
            supervisor.close();
            supervisor = null;
            showClerk(session);
        }, this::signOut, FxUiExecutor.INSTANCE);
    }

    private void showClerk(ClerkSession session) {
        workstation.signedIn(session);
        clerkName = session.displayName();
        clerk = workstation.clerkViewModel(FxUiExecutor.INSTANCE);
        clerk.addNoticeListener(this::toast);
        serviceCase = workstation.caseViewModel(FxUiExecutor.INSTANCE, clerk);
        queue = workstation.queueViewModel(FxUiExecutor.INSTANCE);
        ClientSettings s = workstation.settings();
        openCitizenDisplay(session);
        FinishFlow finish = new FinishFlow(serviceCase, clerk, i18n, workstation.clock(), stage, this::askRating);
        finish.setAfterFinish(() -> {
            queue.finish();
            if (citizen != null) {
                citizen.wipe();
            }
        });
        // a called ticket starts a new case; the citizen display shows who serves it
        queue.currentProperty().addListener((obs, before, ticket) -> {
            if (ticket != null && (before == null || before.id() != ticket.id())) {
                clerk.finish();
                serviceCase.startCase(ticket.number());
                if (citizen != null) {
                    citizen.showServing(ticket.number(), queue.windowNameProperty().get(), session.displayName());
                }
            }
        });
        clerk.addIdentityListener((card, result) -> {
            if (citizen != null) {
                showCitizenChecking(i18n.get("citizen.checkingIdentity"));
            }
        });
        queue.start();
        installIdleWipe(finish);
        startScanners();
        QueueView queueView = new QueueView(queue, QueueViewModel.bundle(s.locale()));
        queueView.setPrefWidth(300);
        queueView.setMinWidth(280);
        queueView.getStyleClass().add("card-box");
        CaseView casePanel = new CaseView(serviceCase, i18n);
        workstation.codeCamera().ifPresent(camera -> {
            org.onewindow.client.scan.CameraPreview preview = new org.onewindow.client.scan.CameraPreview();
            preview.setId("deskCameraPreview");
            preview.setPrefSize(240, 180);
            preview.setMaxSize(240, 180);
            camera.addFrameListener(preview.frameSink(FxUiExecutor.INSTANCE));
            casePanel.getChildren().add(casePanel.getChildren().size() - 1, preview);
        });
        ClerkView workspace = new ClerkView(clerk, i18n, session.displayName(), i18n.format("app.hallWindow", s.hall(), s.window()),
                this::signOut, workstation.demoDevices().orElse(null), queueView, scrolling(casePanel),
                finish::finish, this::openDiagnostics, new org.onewindow.client.scan.ScanIndicatorView(scanIndicator));
        javafx.scene.control.Button faceButton = new javafx.scene.control.Button(i18n.get("clerk.faceCheck"));
        faceButton.setId("faceCheck");
        faceButton.disableProperty().bind(clerk.cardProperty().isNull());
        faceButton.setOnAction(e -> openFaceCheck());
        workspace.addAction(faceButton);
        javafx.scene.control.Button docButton = new javafx.scene.control.Button(i18n.get("clerk.documentCamera"));
        docButton.setId("documentCamera");
        docButton.setOnAction(e -> openDocumentCamera());
        workspace.addAction(docButton);
        javafx.scene.control.Button passportButton = new javafx.scene.control.Button(i18n.get("clerk.passport"));
        passportButton.setId("passport");
        passportButton.setOnAction(e -> openPassport());
        workspace.addAction(passportButton);
        show(workspace);
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F10),
                this::openFaceCheck);
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F11),
                this::openDocumentCamera);
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.P,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), this::openPassport);
    }

    /**
     * F11: the document camera (高拍仪) in its own window. The camera is opened on the first capture (off the FX
     * thread) and closed when the window closes; pages added go to the case open when the window was opened.
     */
    private void openDocumentCamera() {
        prepareThen(workstation::documentCamera, this::showDocumentCamera, "doc.unavailable");
    }

    private void showDocumentCamera(org.onewindow.core.device.Camera camera) {
        org.onewindow.devices.document.DocumentCapture capture = new org.onewindow.devices.document.DocumentCapture(camera);
        java.util.concurrent.atomic.AtomicBoolean opened = new java.util.concurrent.atomic.AtomicBoolean();
        CaseViewModel forCase = serviceCase;
        org.onewindow.client.provisioning.Resolution size = workstation.documentCameraSize();
        org.onewindow.client.document.DocumentCaptureViewModel vm = new org.onewindow.client.document.DocumentCaptureViewModel(
                () -> {
                    synchronized (opened) {
                        if (!opened.get()) {
                            camera.open(size.width(), size.height());
                            opened.set(true);
                        }
                        return capture.capture();
                    }
                }, forCase::addScannedPages, workstation.io(), FxUiExecutor.INSTANCE);
        Stage window = new Stage();
        window.initOwner(stage);
        window.setTitle(i18n.get("doc.title"));
        window.setScene(new Scene(new org.onewindow.client.document.DocumentCaptureView(vm, i18n,
                forCase.openScannedPageTypes()), 520, 640));
        window.setOnHidden(e -> workstation.io().execute(() -> {
            synchronized (opened) {
                camera.close();
            }
        }));
        window.show();
    }

    /**
     * Ctrl+P: a passport chip (ICAO 9303) in its own window. The MRZ line opens the chip (BAC); a read that
     * passes passive authentication is archived with the case open when the window was opened.
     */
    private void openPassport() {
        prepareThen(() -> workstation.passportReader().orElseThrow(() -> new org.onewindow.core.device.DeviceException(
                org.onewindow.core.device.DeviceException.Kind.NOT_CONNECTED, "no passport reader configured")),
                this::showPassport, "passport.unavailable");
    }

    private void showPassport(org.onewindow.core.device.PassportReader reader) {
        String caseId = serviceCase.caseId();
        org.onewindow.client.passport.PassportViewModel vm = new org.onewindow.client.passport.PassportViewModel(
                reader, org.onewindow.devices.passport.MrzLine2::parse,
                data -> workstation.io().execute(() -> {
                    try {
                        workstation.counterService().archivePassport(caseId, data);
                    } catch (org.onewindow.core.evidence.EvidenceStoreException ex) {
                        FxUiExecutor.INSTANCE.execute(() -> toast(new org.onewindow.client.clerk.Notice(
                                org.onewindow.client.clerk.Notice.Level.ERROR, i18n.get(ex.messageKey()))));
                    }
                }), workstation.io(), FxUiExecutor.INSTANCE, i18n);
        String hint = reader instanceof org.onewindow.devices.passport.sim.SimulatedPassportReader simulated
                && simulated.mrzLine2OnReader() != null
                ? i18n.format("passport.demoHint", simulated.mrzLine2OnReader()) : null;
        Stage window = new Stage();
        window.initOwner(stage);
        window.setTitle(i18n.get("passport.title"));
        window.setScene(new Scene(new org.onewindow.client.passport.PassportView(vm, i18n, hint,
                this::openFaceCheck), 720, 440));
        window.setOnHidden(e -> vm.clear());
        passportWindow = window;
        window.show();
    }

    /** The open passport window, if any (tests). */
    public Stage passportWindow() {
        return passportWindow;
    }

    /**
     * Keyboard-wedge scanners are heard anywhere in the clerk window (their keystrokes never reach the
     * focused field); every scan, after de-duplication and the stuck-trigger limit, is verified in the case.
     */
    private void startScanners() {
        scanIndicator.reset();
        scans = new org.onewindow.devices.scan.ScanHub(org.onewindow.devices.scan.ScanHygiene::withDefaults);
        if (workstation.keyboardWedge()) {
            scans.add(new org.onewindow.client.scan.KeyboardWedgeScanner(scene,
                    org.onewindow.devices.scan.wedge.WedgeSettings.defaults()));
        }
        workstation.serialScanner().ifPresent(scans::add);
        workstation.codeCamera().ifPresent(scans::add);
        scans.subscribe(scanIndicator.subscriber(FxUiExecutor.INSTANCE));
        scans.subscribe(event -> FxUiExecutor.INSTANCE.execute(() -> serviceCase.onScan(
                new org.onewindow.core.verify.CredentialPresentation(event.payload(), event.text(), event.source(),
                        event.at()))));
        scans.start().forEach((name, error) -> toast(new org.onewindow.client.clerk.Notice(
                org.onewindow.client.clerk.Notice.Level.WARNING, i18n.get(error.kind().messageKey()) + " (" + name + ")")));
    }

    /**
     * F10: the person-ID check (人证核验) for the card on the desk, in its own window: live preview, quality
     * guidance, compare with the ID photo, override only with a reason. The outcome is archived in the case.
     */
    private void openFaceCheck() {
        org.onewindow.core.identity.IdCard card = clerk == null ? null : clerk.cardProperty().get();
        if (card == null) {
            toast(new org.onewindow.client.clerk.Notice(org.onewindow.client.clerk.Notice.Level.WARNING,
                    i18n.get("case.needIdentity")));
            return;
        }
        prepareThen(() -> java.util.Map.entry(workstation.faceCheck(FxUiExecutor.INSTANCE, card),
                        java.util.Optional.ofNullable(workstation.referencePhoto(card))),
                ready -> showFaceCheck(ready.getKey(), ready.getValue().orElse(null), "id-card"), "face.unavailable");
    }

    /** The person-ID check against a passport chip's face (from the passport window). */
    private void openFaceCheck(org.onewindow.core.device.PassportData passport) {
        // a JPEG 2000 face cannot be decoded here: the check becomes a manual review
        byte[] photo = "image/jpeg".equals(passport.faceMimeType()) ? passport.faceImage() : null;
        prepareThen(() -> workstation.faceCheck(FxUiExecutor.INSTANCE, passport),
                face -> showFaceCheck(face, photo, "passport-chip"), "face.unavailable");
    }

    /**
     * Opening a device is I/O (listing cameras, loading OpenCV, reading a CSCA file, rendering the demo's
     * clips): it runs on the I/O pool, and the window opens on the FX thread when it is ready. A device that
     * cannot be had is a toast ({@code unavailableKey}) and a log line, never a stuck window.
     */
    private <T> void prepareThen(java.util.concurrent.Callable<T> prepare, java.util.function.Consumer<T> show,
                                 String unavailableKey) {
        workstation.io().execute(() -> {
            T ready;
            try {
                ready = prepare.call();
            } catch (Exception | LinkageError e) {
                org.slf4j.LoggerFactory.getLogger(ClientShell.class).warn("{}: {}", unavailableKey, e.getMessage());
                FxUiExecutor.INSTANCE.execute(() -> toast(new org.onewindow.client.clerk.Notice(
                        org.onewindow.client.clerk.Notice.Level.ERROR, i18n.get(unavailableKey))));
                return;
            }
            FxUiExecutor.INSTANCE.execute(() -> show.accept(ready));
        });
    }

    private void showFaceCheck(org.onewindow.client.face.FaceCheckViewModel face, byte[] referencePhoto, String source) {
        String caseId = serviceCase.caseId();
        Stage window = new Stage();
        window.initOwner(stage);
        window.setTitle(i18n.get("face.title"));
        window.setScene(new Scene(new org.onewindow.client.face.FaceCheckPanel(face,
                workstation.provisioning().isPresent() ? "clerk" : "demo"), 760, 720));
        window.setOnHidden(e -> face.close());
        face.addOutcomeListener(outcome -> java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                workstation.counterService().archiveFaceCheck(caseId, outcome);
            } catch (org.onewindow.core.evidence.EvidenceStoreException ex) {
                FxUiExecutor.INSTANCE.execute(() -> toast(new org.onewindow.client.clerk.Notice(
                        org.onewindow.client.clerk.Notice.Level.ERROR, i18n.get(ex.messageKey()))));
            }
        }, workstation.io()));
        if (citizen != null) {
            face.guidanceZhProperty().addListener((obs, was, now) -> showCitizenChecking(now));
        }
        window.show();
        face.start(referencePhoto, source);
    }

    /** Device diagnostics for IT, in its own window; the probes run off the FX thread. */
    private void openDiagnostics() {
        var vm = new org.onewindow.client.diag.DiagnosticsViewModel(
                () -> org.onewindow.client.diag.WorkstationDiagnostics.forWorkstation(workstation,
                        workstation.provisioning(), java.time.Duration.ZERO),
                workstation.io(), FxUiExecutor.INSTANCE);
        Stage diag = new Stage();
        diag.initOwner(stage);
        diag.setTitle(i18n.get("clerk.diagnostics"));
        diag.setScene(new Scene(new org.onewindow.client.diag.DiagnosticsView(vm).root(), 900, 600));
        diag.show();
        vm.run();
    }

    /**
     * Privacy: when nobody has touched the clerk's keyboard or mouse for a while, the citizen's data
     * leaves the screen (the case stays open if it has no citizen yet). Default 5 minutes;
     * {@code -Donewindow.idleWipeSeconds=N} changes it.
     */
    private void installIdleWipe(FinishFlow finish) {
        if (idle != null) {
            idle.stop();
        }
        long seconds = Long.getLong("onewindow.idleWipeSeconds", 300);
        idle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(seconds));
        idle.setOnFinished(e -> {
            if (clerk != null && clerk.cardProperty().get() != null) {
                clerk.finish();
                serviceCase.startCase(null);
                if (citizen != null) {
                    citizen.wipe();
                }
            }
        });
        scene.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> idle.playFromStart());
        clerk.cardProperty().addListener((obs, was, now) -> idle.playFromStart());
        idle.playFromStart();
    }

    /** The case panel grows with credentials, previews and pages: it scrolls, the action bar stays in view. */
    private static javafx.scene.control.ScrollPane scrolling(javafx.scene.Node panel) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /**
     * The citizen-facing screen: full screen on a second monitor; with one screen only when IT (or the embedded
     * demo) asks for a window ({@link CitizenDisplayMode}), else the rating is taken in a dialog.
     */
    private void openCitizenDisplay(ClerkSession session) {
        CitizenDisplayMode mode = CitizenDisplayMode.resolve(System.getProperty(CitizenDisplayMode.PROPERTY),
                workstation.provisioning().map(org.onewindow.client.provisioning.Provisioning::citizenDisplay)
                        .orElse(CitizenDisplayMode.AUTO));
        if (!mode.opens(javafx.stage.Screen.getScreens().size())) {
            return;
        }
        citizen = new CitizenDisplayViewModel(FxUiExecutor.INSTANCE, workstation.clock());
        citizenStage = CitizenDisplayView.open(citizen, CitizenDisplayViewModel.bundle(workstation.settings().locale()),
                javafx.stage.Screen.getPrimary());
        // the keyboard belongs to the clerk: a touch on the citizen's screen must not take the F-keys away
        citizenStage.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                javafx.application.Platform.runLater(stage::requestFocus);
            }
        });
        stage.requestFocus();
    }

    /**
     * Tells the citizen what is being checked. A citizen served without a called ticket (a walk-in, or the
     * demo) would still see the welcome page: the display first switches to "serving at this window".
     */
    private void showCitizenChecking(String text) {
        if (citizen == null) {
            return;
        }
        if (citizen.phaseProperty().get() == CitizenDisplayViewModel.Phase.IDLE && queue != null) {
            org.onewindow.core.queue.Ticket current = queue.currentProperty().get();
            citizen.showServing(current == null ? "" : current.number(), queue.windowNameProperty().get(),
                    clerkName);
        }
        citizen.showChecking(text);
    }

    private java.util.concurrent.CompletionStage<java.util.Optional<org.onewindow.core.rating.ServiceRating>> askRating(
            javafx.stage.Window owner) {
        if (citizen != null) {
            return citizen.askForRating();
        }
        return java.util.concurrent.CompletableFuture.completedFuture(RatingDialog.ask(owner, i18n, workstation.clock()));
    }

    private void signOut() {
        if (supervisor != null) {
            supervisor.close();
            supervisor = null;
        }
        if (clerk != null) {
            clerk.finish();
        }
        if (queue != null) {
            queue.close();
            queue = null;
        }
        if (citizenStage != null) {
            citizenStage.close();
            citizenStage = null;
            citizen = null;
        }
        if (idle != null) {
            idle.stop();
        }
        if (scans != null) {
            scans.close();
            scans = null;
        }
        workstation.signedOut();
        clerk = null;
        showSignIn();
    }

    public ClerkViewModel clerk() {
        return clerk;
    }

    public CaseViewModel serviceCase() {
        return serviceCase;
    }

    public QueueViewModel queue() {
        return queue;
    }

    public CitizenDisplayViewModel citizenDisplay() {
        return citizen;
    }

    /** The supervisor dashboard on screen, or null. */
    public SupervisorScreen supervisor() {
        return supervisor;
    }

    private void show(Parent root) {
        scene.setRoot(root);
    }

    private void toast(Notice n) {
        if (!stage.isShowing() || Boolean.getBoolean("onewindow.noToasts")) {
            return;
        }
        Notifications note = Notifications.create().owner(stage).title(i18n.get("app.title")).text(n.text())
                .hideAfter(javafx.util.Duration.seconds(4));
        switch (n.level()) {
            case SUCCESS, INFO -> note.showInformation();
            case WARNING -> note.showWarning();
            case ERROR -> note.showError();
        }
    }
}
