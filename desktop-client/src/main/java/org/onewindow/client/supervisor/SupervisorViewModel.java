package org.onewindow.client.supervisor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.onewindow.client.app.I18n;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.queue.QueueEvent;
import org.onewindow.core.queue.QueueListener;
import org.onewindow.core.queue.QueueService;
import org.onewindow.core.queue.WindowState;
import org.onewindow.core.queue.WindowStatus;
import org.onewindow.core.supervisor.AuditRecord;
import org.onewindow.core.supervisor.CategoryStats;
import org.onewindow.core.supervisor.HallAlert;
import org.onewindow.core.supervisor.HallStats;
import org.onewindow.core.supervisor.RatingSummary;
import org.onewindow.core.supervisor.SupervisorService;
import org.onewindow.core.supervisor.WindowActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the hall supervisor's dashboard. Live: every pushed queue event triggers a reload of the windows
 * and the day's figures (coalesced, so a burst costs one or two reloads); a lost event stream or a failed
 * reload marks the data stale until the stream is back. {@link #tick()} (each second, from the view)
 * ages the durations on screen and checks the alert thresholds. Network and disk work run on {@code io};
 * results are applied on {@code ui}, the one thread that touches the properties.
 */
public final class SupervisorViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisorViewModel.class);
    /** An open window that did nothing for this long, and serves nobody, counts as offline. */
    static final Duration OFFLINE_AFTER = Duration.ofMinutes(30);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final QueueService queue;
    private final SupervisorService supervisor;
    private final Executor io;
    private final Executor ui;
    private final I18n i18n;
    private final Clock clock;
    private final String hall;
    private final Consumer<AlertSettings> settingsSaver;
    private final Runnable sound;
    private final AlertMonitor monitor = new AlertMonitor();

    private final ObservableList<CategoryRow> categories = FXCollections.observableArrayList();
    private final ObservableList<WindowRow> windows = FXCollections.observableArrayList();
    private final ObservableList<HallAlert> alerts = FXCollections.observableArrayList();
    private final ObservableList<AuditRecord> audit = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<HallStats> stats = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RatingSummary> ratings = new ReadOnlyObjectWrapper<>(RatingSummary.empty());
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper freshness = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AlertSettings> settings;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);

    // touched on the ui thread only
    private List<WindowState> lastWindows = List.of();
    private Instant lastUpdate;
    private Instant staleSince;
    private boolean streamUp;
    private boolean reloadFailed;
    private boolean reloading;
    private boolean reloadAgain;
    private boolean alertsLoaded;
    private Set<String> alertingCategories = Set.of();
    private Set<String> alertingWindows = Set.of();
    private QueueService.Subscription subscription;

    public SupervisorViewModel(QueueService queue, SupervisorService supervisor, Executor io, Executor ui, I18n i18n,
                               Clock clock, String hall, AlertSettings initialSettings,
                               Consumer<AlertSettings> settingsSaver, Runnable sound) {
        this.queue = queue;
        this.supervisor = supervisor;
        this.io = io;
        this.ui = ui;
        this.i18n = i18n;
        this.clock = clock;
        this.hall = hall;
        this.settings = new ReadOnlyObjectWrapper<>(initialSettings);
        this.settingsSaver = settingsSaver;
        this.sound = sound;
        this.staleSince = clock.instant();
        updateFreshness();
    }

    /** Subscribes to the queue's push channel and loads the day. Call once, on the ui thread. */
    public void start() {
        subscription = queue.subscribe(new QueueListener() {
            @Override
            public void onEvent(QueueEvent event) {
                ui.execute(() -> onQueueEvent(event));
            }

            @Override
            public void onDisconnected(Exception cause) {
                ui.execute(() -> onStreamLost(cause));
            }
        });
        reload();
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    // ---- live ------------------------------------------------------------------------------------

    /** A pushed change (or a RESYNC after reconnecting): the figures are reloaded. */
    public void onQueueEvent(QueueEvent event) {
        if (event.type() == QueueEvent.Type.RESYNC) {
            streamUp = true;
        }
        reload();
    }

    public void onStreamLost(Exception cause) {
        LOG.info("queue push channel lost: {}", cause.getMessage());
        streamUp = false;
        markStale();
    }

    /** Reloads windows, figures and audit; a reload asked for while one runs is done right after it. */
    public void reload() {
        if (reloading) {
            reloadAgain = true;
            return;
        }
        reloading = true;
        LocalDate day = today();
        boolean withAlerts = !alertsLoaded;
        CompletableFuture.supplyAsync(() -> {
            try {
                return new Snapshot(queue.windows(), supervisor.hallStats(day), supervisor.audit(day),
                        withAlerts ? supervisor.alerts(day) : null);
            } catch (BackendException e) {
                throw new CompletionException(e);
            }
        }, io).whenCompleteAsync((snap, error) -> {
            reloading = false;
            if (error != null) {
                LOG.info("dashboard reload failed: {}", unwrap(error).getMessage());
                reloadFailed = true;
                markStale();
            } else {
                reloadFailed = false;
                apply(snap);
            }
            if (reloadAgain) {
                reloadAgain = false;
                reload();
            }
        }, ui);
    }

    private record Snapshot(List<WindowState> windows, HallStats stats, List<AuditRecord> audit, List<HallAlert> alerts) {
    }

    private void apply(Snapshot snap) {
        lastWindows = snap.windows();
        stats.set(snap.stats());
        ratings.set(snap.stats().ratings());
        audit.setAll(snap.audit());
        if (snap.alerts() != null) {
            alertsLoaded = true;
            List<HallAlert> loadedAlerts = new ArrayList<>(snap.alerts());
            java.util.Collections.reverse(loadedAlerts);
            alerts.setAll(loadedAlerts);
            monitor.alreadyRaised(snap.alerts().stream().filter(a -> !a.acknowledged()).toList());
        }
        lastUpdate = clock.instant();
        if (streamUp || subscription == null) {
            stale.set(false);
            staleSince = null;
        }
        loaded.set(true);
        tick();
    }

    private void markStale() {
        if (!stale.get()) {
            staleSince = clock.instant();
        }
        stale.set(true);
        updateFreshness();
    }

    /** Ages durations, checks thresholds, refreshes the freshness line. Each second, on the ui thread. */
    public void tick() {
        Instant now = clock.instant();
        HallStats s = stats.get();
        if (s != null) {
            List<HallAlert> raised = monitor.evaluate(s, lastWindows, settings.get(), now);
            for (HallAlert a : raised) {
                raise(a);
            }
            rebuildRows(s, now);
        }
        updateFreshness();
    }

    private void rebuildRows(HallStats s, Instant now) {
        AlertSettings cfg = settings.get();
        Set<String> hotCategories = new HashSet<>();
        Set<String> hotWindows = new HashSet<>();
        Map<String, String> names = new HashMap<>();
        List<CategoryRow> rows = new ArrayList<>();
        for (CategoryStats c : s.categories()) {
            names.put(c.code(), c.name());
            AlertThresholds t = cfg.forCategory(c.code());
            Duration longest = c.longestWait(now);
            boolean hot = longest.compareTo(t.maxWait()) > 0 || c.waiting() > t.maxQueue();
            if (hot) {
                hotCategories.add(c.code());
            }
            rows.add(new CategoryRow(c.code(), c.name(), c.waiting(), longest, c.averageWait(), c.averageService(),
                    c.served(), hot));
        }
        List<WindowRow> wrows = new ArrayList<>();
        for (WindowState w : lastWindows) {
            WindowActivity activity = s.window(w.windowId()).orElse(null);
            Duration serving = w.current() != null && w.current().calledAt() != null
                    ? Duration.between(w.current().calledAt(), now) : Duration.ZERO;
            WindowRow.Status status = status(w, activity, now);
            boolean hot = status == WindowRow.Status.SERVING
                    && serving.compareTo(cfg.forCategory(w.current().category()).maxService()) > 0;
            if (hot) {
                hotWindows.add(w.windowId());
            }
            List<String> codes = new ArrayList<>(orderedCodes(w, s));
            List<String> catNames = codes.stream().map(code -> names.getOrDefault(code, code)).toList();
            wrows.add(new WindowRow(w.windowId(), w.name(), status,
                    w.current() == null ? null : w.current().number(), serving, statusText(status, w, serving),
                    w.clerkName() == null ? "" : w.clerkName(), catNames, codes,
                    activity == null ? 0 : activity.served(), hot));
        }
        alertingCategories = hotCategories;
        alertingWindows = hotWindows;
        // replace only on change: the tables keep their selection and scroll position between ticks
        if (!rows.equals(categories)) {
            categories.setAll(rows);
        }
        if (!wrows.equals(windows)) {
            windows.setAll(wrows);
        }
        totals.set(i18n.format("supervisor.totals", s.waitingTotal(), s.servedTotal(),
                ratings.get().total() == 0 ? "-" : String.format("%.0f%%", ratings.get().satisfiedShare() * 100)));
    }

    /** The window's categories in the hall's category order. */
    private static List<String> orderedCodes(WindowState w, HallStats s) {
        List<String> out = new ArrayList<>();
        for (CategoryStats c : s.categories()) {
            if (w.categories().contains(c.code())) {
                out.add(c.code());
            }
        }
        for (String code : w.categories()) {
            if (!out.contains(code)) {
                out.add(code);
            }
        }
        return out;
    }

    static WindowRow.Status status(WindowState w, WindowActivity activity, Instant now) {
        if (w.status() == WindowStatus.PAUSED) {
            return WindowRow.Status.PAUSED;
        }
        if (w.current() != null) {
            return WindowRow.Status.SERVING;
        }
        Instant last = activity == null ? null : activity.lastActivityAt();
        if (last == null || Duration.between(last, now).compareTo(OFFLINE_AFTER) > 0) {
            return WindowRow.Status.OFFLINE;
        }
        return WindowRow.Status.IDLE;
    }

    private String statusText(WindowRow.Status status, WindowState w, Duration serving) {
        return switch (status) {
            case SERVING -> i18n.format("supervisor.window.serving", w.current().number(), minutes(serving));
            case IDLE -> i18n.get("supervisor.window.idle");
            case PAUSED -> w.current() == null ? i18n.get("supervisor.window.paused")
                    : i18n.format("supervisor.window.pausedServing", w.current().number());
            case OFFLINE -> i18n.get("supervisor.window.offline");
        };
    }

    /** "7 分钟" / "1 小时 05 分钟" (whole minutes: the board is read from across the hall). */
    public String minutes(Duration d) {
        long m = Math.max(0, d.toMinutes());
        return m < 60 ? i18n.format("supervisor.minutes", m) : i18n.format("supervisor.hoursMinutes", m / 60, m % 60);
    }

    private void updateFreshness() {
        if (stale.get()) {
            String since = staleSince == null ? "" : CLOCK_TIME.format(staleSince.atZone(HallStats.HALL_ZONE));
            freshness.set(lastUpdate == null ? i18n.get("supervisor.connecting")
                    : i18n.format("supervisor.stale", since, CLOCK_TIME.format(lastUpdate.atZone(HallStats.HALL_ZONE))));
        } else if (lastUpdate != null) {
            freshness.set(i18n.format("supervisor.live", CLOCK_TIME.format(lastUpdate.atZone(HallStats.HALL_ZONE))));
        }
    }

    // ---- alerts ----------------------------------------------------------------------------------

    private void raise(HallAlert alert) {
        alerts.add(0, alert);
        LOG.info("alert raised: {} {} {} value {} threshold {}", alert.kind(), alert.category(),
                alert.windowId() == null ? "" : alert.windowId(), alert.value(), alert.threshold());
        if (settings.get().sound()) {
            sound.run();
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                return supervisor.recordAlert(alert);
            } catch (BackendException e) {
                throw new CompletionException(e);
            }
        }, io).whenCompleteAsync((recorded, error) -> {
            if (error != null) {
                // stays on screen unrecorded; it is raised again after a restart if the condition still holds
                LOG.warn("alert could not be recorded: {}", unwrap(error).getMessage());
                message.set(i18n.get("supervisor.alert.notRecorded"));
                return;
            }
            int i = alerts.indexOf(alert);
            if (i >= 0) {
                alerts.set(i, recorded);
            }
        }, ui);
    }

    /** The supervisor has seen it (recorded, with who and when, and audited by the back-end). */
    public void acknowledge(HallAlert alert) {
        if (alert == null || alert.acknowledged() || alert.id() == 0) {
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                return supervisor.acknowledgeAlert(alert.id());
            } catch (BackendException e) {
                throw new CompletionException(e);
            }
        }, io).whenCompleteAsync((acked, error) -> {
            if (error != null) {
                message.set(i18n.get("supervisor.action.failed") + " " + i18n.get(backendKey(error)));
                return;
            }
            for (int i = 0; i < alerts.size(); i++) {
                if (alerts.get(i).id() == acked.id()) {
                    alerts.set(i, acked);
                }
            }
            reload(); // the acknowledgement is in the audit trail now
        }, ui);
    }

    /** Reads the saved thresholds on {@code io} (a file) and applies them when read. */
    public void loadSettings(java.util.function.Supplier<AlertSettings> loader) {
        CompletableFuture.supplyAsync(loader, io).whenCompleteAsync((loadedSettings, error) -> {
            if (error == null && loadedSettings != null) {
                settings.set(loadedSettings);
                tick();
            }
        }, ui);
    }

    public void applySettings(AlertSettings newSettings) {
        settings.set(newSettings);
        io.execute(() -> settingsSaver.accept(newSettings));
        tick();
    }

    // ---- actions (audited by the back-end) -------------------------------------------------------

    public void pauseWindow(String windowId) {
        act(() -> supervisor.pauseWindow(windowId), i18n.format("supervisor.done.paused", windowId));
    }

    public void resumeWindow(String windowId) {
        act(() -> supervisor.resumeWindow(windowId), i18n.format("supervisor.done.resumed", windowId));
    }

    public void setWindowCategories(String windowId, List<String> codes) {
        if (codes.isEmpty()) {
            message.set(i18n.get("supervisor.categories.none"));
            return;
        }
        act(() -> supervisor.setWindowCategories(windowId, codes), i18n.format("supervisor.done.categories", windowId));
    }

    public void moveTickets(String from, String to, int count) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return supervisor.moveWaitingTickets(from, to, count).size();
            } catch (BackendException e) {
                throw new CompletionException(e);
            }
        }, io).whenCompleteAsync((moved, error) -> {
            message.set(error != null ? i18n.get("supervisor.action.failed") + " " + i18n.get(backendKey(error))
                    : i18n.format("supervisor.done.moved", moved, from, to));
            reload();
        }, ui);
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws BackendException;
    }

    private void act(Call call, String done) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return call.run();
            } catch (BackendException e) {
                throw new CompletionException(e);
            }
        }, io).whenCompleteAsync((r, error) -> {
            message.set(error != null ? i18n.get("supervisor.action.failed") + " " + i18n.get(backendKey(error)) : done);
            reload();
        }, ui);
    }

    private static String backendKey(Throwable error) {
        Throwable e = unwrap(error);
        return e instanceof BackendException b ? "backend.error." + b.kind().name() : "error.plain";
    }

    // ---- export ----------------------------------------------------------------------------------

    /** The report as of now (ui thread). */
    public DayReport report() {
        return new DayReport(hall, clock.instant(), stats.get(), categories, windows, alerts, audit);
    }

    public void exportCsv(Path file) {
        export(file, report -> new CsvReport(i18n).write(report, file));
    }

    public void exportPdf(Path file) {
        export(file, report -> new PdfReport(i18n).write(report, file));
    }

    @FunctionalInterface
    private interface Writer {
        void write(DayReport report) throws java.io.IOException;
    }

    private void export(Path file, Writer writer) {
        if (stats.get() == null) {
            message.set(i18n.get("supervisor.export.noData"));
            return;
        }
        DayReport report = report();
        CompletableFuture.runAsync(() -> {
            try {
                writer.write(report);
            } catch (java.io.IOException e) {
                throw new CompletionException(e);
            }
        }, io).whenCompleteAsync((r, error) -> {
            if (error != null) {
                LOG.warn("export to {} failed: {}", file.getFileName(), unwrap(error).getMessage());
                message.set(i18n.get("supervisor.export.failed"));
            } else {
                message.set(i18n.format("supervisor.export.done", file.toAbsolutePath()));
            }
        }, ui);
    }

    // ---- state -----------------------------------------------------------------------------------

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), HallStats.HALL_ZONE);
    }

    public Instant now() {
        return clock.instant();
    }

    public String hall() {
        return hall;
    }

    public ObservableList<CategoryRow> categories() {
        return FXCollections.unmodifiableObservableList(categories);
    }

    public ObservableList<WindowRow> windows() {
        return FXCollections.unmodifiableObservableList(windows);
    }

    public ObservableList<HallAlert> alerts() {
        return FXCollections.unmodifiableObservableList(alerts);
    }

    public ObservableList<AuditRecord> audit() {
        return FXCollections.unmodifiableObservableList(audit);
    }

    public ReadOnlyObjectProperty<HallStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RatingSummary> ratingsProperty() {
        return ratings.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty freshnessProperty() {
        return freshness.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AlertSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public boolean isCategoryAlerting(String code) {
        return alertingCategories.contains(code);
    }

    public boolean isWindowAlerting(String windowId) {
        return alertingWindows.contains(windowId);
    }

    /** Category code to display name, for pickers. */
    public Map<String, String> categoryNames() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        HallStats s = stats.get();
        if (s != null) {
            s.categories().forEach(c -> out.put(c.code(), c.name()));
        }
        return out;
    }

    public String label(HallAlert a) {
        String category = categoryNames().getOrDefault(a.category(), a.category());
        String when = DateTimeFormatter.ofPattern("HH:mm").format(a.raisedAt().atZone(HallStats.HALL_ZONE));
        String what = switch (a.kind()) {
            case WAIT_TIME -> i18n.format("supervisor.alert.wait", category, minutes(Duration.ofSeconds(a.value())),
                    minutes(Duration.ofSeconds(a.threshold())));
            case SERVICE_TIME -> i18n.format("supervisor.alert.service", a.windowId(), category,
                    minutes(Duration.ofSeconds(a.value())), minutes(Duration.ofSeconds(a.threshold())));
            case QUEUE_LENGTH -> i18n.format("supervisor.alert.queue", category, a.value(), a.threshold());
        };
        String ack = a.acknowledged() ? " · " + i18n.format("supervisor.alert.acked", a.acknowledgedBy() == null ? ""
                : a.acknowledgedBy()) : "";
        return when + "  " + what + ack;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
