package org.onewindow.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.onewindow.sandbox.features.ArchiveFeature;
import org.onewindow.sandbox.features.AuthFeature;
import org.onewindow.sandbox.features.HealthFeature;
import org.onewindow.sandbox.features.IdentityFeature;
import org.onewindow.sandbox.http.FaultRule;
import org.onewindow.sandbox.http.RecordedExchange;
import org.onewindow.sandbox.http.Router;
import org.onewindow.sandbox.store.SandboxDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference back-end: the OpenAPI contract (docs/api/onewindow-backend.yaml) over real HTTP on
 * loopback, persistent in {@code <dataDir>/sandbox.db}. Started in-process by the demo and the tests, or on
 * its own with {@link #main}.
 */
public final class SandboxBackend implements AutoCloseable {
    /**
     * This build's version (what `/health` reports and the update manifest publishes as the latest, so a
     * client of the same build is up to date).
     */
    public static final String VERSION = buildVersion();
    private static final Logger LOG = LoggerFactory.getLogger(SandboxBackend.class);

    private static String buildVersion() {
        try (java.io.InputStream in = SandboxBackend.class.getResourceAsStream("version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "");
            return v.isBlank() || v.startsWith("${") ? "0.0.0-dev" : v;
        } catch (java.io.IOException e) {
            return "0.0.0-dev";
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxDatabase db;
    private final Router router;
    private final ArchiveFeature archive;
    private final SandboxContext context;

    private SandboxBackend(HttpServer server, ExecutorService executor, SandboxDatabase db, Router router,
                           ArchiveFeature archive, SandboxContext context) {
        this.server = server;
        this.executor = executor;
        this.db = db;
        this.router = router;
        this.archive = archive;
        this.context = context;
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port) with its data in {@code dataDir}. */
    public static SandboxBackend start(Path dataDir, int port, Clock clock) throws IOException {
        Files.createDirectories(dataDir);
        SandboxDatabase db = new SandboxDatabase(dataDir.resolve("sandbox.db"));
        Router router = new Router();
        SandboxContext ctx = new SandboxContext(db, router, clock, dataDir, signingKey(dataDir), new Sessions(db, clock));
        ArchiveFeature archive = new ArchiveFeature();
        List<SandboxFeature> features = List.of(
                new HealthFeature(),
                new AuthFeature(),
                new IdentityFeature(),
                archive,
                new org.onewindow.sandbox.features.queue.QueueFeature(),
                new org.onewindow.sandbox.features.SupervisorFeature(),
                new org.onewindow.sandbox.features.CatalogueFeature(),
                new org.onewindow.sandbox.features.CredentialFeature(),
                new org.onewindow.sandbox.features.TrustListFeature(),
                new org.onewindow.sandbox.features.DataShareFeature(),
                new org.onewindow.sandbox.features.PriorMaterialsFeature(archive),
                new org.onewindow.sandbox.features.FaceCompareFeature(),
                new org.onewindow.sandbox.features.UpdatesFeature());
        for (SandboxFeature f : features) {
            f.install(ctx);
        }
        // the JDK server writes headers and body apart; without TCP_NODELAY every answer waits ~40 ms for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", router);
        server.start();
        LOG.info("sandbox back-end listening on {}", server.getAddress());
        return new SandboxBackend(server, executor, db, router, archive, ctx);
    }

    public static SandboxBackend start(Path dataDir, int port) throws IOException {
        return start(dataDir, port, Clock.systemUTC());
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public PublicKey receiptKey() {
        return context.signingKey().getPublic();
    }

    public void addFault(FaultRule rule) {
        router.addFault(rule);
    }

    public void clearFaults() {
        router.clearFaults();
    }

    public void setRecording(boolean on) {
        router.setRecording(on);
    }

    public List<RecordedExchange> recorded() {
        return router.recorded();
    }

    public ArchiveFeature archive() {
        return archive;
    }

    public SandboxContext context() {
        return context;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.close();
        LOG.info("sandbox back-end stopped");
    }

    /** The sandbox's receipt-signing key, made on first start and kept in the data folder. */
    private static KeyPair signingKey(Path dataDir) throws IOException {
        Path priv = dataDir.resolve("receipt-key.pk8");
        Path pub = dataDir.resolve("receipt-key.pub");
        try {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            if (Files.exists(priv) && Files.exists(pub)) {
                return new KeyPair(kf.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub))),
                        kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv))));
            }
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.write(pub, kp.getPublic().getEncoded());
            Files.write(priv, kp.getPrivate().getEncoded());
            return kp;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the receipt key", e);
        }
    }

    /** {@code java -cp ... org.onewindow.sandbox.SandboxBackend [--port N] [--data DIR]}. */
    public static void main(String[] args) throws Exception {
        int port = 8088;
        Path data = Path.of(System.getProperty("user.home"), ".onewindow", "sandbox");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: sandbox [--port N] [--data DIR]");
                    System.exit(2);
                }
            }
        }
        SandboxBackend backend = start(data, port);
        Runtime.getRuntime().addShutdownHook(new Thread(backend::close));
        System.out.println("OneWindow sandbox back-end on " + backend.baseUri() + " (data in " + data + ")");
        Thread.currentThread().join();
    }
}
