package org.onewindow.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a hall day against a back-end over the real contract (HTTP): citizens take tickets by a day profile
 * (a morning peak 9-11, a lunch dip, an afternoon peak 14-16), clerks at the staffed windows call, serve
 * for a category-typical time (log-normal), sometimes meet a no-show, and citizens rate most services.
 * Deterministic for a seed.
 *
 * <p>Two ways to run: tests share a {@link SimClock} with the sandbox and call {@link #advanceTo} (a
 * morning in about a second, no sleeps); the demo calls {@link #start} and the simulator follows the
 * wall clock on its own thread ({@link #startLive} is the one call for an embedded demo).
 */
public final class HallDaySimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HallDaySimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");

    /** Relative arrival intensity by hour of the hall day (0 = closed). */
    private static final double[] DAY_SHAPE = new double[24];

    static {
        double[][] shape = {{8, 0.35}, {9, 1.0}, {10, 0.95}, {11, 0.6}, {12, 0.25}, {13, 0.45}, {14, 0.9},
                {15, 1.0}, {16, 0.6}, {17, 0.15}};
        for (double[] s : shape) {
            DAY_SHAPE[(int) s[0]] = s[1];
        }
    }

    /** A category's peak arrivals per hour and its mean service time. */
    public record CategoryProfile(String code, double peakPerHour, Duration meanService) {
    }

    public static final List<CategoryProfile> DEFAULT_PROFILES = List.of(
            new CategoryProfile("SB", 26, Duration.ofMinutes(6)),
            new CategoryProfile("BDC", 12, Duration.ofMinutes(12)),
            new CategoryProfile("HJ", 14, Duration.ofMinutes(5)),
            new CategoryProfile("ZH", 10, Duration.ofMinutes(8)));

    /** Windows with a clerk and the demo account that signs in there; W6 stays unstaffed (offline). */
    public static final Map<String, String> DEFAULT_STAFF = Map.of(
            "W1", "demo", "W2", "demo2", "W3", "demo", "W4", "demo2", "W5", "demo");

    private record Event(Instant at, long order, Runnable action) {
    }

    private final URI base;
    private final Clock clock;
    private final Random random;
    private final List<CategoryProfile> profiles;
    private final Map<String, String> staff;
    private final double intensity;
    private final boolean alwaysOpen;
    private final double serviceScale;
    private final int backlog;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final PriorityQueue<Event> agenda = new PriorityQueue<>(
            (a, b) -> a.at.equals(b.at) ? Long.compare(a.order, b.order) : a.at.compareTo(b.at));
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, Boolean> busy = new LinkedHashMap<>();
    private long order;
    private boolean prepared;
    private int issued;
    private int served;
    private int rated;
    private ScheduledExecutorService live;

    private HallDaySimulator(Builder b) {
        this.base = b.base;
        this.clock = b.clock;
        this.random = new Random(b.seed);
        this.profiles = List.copyOf(b.profiles);
        this.staff = new java.util.TreeMap<>(b.staff); // sorted: Map.copyOf iterates in a per-JVM random order
        this.intensity = b.intensity;
        this.alwaysOpen = b.alwaysOpen;
        this.serviceScale = b.serviceScale;
        this.backlog = b.backlog;
    }

    public static Builder builder(URI backendBase) {
        return new Builder(backendBase);
    }

    /**
     * The demo's one call: plays the hall live against {@code backendBase} on the wall clock, busy at any
     * hour (the day profile's shape is kept, but the hall never closes), until {@link #close}.
     */
    public static HallDaySimulator startLive(URI backendBase) {
        // a hall day compressed about tenfold, opening with a backlog: a change every few seconds
        HallDaySimulator sim = builder(backendBase).seed(System.nanoTime()).alwaysOpen(true).intensity(6)
                .serviceScale(0.1).backlog(12).build();
        sim.start();
        return sim;
    }

    public static final class Builder {
        private final URI base;
        private Clock clock = Clock.systemUTC();
        private long seed = 9;
        private List<CategoryProfile> profiles = DEFAULT_PROFILES;
        private Map<String, String> staff = DEFAULT_STAFF;
        private double intensity = 1.0;
        private boolean alwaysOpen;
        private double serviceScale = 1.0;
        private int backlog;

        private Builder(URI base) {
            this.base = base;
        }

        /** The back-end's clock; a {@link SimClock} is moved to each event's time before the event's call. */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder profiles(List<CategoryProfile> p) {
            this.profiles = p;
            return this;
        }

        /** Window id to the demo account of the clerk working there. */
        public Builder staff(Map<String, String> s) {
            this.staff = s;
            return this;
        }

        /** Multiplies every arrival rate (2.0 = twice as busy). */
        public Builder intensity(double i) {
            this.intensity = i;
            return this;
        }

        /** Keeps arrivals going outside opening hours (demo at night). */
        public Builder alwaysOpen(boolean open) {
            this.alwaysOpen = open;
            return this;
        }

        /** Multiplies every service time (0.5 = clerks twice as fast; the demo uses it to stay lively). */
        public Builder serviceScale(double scale) {
            this.serviceScale = scale;
            return this;
        }

        /** Citizens already waiting when the simulation starts (a demo should not open on an empty hall). */
        public Builder backlog(int tickets) {
            this.backlog = tickets;
            return this;
        }

        public HallDaySimulator build() {
            return new HallDaySimulator(this);
        }
    }

    /** Follows the wall clock on a daemon thread, four steps a second. */
    public synchronized void start() {
        if (live != null) {
            return;
        }
        live = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hall-day-simulator");
            t.setDaemon(true);
            return t;
        });
        live.scheduleWithFixedDelay(() -> {
            try {
                advanceTo(clock.instant());
            } catch (RuntimeException e) {
                // a back-end restart or a rejected call: try again on the next step
                LOG.debug("simulator step failed: {}", e.getMessage());
                prepared = false;
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (live != null) {
            live.shutdownNow();
            live = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Runs every simulated event up to {@code until}, in time order. */
    public synchronized void advanceTo(Instant until) {
        prepare();
        while (!agenda.isEmpty() && !agenda.peek().at.isAfter(until)) {
            Event e = agenda.poll();
            if (clock instanceof SimClock sim) {
                sim.set(e.at);
            }
            e.action.run();
        }
        if (clock instanceof SimClock sim) {
            sim.set(until);
        }
    }

    /** With a {@link SimClock}: plays the next {@code d} of the day. */
    public void advance(Duration d) {
        advanceTo(clock.instant().plus(d));
    }

    public synchronized int issued() {
        return issued;
    }

    public synchronized int served() {
        return served;
    }

    public synchronized int rated() {
        return rated;
    }

    // ---- the day ---------------------------------------------------------------------------------

    private void prepare() {
        if (prepared) {
            return;
        }
        tokens.clear();
        Map<String, String> byAccount = new LinkedHashMap<>();
        for (var e : staff.entrySet()) {
            String token = byAccount.computeIfAbsent(e.getValue(), account -> signIn(account));
            tokens.put(e.getKey(), token);
            busy.putIfAbsent(e.getKey(), false);
        }
        agenda.clear();
        Instant now = clock.instant();
        for (CategoryProfile p : profiles) {
            scheduleArrival(p, now);
        }
        double total = profiles.stream().mapToDouble(CategoryProfile::peakPerHour).sum();
        for (int i = 0; i < backlog && total > 0; i++) {
            // the backlog is spread over the categories like the day's arrivals
            double pick = random.nextDouble() * total;
            for (CategoryProfile p : profiles) {
                pick -= p.peakPerHour();
                if (pick <= 0) {
                    schedule(now, () -> issue(p));
                    break;
                }
            }
        }
        for (String w : staff.keySet()) {
            busy.put(w, false);
            schedule(now, () -> {
                if (!busy.get(w)) {
                    callNext(w); // a window that took a backlog ticket is serving already
                }
            });
        }
        prepared = true;
    }

    private void schedule(Instant at, Runnable action) {
        agenda.add(new Event(at, order++, action));
    }

    private double rate(CategoryProfile p, Instant at) {
        double shape = DAY_SHAPE[at.atZone(HALL_ZONE).getHour()];
        if (alwaysOpen) {
            shape = Math.max(shape, 0.8);
        }
        return p.peakPerHour() * intensity * shape;
    }

    /** Next arrival of a non-homogeneous Poisson process, by thinning against the peak rate. */
    private void scheduleArrival(CategoryProfile p, Instant from) {
        double peak = p.peakPerHour() * intensity;
        if (peak <= 0) {
            return;
        }
        Instant t = from;
        for (int tries = 0; tries < 10_000; tries++) {
            double hours = -Math.log(1 - random.nextDouble()) / peak;
            t = t.plusMillis((long) (hours * 3_600_000));
            if (random.nextDouble() * peak <= rate(p, t)) {
                Instant at = t;
                schedule(at, () -> arrive(p, at));
                return;
            }
        }
    }

    private void arrive(CategoryProfile p, Instant at) {
        issue(p);
        scheduleArrival(p, at);
    }

    private void issue(CategoryProfile p) {
        double r = random.nextDouble();
        String priority = r < 0.08 ? "ELDERLY" : r < 0.10 ? "DISABLED" : "REGULAR";
        ObjectNode body = JSON.createObjectNode().put("category", p.code()).put("priority", priority);
        call("POST", "/api/v1/queue/tickets", body, null);
        issued++;
        for (String w : staff.keySet()) {
            if (!busy.get(w)) {
                callNext(w);
            }
        }
    }

    /** The clerk at {@code w} calls the next citizen (closing the current one as served). */
    private void callNext(String w) {
        boolean wasServing = busy.getOrDefault(w, false);
        JsonNode state = call("POST", "/api/v1/queue/windows/" + w + "/call-next", null, tokens.get(w));
        if (wasServing && state != null) {
            served++; // call-next closed the ticket being served as DONE
        }
        JsonNode current = state == null ? null : state.get("current");
        if (current == null || current.isNull()) {
            busy.put(w, false);
            return;
        }
        busy.put(w, true);
        long ticketId = current.path("id").asLong();
        Instant now = clock.instant();
        if (random.nextDouble() < 0.03) {
            schedule(now.plusSeconds(60), () -> {
                call("POST", "/api/v1/queue/windows/" + w + "/no-show", null, tokens.get(w));
                busy.put(w, false);
                callNext(w);
            });
            return;
        }
        CategoryProfile p = profile(current.path("category").asText());
        // log-normal service time with the category's mean: mu = ln(mean) - sigma^2/2
        double sigma = 0.45;
        double mu = Math.log(p.meanService().toSeconds() * serviceScale) - sigma * sigma / 2;
        long seconds = Math.max(20, Math.round(Math.exp(mu + sigma * random.nextGaussian())));
        schedule(now.plusSeconds(seconds), () -> finishAndRate(w, ticketId));
    }

    private void finishAndRate(String w, long ticketId) {
        callNext(w);
        if (random.nextDouble() < 0.7) {
            double r = random.nextDouble();
            String level = r < 0.62 ? "VERY_SATISFIED" : r < 0.86 ? "SATISFIED" : r < 0.95 ? "BASICALLY_SATISFIED"
                    : r < 0.985 ? "DISSATISFIED" : "VERY_DISSATISFIED";
            ObjectNode body = JSON.createObjectNode().put("ticketId", ticketId).put("level", level);
            if (level.endsWith("DISSATISFIED") && !level.equals("BASICALLY_SATISFIED")) {
                body.putArray("reasons").add(random.nextBoolean() ? "WAITED_TOO_LONG" : "NOT_EXPLAINED");
            }
            if (call("POST", "/api/v1/ratings", body, null) != null) {
                rated++;
            }
        }
    }

    private CategoryProfile profile(String code) {
        for (CategoryProfile p : profiles) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        return new CategoryProfile(code, 0, Duration.ofMinutes(7));
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    private String signIn(String account) {
        ObjectNode body = JSON.createObjectNode().put("account", account).put("password", "demo");
        JsonNode n = call("POST", "/api/v1/auth/sign-in", body, null);
        if (n == null) {
            throw new IllegalStateException("simulator cannot sign in as " + account);
        }
        return n.path("token").asText();
    }

    /** One call; answers the JSON body, or null when the back-end refused (logged, the day goes on). */
    private JsonNode call(String method, String path, JsonNode body, String token) {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                    .header("X-OneWindow-Workstation", "HALL-SIMULATOR")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
            if (body != null) {
                req.header("Content-Type", "application/json");
            }
            if (token != null) {
                req.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() / 100 != 2) {
                LOG.debug("simulator {} {} answered {}", method, path, r.statusCode());
                return null;
            }
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("simulator cannot reach the back-end: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulator interrupted", e);
        }
    }

    /** Opening time helper for tests and demos: {@code time} today in the hall's zone. */
    public static Instant hallTime(java.time.LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(HALL_ZONE).toInstant();
    }

    List<String> staffedWindows() {
        return new ArrayList<>(staff.keySet());
    }
}
