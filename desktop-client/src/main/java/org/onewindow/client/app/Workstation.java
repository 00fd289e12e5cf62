package org.onewindow.client.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.onewindow.cache.crypto.WorkstationKeys;
import org.onewindow.cache.outbox.SqliteEvidenceStore;
import org.onewindow.cache.sync.SyncEngine;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import org.onewindow.client.casework.CaseViewModel;
import org.onewindow.client.bridge.BridgeWiring;
import org.onewindow.client.bridge.LocalBridge;
import org.onewindow.client.clerk.ClerkViewModel;
import org.onewindow.devices.camera.VirtualCamera;
import org.onewindow.devices.scan.Scanners;
import org.onewindow.devices.scan.camera.CameraCodeScanner;
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.demo.DemoCredentials;
import org.onewindow.client.face.FaceCheckSettings;
import org.onewindow.client.face.FaceCheckViewModel;
import org.onewindow.client.face.FaceTexts;
import org.onewindow.devices.camera.CameraSettings;
import org.onewindow.devices.camera.Cameras;
import org.onewindow.devices.camera.DemoFaceCamera;
import org.onewindow.devices.face.OpenCvFaceDetector;
import org.onewindow.verification.backend.HttpFaceComparer;
import org.onewindow.client.diag.ConfiguredDevices;
import org.onewindow.client.provisioning.Provisioning;
import org.onewindow.client.queue.QueueViewModel;
import org.onewindow.verification.backend.queue.HttpQueueService;
import org.onewindow.cache.catalogue.CachingCatalogue;
import org.onewindow.verification.backend.queue.HttpCatalogue;
import org.onewindow.verification.chain.ChainConfig;
import org.onewindow.verification.chain.VerifierChain;
import org.onewindow.verification.chain.VerifierChains;
import org.onewindow.verification.datashare.DataShareClient;
import org.onewindow.verification.trust.TrustListUpdater;
import org.onewindow.verification.trust.TrustStore;
import org.onewindow.client.clerk.DemoDevices;
import org.onewindow.client.service.CounterIdentity;
import org.onewindow.client.service.CounterService;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.backend.ClerkSession;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.IdReader;
import org.onewindow.core.device.IdReaderListener;
import org.onewindow.core.evidence.EvidenceStoreException;
import org.onewindow.core.identity.IdCard;
import org.onewindow.devices.idcard.CardPresenceWatcher;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatedIdReaders;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.card.IdCardVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: wires the ports to their implementations for one counter workstation and owns
 * their lifecycle. With no back-end configured it starts the sandbox back-end in-process on a free
 * loopback port and a simulated ID-card reader: the embedded default of the demo. Free of JavaFX controls
 * so the UI tests and the self-test can use it too.
 */
