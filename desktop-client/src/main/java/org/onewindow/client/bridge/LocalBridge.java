package org.onewindow.client.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.onewindow.core.device.ScanEvent;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional local bridge for web intake systems: a loopback-only HTTP endpoint that hands the current
 * card read or scan to a page from an allowed origin that presents the token. Off unless the provisioning
 * file turns it on. Defences: bound to 127.0.0.1 only; the Host header must name that address (no DNS
 * rebinding); the Origin must be on the list (CORS answers name only that origin); a bearer token compared in
 * constant time; reads expire after {@link #FRESHNESS} and are wiped with the desk.
 *
 * <pre>
 *   GET /v1/status              {"card": true|false, "scan": true|false}
 *   GET /v1/card[?wait=SECONDS] the current card read (204 when none); wait up to 30 s for a new one
 *   GET /v1/scan[?wait=SECONDS] the current scan (204 when none)
 * </pre>
 */
public final class LocalBridge implements AutoCloseable {
    public static final Duration FRESHNESS = Duration.ofMinutes(2);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(LocalBridge.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<String> allowedOrigins;
    private final byte[] token;
    private final Clock clock;
    private final Object lock = new Object();
    private Stamped<IdCard> card;
    private Stamped<ScanEvent> scan;
    private long version;

    private record Stamped<T>(T value, Instant at, long version) {
    }

    private LocalBridge(HttpServer server, ExecutorService executor, List<String> allowedOrigins, String token,
                        Clock clock) {
        this.server = server;
        this.executor = executor;
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Starts on 127.0.0.1:{@code port} (0 = any free port). */
    public static LocalBridge start(int port, List<String> allowedOrigins, String token, Clock clock) throws IOException {
        if (token == null || token.length() < 32) {
            throw new IllegalArgumentException("the bridge token must have at least 32 characters");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        // long-polls hold a thread for up to 30 s each: room for several tabs plus status calls
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "local-bridge");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        LocalBridge bridge = new LocalBridge(server, executor, allowedOrigins, token, clock);
        server.createContext("/", bridge::handle);
        server.start();
        LOG.info("local bridge listening on {} for origins {}", server.getAddress(), allowedOrigins);
        return bridge;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A card was read at the counter (called from the card watcher; never blocks). */
    public void publishCard(IdCard read) {
        synchronized (lock) {
            card = new Stamped<>(read, clock.instant(), ++version);
            lock.notifyAll();
        }
    }

    public void publishScan(ScanEvent event) {
        synchronized (lock) {
            scan = new Stamped<>(event, clock.instant(), ++version);
            lock.notifyAll();
        }
    }

    /** The desk is wiped at the end of a service: nothing of this citizen stays available. */
    public void clear() {
        synchronized (lock) {
            card = null;
            scan = null;
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String origin = ex.getRequestHeaders().getFirst("Origin");
            if (!hostIsLoopback(ex.getRequestHeaders().getFirst("Host"))) {
                send(ex, 421, null, Map.of("error", "wrong Host header"));
                return;
            }
            if (origin == null || !allowedOrigins.contains(origin)) {
                LOG.warn("local bridge refused a request from origin {}", origin);
                send(ex, 403, null, Map.of("error", "origin not allowed"));
                return;
            }
            ex.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
            ex.getResponseHeaders().add("Vary", "Origin");
            if (ex.getRequestMethod().equals("OPTIONS")) {
                ex.getResponseHeaders().add("Access-Control-Allow-Methods", "GET");
                ex.getResponseHeaders().add("Access-Control-Allow-Headers", "Authorization");
                ex.getResponseHeaders().add("Access-Control-Max-Age", "600");
                send(ex, 204, origin, null);
                return;
            }
            if (!authorised(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, origin, Map.of("error", "missing or wrong token"));
                return;
            }
            if (!ex.getRequestMethod().equals("GET")) {
                send(ex, 405, origin, Map.of("error", "GET only"));
                return;
            }
            String path = ex.getRequestURI().getPath();
            Duration wait = waitOf(ex.getRequestURI().getRawQuery());
            switch (path) {
                case "/v1/status" -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("card", current(true).isPresent());
                    s.put("scan", current(false).isPresent());
                    send(ex, 200, origin, s);
                }
                case "/v1/card" -> answer(ex, origin, true, wait);
                case "/v1/scan" -> answer(ex, origin, false, wait);
                default -> send(ex, 404, origin, Map.of("error", "unknown path"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange ex, String origin, boolean wantCard, Duration wait)
            throws IOException, InterruptedException {
        long seen;
        synchronized (lock) {
            seen = version;
        }
        Optional<Stamped<?>> now = current(wantCard);
        if (now.isEmpty() && !wait.isZero()) {
            now = awaitNewer(seen, wantCard, wait);
        }
        if (now.isEmpty()) {
            send(ex, 204, origin, null);
            return;
        }
        Stamped<?> s = now.get();
        if (s.value() instanceof IdCard c) {
            LOG.info("local bridge handed card {} to {}", Masking.idNumber(c.idNumber()), origin);
            send(ex, 200, origin, cardJson(c, s.at()));
        } else {
            ScanEvent e = (ScanEvent) s.value();
            LOG.info("local bridge handed a {} scan to {}", e.symbology(), origin);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", e.text());
            m.put("symbology", String.valueOf(e.symbology()));
            m.put("scannedAt", s.at().toString());
            send(ex, 200, origin, m);
        }
    }

    private Optional<Stamped<?>> current(boolean wantCard) {
        synchronized (lock) {
            Stamped<?> s = wantCard ? card : scan;
            if (s == null || s.at().plus(FRESHNESS).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(s);
        }
    }

    private Optional<Stamped<?>> awaitNewer(long seen, boolean wantCard, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            while (true) {
                Stamped<?> s = wantCard ? card : scan;
                if (s != null && s.version() > seen) {
                    return Optional.of(s);
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return Optional.empty();
                }
                lock.wait(left);
            }
        }
    }

    private static Map<String, Object> cardJson(IdCard c, Instant at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", c.type().name());
        m.put("name", c.name());
        m.put("englishName", c.englishName());
        m.put("sex", c.sex() == null ? null : c.sex().name());
        m.put("nationCode", c.nationCode());
        m.put("birthDate", c.birthDate() == null ? null : c.birthDate().toString());
        m.put("address", c.address());
        m.put("idNumber", c.idNumber());
        m.put("issuingAuthority", c.issuingAuthority());
        m.put("validFrom", c.validFrom() == null ? null : c.validFrom().toString());
        m.put("validUntil", c.validUntil() == null ? null : c.validUntil().toString());
        m.put("longTerm", c.longTerm());
        m.put("nationality", c.nationality());
        m.put("passNumber", c.passNumber());
        m.put("photoJpegBase64", c.photoImage() == null ? null : Base64.getEncoder().encodeToString(c.photoImage()));
        m.put("readAt", at.toString());
        return m;
    }

    private boolean authorised(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8));
    }

    private boolean hostIsLoopback(String host) {
        int p = port();
        return host != null && (host.equals("127.0.0.1:" + p) || host.equalsIgnoreCase("localhost:" + p));
    }

    private static Duration waitOf(String query) {
        if (query == null) {
            return Duration.ZERO;
        }
        for (String part : query.split("&")) {
            if (part.startsWith("wait=")) {
                try {
                    long s = Long.parseLong(part.substring(5));
                    return Duration.ofSeconds(Math.max(0, Math.min(s, MAX_WAIT.toSeconds())));
                } catch (NumberFormatException e) {
                    return Duration.ZERO;
                }
            }
        }
        return Duration.ZERO;
    }

    private static void send(HttpExchange ex, int status, String origin, Object body) throws IOException {
        ex.getResponseHeaders().add("Cache-Control", "no-store");
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        clear();
        LOG.info("local bridge stopped");
    }
}
