package org.onewindow.client.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.queue.QueueEvent;
import org.onewindow.core.queue.QueueListener;
import org.onewindow.core.queue.QueueService;
import org.onewindow.core.queue.ServiceCategory;
import org.onewindow.core.queue.Ticket;
import org.onewindow.core.queue.TransferTarget;
import org.onewindow.core.queue.WindowState;
import org.onewindow.core.queue.WindowStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clerk's queue panel as state: the window's current ticket and how long it waited, the waiting count
 * for the window's categories (kept current by pushed events), the window's status and parked tickets, and
 * the commands. Every back-end call runs on {@code background}; every property changes on {@code ui} (the
 * one seam: {@code Platform::runLater} in the application, {@code Runnable::run} in tests). Commands are
 * meant to be invoked on the UI thread; while one is in flight the others are ignored, so a double
 * key press never calls two tickets.
 */
public final class QueueViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueViewModel.class);

    private final QueueService queue;
    private final String windowId;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final ResourceBundle messages;

    private final ReadOnlyObjectWrapper<Ticket> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyStringWrapper currentNumber = new ReadOnlyStringWrapper(this, "currentNumber", "");
    private final ReadOnlyStringWrapper waited = new ReadOnlyStringWrapper(this, "waited", "");
    private final ReadOnlyIntegerWrapper waitingCount = new ReadOnlyIntegerWrapper(this, "waitingCount");
    private final ReadOnlyObjectWrapper<WindowStatus> status = new ReadOnlyObjectWrapper<>(this, "status", WindowStatus.OPEN);
    private final ReadOnlyStringWrapper windowName = new ReadOnlyStringWrapper(this, "windowName", "");
    private final ReadOnlyStringWrapper clerkName = new ReadOnlyStringWrapper(this, "clerkName", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<Ticket> parked = FXCollections.observableArrayList();
    private final ObservableList<TransferTarget> transferTargets = FXCollections.observableArrayList();
    // read-only views made once: they listen to their lists weakly and must not be collected
    private final ObservableList<Ticket> parkedView = FXCollections.unmodifiableObservableList(parked);
    private final ObservableList<TransferTarget> transferTargetsView = FXCollections.unmodifiableObservableList(transferTargets);
    private final BooleanBinding serving;
    private final Map<TransferTarget, String> targetNames = new HashMap<>();
    private volatile Set<String> categories = Set.of();
    private QueueService.Subscription subscription;

    /**
     * @param queue      the hall's queue (HTTP client in the application)
     * @param windowId   the window this workstation is, from provisioning
     * @param background where back-end calls run
     * @param ui         the one seam to the UI thread
     * @param clock      for waiting times
     * @param messages   {@link #bundle(Locale)}
     */
    public QueueViewModel(QueueService queue, String windowId, Executor background, Executor ui, Clock clock,
                          ResourceBundle messages) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.windowId = Objects.requireNonNull(windowId, "windowId");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.serving = Bindings.createBooleanBinding(() -> current.get() != null && !busy.get(), current, busy);
    }

    /** The panel's strings in {@code locale} (English or Chinese), without falling back to the machine's locale. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.onewindow.client.queue.QueueMessages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    // ---- state -----------------------------------------------------------------------------------

    public String windowId() {
        return windowId;
    }

    public ReadOnlyObjectProperty<Ticket> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The current ticket's number, or empty. */
    public ReadOnlyStringProperty currentNumberProperty() {
        return currentNumber.getReadOnlyProperty();
    }

    /** How long the current ticket waited before it was called, as m:ss or h:mm:ss; empty without one. */
    public ReadOnlyStringProperty waitedProperty() {
        return waited.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty waitingCountProperty() {
        return waitingCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WindowStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty windowNameProperty() {
        return windowName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clerkNameProperty() {
        return clerkName.getReadOnlyProperty();
    }

    /** A command is running; the view disables its buttons. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether pushed queue events arrive (false while the stream reconnects). */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** The last thing the clerk should know (a failure or a hint), localised; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Tickets this window parked, oldest first. Read only: changed by the view model. */
    public ObservableList<Ticket> parked() {
        return parkedView;
    }

    /** Where the current ticket can be transferred: every other category and every other window. */
    public ObservableList<TransferTarget> transferTargets() {
        return transferTargetsView;
    }

    /** A ticket is being served and no command runs: recall, transfer, no-show, park and finish apply. */
    public BooleanBinding servingBinding() {
        return serving;
    }

    // ---- commands --------------------------------------------------------------------------------

    /** Subscribes to pushed events and loads the window, its categories and the transfer targets. */
    public void start() {
        if (subscription == null) {
            subscription = queue.subscribe(new QueueListener() {
                @Override
                public void onEvent(QueueEvent event) {
                    ui.execute(() -> onQueueEvent(event));
                }

                @Override
                public void onDisconnected(Exception cause) {
                    ui.execute(() -> connected.set(false));
                }
            });
        }
        refresh();
    }

    /** Reloads everything from the back-end (after a reconnect, or on demand). */
    public void refresh() {
        background.execute(() -> {
            try {
                WindowState state = queue.window(windowId);
                List<ServiceCategory> allCategories = queue.categories();
                List<WindowState> windows = queue.windows();
                ui.execute(() -> {
                    apply(state);
                    transferTargets.setAll(targets(state, allCategories, windows));
                });
            } catch (BackendException e) {
                ui.execute(() -> fail(e));
            }
        });
    }

    public void callNext() {
        run(() -> queue.callNext(windowId), "hint.nobodyWaiting");
    }

    public void recall() {
        if (current.get() != null) {
            run(() -> queue.recall(windowId), null);
        }
    }

    public void transfer(TransferTarget target) {
        if (current.get() != null && target != null) {
            run(() -> queue.transfer(windowId, target), null);
        }
    }

    public void noShow() {
        if (current.get() != null) {
            run(() -> queue.noShow(windowId), null);
        }
    }

    public void park() {
        if (current.get() != null) {
            run(() -> queue.park(windowId), null);
        }
    }

    /** Serves a parked ticket again (the one being served, if any, is closed as served). */
    public void resumeParked(Ticket ticket) {
        if (ticket != null) {
            run(() -> queue.resumeParked(windowId, ticket.id()), null);
        }
    }

    /** Closes the current ticket as served (the service case calls this when it finishes). */
    public void finish() {
        if (current.get() != null) {
            run(() -> queue.finish(windowId), null);
        }
    }

    public void togglePause() {
        boolean pausing = status.get() == WindowStatus.OPEN;
        run(() -> pausing ? queue.pause(windowId) : queue.resume(windowId), null);
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    // ---- the seam --------------------------------------------------------------------------------

    @FunctionalInterface
    private interface WindowCall {
        WindowState call() throws BackendException;
    }

    private void run(WindowCall call, String hintWhenNoCurrent) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set("");
        background.execute(() -> {
            try {
                WindowState state = call.call();
                ui.execute(() -> {
                    busy.set(false);
                    apply(state);
                    if (hintWhenNoCurrent != null && state.current() == null) {
                        message.set(messages.getString(hintWhenNoCurrent));
                    }
                });
            } catch (BackendException e) {
                ui.execute(() -> {
                    busy.set(false);
                    fail(e);
                });
            } catch (RuntimeException e) {
                LOG.error("queue command failed unexpectedly", e);
                ui.execute(() -> {
                    busy.set(false);
                    message.set(messages.getString("error.unexpected"));
                });
            }
        });
    }

    private void apply(WindowState state) {
        categories = state.categories();
        Ticket ticket = state.current();
        current.set(ticket);
        currentNumber.set(ticket == null ? "" : ticket.number());
        waited.set(ticket == null ? "" : format(ticket.waited(clock.instant())));
        waitingCount.set(state.waitingCount());
        status.set(state.status());
        windowName.set(state.name());
        clerkName.set(state.clerkName() == null ? "" : state.clerkName());
        parked.setAll(state.parked());
    }

    private void onQueueEvent(QueueEvent event) {
        if (event.type() == QueueEvent.Type.RESYNC) {
            connected.set(true);
            refresh();
            return;
        }
        if (!categories.isEmpty()) {
            // before the window's categories are loaded the count would be wrong; the load brings its own
            waitingCount.set(event.waitingFor(windowId, categories));
        }
        if (windowId.equals(event.windowId())) {
            // someone else (a supervisor) changed this window: follow
            if (event.type() == QueueEvent.Type.WINDOW_PAUSED) {
                status.set(WindowStatus.PAUSED);
            } else if (event.type() == QueueEvent.Type.WINDOW_RESUMED) {
                status.set(WindowStatus.OPEN);
            } else if (event.type() == QueueEvent.Type.WINDOW_CHANGED) {
                refresh();
            }
        }
    }

    private void fail(BackendException e) {
        LOG.warn("queue call for window {} failed: {} ({})", windowId, e.kind(), e.getMessage());
        message.set(describe(e));
    }

    /** A sentence for the clerk: the specific rejection when the back-end named it, else the kind of failure. */
    private String describe(BackendException e) {
        String detail = e.getMessage() == null ? "" : e.getMessage();
        for (String code : List.of("window-paused", "no-current-ticket", "not-parked-here", "unknown-category",
                "window-not-found")) {
            if (detail.contains(code)) {
                return text("error." + code, e.kind().messageKey());
            }
        }
        return text(e.kind().messageKey(), "error.unexpected");
    }

    private String text(String key, String fallbackKey) {
        try {
            return messages.getString(key);
        } catch (MissingResourceException missing) {
            return messages.getString(fallbackKey);
        }
    }

    private List<TransferTarget> targets(WindowState self, List<ServiceCategory> allCategories, List<WindowState> windows) {
        List<TransferTarget> out = new ArrayList<>();
        for (ServiceCategory c : allCategories) {
            out.add(TransferTarget.category(c.code()));
        }
        for (WindowState w : windows) {
            if (!w.windowId().equals(self.windowId())) {
                out.add(TransferTarget.window(w.windowId()));
            }
        }
        targetNames.clear();
        allCategories.forEach(c -> targetNames.put(TransferTarget.category(c.code()), c.name()));
        windows.forEach(w -> targetNames.put(TransferTarget.window(w.windowId()), w.name()));
        return out;
    }

    /** How a transfer target reads for the clerk, e.g. 不动产 or 3号窗口. */
    public String describe(TransferTarget target) {
        if (target == null) {
            return "";
        }
        String name = targetNames.getOrDefault(target, target.id());
        return messages.getString(target.kind() == TransferTarget.Kind.CATEGORY ? "transfer.toCategory" : "transfer.toWindow")
                .formatted(name);
    }

    static String format(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