public final class Workstation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workstation.class);

    private final ClientSettings settings;
    private final I18n i18n;
    private final Clock clock;
    private final SandboxBackend sandbox;
    private final HttpHallServices backend;
    private final SqliteEvidenceStore store;
    private final SyncEngine sync;
    private final IdReader reader;
    private final SimulatedCardSlot demoSlot;
    private final ExecutorService io;
    private final ScheduledExecutorService scheduler;
    private final AtomicReference<ClerkSession> session = new AtomicReference<>();
    private final AtomicReference<ClerkViewModel> clerk = new AtomicReference<>();
    private final TrustAnchors.Opened trustAnchors;
    private final TrustStore trust;
    private final VerifierChain credentials;
    private final CachingCatalogue catalogue;
    private CardPresenceWatcher watcher;
    private org.onewindow.sandbox.sim.HallDaySimulator hallSimulator;
    private VirtualCamera demoDeskCamera;
    private CameraCodeScanner codeCamera;
    private DemoCredentials demoCredentials;
    private OpenCvFaceDetector faceDetector;
    private Optional<Provisioning> provisioning = Optional.empty();
    private Optional<org.onewindow.core.device.PassportReader> passportReader;
    private Optional<LocalBridge> bridge = Optional.empty();

    private Workstation(ClientSettings settings, I18n i18n, Clock clock, SandboxBackend sandbox,
                        HttpHallServices backend, SqliteEvidenceStore store, SyncEngine sync, IdReader reader,
                        SimulatedCardSlot demoSlot) {
        this.settings = settings;
        this.i18n = i18n;
        this.clock = clock;
        this.sandbox = sandbox;
        this.backend = backend;
        this.store = store;
        this.sync = sync;
        this.reader = reader;
        this.demoSlot = demoSlot;
        AtomicInteger n = new AtomicInteger();
        this.io = Executors.newFixedThreadPool(4, r -> daemon(r, "io-" + n.incrementAndGet()));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "workstation-timer"));
        try {
            this.trustAnchors = TrustAnchors.open(settings.dataDir().resolve("trust"), backend);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.trust = trustAnchors.store();
        this.credentials = VerifierChains.create(ChainConfig.online(clock, trust, backend));
        try {
            this.catalogue = new CachingCatalogue(new HttpCatalogue(backend),
                    settings.dataDir().resolve("cache").resolve("catalogue.db"), clock);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Opens everything this workstation needs. Blocking I/O: never on the FX thread. */
    public static Workstation start(ClientSettings settings, I18n i18n)
            throws IOException, EvidenceStoreException, java.security.GeneralSecurityException {
        return start(settings, i18n, Optional.empty());
    }

    /** With a provisioning file: its devices (ID reader port) and its local bridge settings. */
    public static Workstation start(ClientSettings settings, I18n i18n, Optional<Provisioning> provisioning)
            throws IOException, EvidenceStoreException, java.security.GeneralSecurityException {
        Clock clock = Clock.systemUTC();
        Path data = settings.dataDir();
        SandboxBackend sandbox = null;
        java.net.URI base = settings.backendUri();
        if (settings.embeddedBackend()) {
            sandbox = SandboxBackend.start(data.resolve("sandbox"), 0, clock);
            base = sandbox.baseUri();
        }
        HttpHallServices backend = new HttpHallServices(BackendConfig.of(base, settings.workstation()));
        WorkstationKeys keys = WorkstationKeys.openInFolder(data.resolve("keys"), settings.workstation());
        SqliteEvidenceStore store = SqliteEvidenceStore.open(data.resolve("outbox"), keys, clock, storeOptions(provisioning));
        SyncEngine sync = SyncEngine.builder(store, backend.archive()).clock(clock).build();
        SimulatedCardSlot slot = new SimulatedCardSlot();
        IdReader reader = ConfiguredDevices.idReader(provisioning, slot).orElseGet(NoIdReader::new);
        Workstation ws = new Workstation(settings, i18n, clock, sandbox, backend, store, sync, reader, slot);
        ws.provisioning = provisioning;
        if (sandbox != null && settings.demo()) {
            // the embedded demo's hall comes alive: citizens arrive and other windows serve them
            ws.hallSimulator = org.onewindow.sandbox.sim.HallDaySimulator.startLive(sandbox.baseUri());
        }
        if (settings.demo()) {
            ws.demoDeskCamera = new VirtualCamera("demo desk camera", List.of(DeskImages.empty()), 10, clock);
            ws.codeCamera = Scanners.camera(ws.demoDeskCamera, DeskImages.WIDTH, DeskImages.HEIGHT);
        }
        ws.bridge = BridgeWiring.startIfEnabled(provisioning, clock);
        // one store listener for the workstation's lifetime, forwarding to whoever is signed in now
        store.addListener(pkg -> {
            ClerkViewModel vm = ws.clerk.get();
            if (vm != null) {
                FxUiExecutor.INSTANCE.execute(() -> vm.onPackageChanged(pkg));
            }
        });
        sync.start();
        ws.scheduler.scheduleWithFixedDelay(ws::checkBackend, 0, 10, TimeUnit.SECONDS);
        ws.scheduler.scheduleWithFixedDelay(ws::refreshTrustList, 0, 1, TimeUnit.HOURS);
        LOG.info("workstation {} started (back-end {}, embedded sandbox: {})", settings.workstation(), base,
                sandbox != null);
        return ws;
    }

    /** Retention after the archive's receipt and the cipher of new packages, as IT configured them. */
    static org.onewindow.cache.outbox.StoreOptions storeOptions(Optional<Provisioning> provisioning) {
        org.onewindow.cache.outbox.StoreOptions options = org.onewindow.cache.outbox.StoreOptions.DEFAULTS;
        if (provisioning.isPresent()) {
            options = options.withRetention(Duration.ofDays(provisioning.get().retentionDays()))
                    .withCipherSuite(provisioning.get().archiveCipher());
        }
        return options;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The clerk signed in: remember the session and start watching the reader. */
    public void signedIn(ClerkSession s) {
        session.set(s);
    }

    public void signedOut() {
        session.set(null);
        stopWatching();
        clerk.set(null);
    }

    /** A view model for the clerk's identity panel, fed by the card watcher. */
    public ClerkViewModel clerkViewModel(java.util.concurrent.Executor ui) {
        ClerkSession s = session.get();
        CounterService counter = new CounterService(new IdCardVerifier(backend, clock), store, clock,
                new CounterIdentity(settings.hall(), settings.window(), settings.workstation()),
                () -> s == null ? null : s.account());
        ClerkViewModel vm = new ClerkViewModel(reader, counter, store, io, ui, i18n, clock);
        // the web bridge forgets the card as soon as the desk is wiped
        vm.cardProperty().addListener((obs, was, now) -> {
            if (now == null) {
                bridge.ifPresent(LocalBridge::clear);
            }
        });
        clerk.set(vm);
        startWatching(ui);
        return vm;
    }

    private void startWatching(java.util.concurrent.Executor ui) {
        stopWatching();
        watcher = new CardPresenceWatcher(reader, new IdReaderListener() {
            @Override
            public void cardRead(IdCard card) {
                bridge.ifPresent(b -> b.publishCard(card));
                ClerkViewModel vm = clerk.get();
                if (vm != null) {
                    ui.execute(() -> vm.onCardRead(card));
                }
            }

            @Override
            public void readFailed(DeviceException error) {
                ClerkViewModel vm = clerk.get();
                if (vm != null) {
                    ui.execute(() -> vm.onReadFailed(error));
                }
            }
        }, Duration.ofMillis(250));
        watcher.start();
    }

    private void stopWatching() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    /**
     * Downloads the signed trust list so offline formats verify without the network. The signer's
     * certificate is fetched from the back-end here; a provisioned deployment pins it instead.
     */
    private void refreshTrustList() {
        if (trustAnchors.signer().isEmpty()) {
            return; // nothing to check a downloaded list against
        }
        try {
            X509Certificate signer = trustAnchors.signer().get();
            new TrustListUpdater(backend, signer.getPublicKey(), trust.cache()).update();
            LOG.info("trust list refreshed");
        } catch (Exception e) {
            LOG.warn("trust list not refreshed (cached one stays in use): {}", e.getMessage());
        }
    }

    /**
     * A person-ID check for the card on the desk, with the face camera IT configured. A simulated camera (the
     * embedded demo's) plays the card's holder, and its reference is the holder's rendered ID photo (the
     * simulator's stand-in WLT block carries no real face); a real camera is compared with the photo decoded
     * from the card. NOT_CONNECTED when no face camera is configured.
     */
    public FaceCheckViewModel faceCheck(java.util.concurrent.Executor ui, IdCard card) throws DeviceException {
        return faceCheck(ui, () -> DemoFaceCamera.cameraFor(card, clock));
    }

    /**
     * A person-ID check against a passport chip's face (DG2). The simulated camera plays the synthetic
     * passport's holder.
     */
    public FaceCheckViewModel faceCheck(java.util.concurrent.Executor ui, org.onewindow.core.device.PassportData passport)
            throws DeviceException {
        String who = org.onewindow.devices.passport.sim.SyntheticPassport.faceKey(passport.primaryIdentifier(),
                passport.secondaryIdentifier(), passport.documentNumber());
        return faceCheck(ui, () -> new VirtualCamera("demo face camera", DemoFaceCamera.clipOf(who), 25, clock));
    }

    private FaceCheckViewModel faceCheck(java.util.concurrent.Executor ui,
                                         java.util.function.Supplier<org.onewindow.core.device.Camera> simulated)
            throws DeviceException {
        org.onewindow.client.provisioning.DeviceSetting setting = ConfiguredDevices.faceCamera(provisioning);
        org.onewindow.core.device.Camera camera = switch (setting.kind()) {
            case SIMULATED -> simulated.get();
            case SYSTEM -> Cameras.create(ConfiguredDevices.systemCamera(setting,
                    ConfiguredDevices.faceResolution(provisioning), provisioning), clock);
            default -> throw new DeviceException(DeviceException.Kind.NOT_CONNECTED,
                    "no face camera configured (device.faceCamera)");
        };
        return new FaceCheckViewModel(camera, faceDetector(), new HttpFaceComparer(backend), faceCheckSettings(provisioning),
                io, ui, new FaceTexts(settings.locale()), clock);
    }

    /** The face check's capture size and rules from the provisioning file (the defaults without one). */
    static FaceCheckSettings faceCheckSettings(Optional<Provisioning> provisioning) {
        FaceCheckSettings d = FaceCheckSettings.defaults();
        if (provisioning.isEmpty()) {
            return d;
        }
        Provisioning p = provisioning.get();
        org.onewindow.client.provisioning.Resolution size = p.cameras().faceResolution();
        return new FaceCheckSettings(size.width(), size.height(), d.quality(), p.face().matchThreshold(),
                p.face().attempts(), d.goodFramesNeeded(), p.face().liveness(), d.minReasonLength());
    }

    /**
     * The document camera (高拍仪) IT configured, not yet opened (open it at {@link #documentCameraSize()}). The
     * simulated one shows a generated page on a desk. NOT_CONNECTED when none is configured.
     */
    public org.onewindow.core.device.Camera documentCamera() throws DeviceException {
        org.onewindow.client.provisioning.DeviceSetting setting = ConfiguredDevices.documentCamera(provisioning);
        return switch (setting.kind()) {
            case SIMULATED -> new VirtualCamera("demo document camera",
                    List.of(org.onewindow.devices.document.DemoPages.pageOnDesk(1280, 960, 8)), 10, clock);
            case SYSTEM -> Cameras.create(ConfiguredDevices.systemCamera(setting, documentCameraSize(), provisioning), clock);
            default -> throw new DeviceException(DeviceException.Kind.NOT_CONNECTED,
                    "no document camera configured (device.documentCamera)");
        };
    }

    /** The capture size of the document camera. */
    public org.onewindow.client.provisioning.Resolution documentCameraSize() {
        return ConfiguredDevices.documentResolution(provisioning);
    }

    /** The ID photo the face check compares against (see {@link #faceCheck}). */
    public byte[] referencePhoto(IdCard card) {
        return ConfiguredDevices.faceCamera(provisioning).kind() == org.onewindow.client.provisioning.DeviceSetting.Kind.SIMULATED
                ? DemoFaceCamera.idPhotoPng(card.idNumber()) : card.photoImage();
    }

    /**
     * The passport chip reader IT configured (the simulated one with the demo passport in the embedded demo),
     * opened once; empty for {@code none} or when its CSCA file cannot be read (logged).
     */
    public synchronized Optional<org.onewindow.core.device.PassportReader> passportReader() {
        if (passportReader == null) {
            try {
                passportReader = ConfiguredDevices.passportReader(provisioning);
            } catch (IOException | java.security.GeneralSecurityException e) {
                LOG.warn("passport reader not available: CSCA file unreadable: {}", e.getMessage());
                passportReader = Optional.empty();
            }
        }
        return passportReader;
    }

    /** A serial code scanner when IT configured one; ClientShell adds it to the clerk window's scan hub. */
    public Optional<org.onewindow.core.device.CodeScanner> serialScanner() {
        return ConfiguredDevices.serialScanner(provisioning);
    }

    /** Whether the clerk window listens for a keyboard-wedge scanner. */
    public boolean keyboardWedge() {
        return ConfiguredDevices.keyboardWedge(provisioning);
    }

    private synchronized OpenCvFaceDetector faceDetector() {
        if (faceDetector == null) {
            faceDetector = OpenCvFaceDetector.create(null); // loads OpenCV once, on first use
        }
        return faceDetector;
    }

    /** The queue panel of this counter window; call {@code start()} to subscribe to the push channel. */
    public QueueViewModel queueViewModel(java.util.concurrent.Executor ui) {
        return new QueueViewModel(new HttpQueueService(backend), settings.window(), io, ui, clock,
                QueueViewModel.bundle(settings.locale()));
    }

    /** A view model for the service case, fed by the identity panel. */
    public CaseViewModel caseViewModel(java.util.concurrent.Executor ui, ClerkViewModel identity) {
        ClerkSession s = session.get();
        CounterService counter = new CounterService(new IdCardVerifier(backend, clock), store, clock,
                new CounterIdentity(settings.hall(), settings.window(), settings.workstation()),
                () -> s == null ? null : s.account());
        PublicKey receiptKey = sandbox == null ? null : sandbox.receiptKey();
        CaseViewModel vm = new CaseViewModel(catalogue, backend, credentials,
                new DataShareClient(backend, receiptKey), counter, io, ui, i18n, clock);
        identity.useCaseIds(vm::caseId);
        identity.addIdentityListener(vm::onIdentity);
        vm.loadCatalogue(null);
        return vm;
    }

    private void checkBackend() {
        boolean up;
        try {
            up = backend.health().isUp();
        } catch (BackendException e) {
            up = false;
        }
        ClerkViewModel vm = clerk.get();
        if (vm != null) {
            boolean online = up;
            FxUiExecutor.INSTANCE.execute(() -> vm.setBackendOnline(online));
        }
        if (up) {
            sync.syncSoon();
        }
    }

    /**
     * The desk camera as a code scanner: only in the demo, a virtual camera that the demo bar holds codes up
     * to. On a counter PC the document camera belongs to the F11 capture window and codes come from the
     * scanner (docs/scanners.md).
     */
    public Optional<CameraCodeScanner> codeCamera() {
        return Optional.ofNullable(codeCamera);
    }

    private synchronized void showDemoCode(IdCard holder) {
        try {
            if (demoCredentials == null) {
                // demo issuers are registered with the sandbox once; the trust list is refreshed to include them
                demoCredentials = DemoCredentials.registerWith(backend, clock);
                refreshTrustList();
            }
            int statusIndex = DemoCitizens.all().indexOf(holder) + 1; // index 3 is revoked in the sandbox's list
            String payload = demoCredentials.offlineElicense(holder, CoseAlgorithm.ES256, "elicense-1", statusIndex);
            demoDeskCamera.play(List.of(DeskImages.holdingUp(payload)));
            // the citizen lowers the phone after a few seconds
            scheduler.schedule(() -> demoDeskCamera.play(List.of(DeskImages.empty())), 4, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("demo code not shown: {}", e.getMessage());
        }
    }

    public Optional<Provisioning> provisioning() {
        return provisioning;
    }

    public Optional<DemoDevices> demoDevices() {
        if (!settings.demo() || demoSlot == null) {
            return Optional.empty();
        }
        return Optional.of(new DemoDevices() {
            @Override
            public List<IdCard> cards() {
                return DemoCitizens.all();
            }

            @Override
            public void present(IdCard card) {
                demoSlot.present(card);
            }

            @Override
            public void remove() {
                demoSlot.remove();
            }

            @Override
            public void showCode(IdCard holder) {
                io.execute(() -> showDemoCode(holder));
            }
        });
    }

    public ClientSettings settings() { return settings; }
    public I18n i18n() { return i18n; }
    public HttpHallServices backend() { return backend; }
    public SqliteEvidenceStore store() { return store; }
    public SyncEngine sync() { return sync; }
    public IdReader reader() { return reader; }
    public java.util.concurrent.Executor io() { return io; }
    public Optional<SandboxBackend> sandbox() { return Optional.ofNullable(sandbox); }
    public Clock clock() { return clock; }
    public VerifierChain credentials() { return credentials; }
    public TrustStore trust() { return trust; }
    public CounterService counterService() {
        ClerkSession s = session.get();
        return new CounterService(new IdCardVerifier(backend, clock), store, clock,
                new CounterIdentity(settings.hall(), settings.window(), settings.workstation()),
                () -> s == null ? null : s.account());
    }

    @Override
    public void close() {
        stopWatching();
        if (hallSimulator != null) {
            hallSimulator.close();
        }
        bridge.ifPresent(LocalBridge::close);
        trustAnchors.data().close();
        scheduler.shutdownNow();
        io.shutdownNow();
        sync.close();
        reader.close();
        store.close();
        backend.close();
        if (sandbox != null) {
            sandbox.close();
        }
        LOG.info("workstation closed");
    }
}
