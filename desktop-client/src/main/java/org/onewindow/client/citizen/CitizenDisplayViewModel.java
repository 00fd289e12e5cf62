package org.onewindow.client.citizen;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.onewindow.core.rating.RatingLevel;
import org.onewindow.core.rating.RatingReason;
import org.onewindow.core.rating.ServiceRating;

/**
 * What the citizen-facing display shows: the ticket, the window and clerk serving it, what is being checked
 * now, and at the end the 好差评 rating, which is handed back to the caller through the stage returned by
 * {@link #askForRating()}. The caller's methods may be called from any thread: every change goes through
 * the {@code ui} seam. The citizen's own choices (level, reasons, submit) come from the view on the UI
 * thread. No citizen data is shown beyond the ticket number.
 */
public final class CitizenDisplayViewModel {
    /** What the screen shows. */
    public enum Phase { IDLE, SERVING, RATING, THANKS }

    private final Executor ui;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final ReadOnlyStringWrapper ticketNumber = new ReadOnlyStringWrapper(this, "ticketNumber", "");
    private final ReadOnlyStringWrapper windowName = new ReadOnlyStringWrapper(this, "windowName", "");
    private final ReadOnlyStringWrapper clerkName = new ReadOnlyStringWrapper(this, "clerkName", "");
    private final ReadOnlyStringWrapper checkingNow = new ReadOnlyStringWrapper(this, "checkingNow", "");
    private final ReadOnlyObjectWrapper<RatingLevel> level = new ReadOnlyObjectWrapper<>(this, "level");
    private final ObservableSet<RatingReason> reasons = FXCollections.observableSet(EnumSet.noneOf(RatingReason.class));
    // one read-only view, kept: such views listen to the set weakly and must not be collected
    private final ObservableSet<RatingReason> reasonsView = FXCollections.unmodifiableObservableSet(reasons);
    private final BooleanBinding canSubmit;
    private final BooleanBinding reasonsNeeded;
    private CompletableFuture<Optional<ServiceRating>> pendingRating;

    public CitizenDisplayViewModel(Executor ui, Clock clock) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reasonsNeeded = Bindings.createBooleanBinding(() -> level.get() != null && level.get().needsReason(), level);
        this.canSubmit = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.RATING && level.get() != null && (!level.get().needsReason() || !reasons.isEmpty()),
                phase, level, reasons);
    }

    /** The display's strings in {@code locale} (English or Chinese), without falling back to the machine's locale. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.onewindow.client.citizen.CitizenMessages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    // ---- driven by the clerk's side --------------------------------------------------------------

    /** A ticket was called to this window: greet the citizen with the number, the window and the clerk. */
    public void showServing(String ticket, String window, String clerk) {
        ui.execute(() -> {
            resetRating(Optional.empty());
            ticketNumber.set(nullToEmpty(ticket));
            windowName.set(nullToEmpty(window));
            clerkName.set(nullToEmpty(clerk));
            checkingNow.set("");
            phase.set(Phase.SERVING);
        });
    }

    /** What is being checked now, already worded for the citizen (e.g. 正在核验：居民户口簿). */
    public void showChecking(String what) {
        ui.execute(() -> checkingNow.set(nullToEmpty(what)));
    }

    /**
     * Asks the citizen to rate. The stage completes with the rating when the citizen confirms, or empty
     * when the rating is skipped or the desk is wiped first.
     */
    public CompletionStage<Optional<ServiceRating>> askForRating() {
        CompletableFuture<Optional<ServiceRating>> future = new CompletableFuture<>();
        ui.execute(() -> {
            resetRating(Optional.empty());
            pendingRating = future;
            checkingNow.set("");
            phase.set(Phase.RATING);
        });
        return future;
    }

    /** The desk wipe: nothing of this service stays on the screen; a pending rating ends empty. */
    public void wipe() {
        ui.execute(() -> {
            resetRating(Optional.empty());
            ticketNumber.set("");
            windowName.set("");
            clerkName.set("");
            checkingNow.set("");
            phase.set(Phase.IDLE);
        });
    }

    // ---- driven by the citizen (the view, on the UI thread) --------------------------------------

    public void choose(RatingLevel chosen) {
        level.set(chosen);
        if (chosen == null || !chosen.needsReason()) {
            reasons.clear();
        }
    }

    public void toggleReason(RatingReason reason) {
        if (!reasons.remove(reason)) {
            reasons.add(reason);
        }
    }

    /** Confirms the rating; ignored until a level (and for low levels a reason) is chosen. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        ServiceRating rating = new ServiceRating(level.get(), reasons, clock.instant());
        phase.set(Phase.THANKS);
        resetRating(Optional.of(rating));
    }

    /** The citizen declines to rate. */
    public void skip() {
        if (phase.get() == Phase.RATING) {
            phase.set(Phase.THANKS);
            resetRating(Optional.empty());
        }
    }

    private void resetRating(Optional<ServiceRating> outcome) {
        CompletableFuture<Optional<ServiceRating>> pending = pendingRating;
        pendingRating = null;
        level.set(null);
        reasons.clear();
        if (pending != null) {
            pending.complete(outcome);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // ---- state -----------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ticketNumberProperty() {
        return ticketNumber.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty windowNameProperty() {
        return windowName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clerkNameProperty() {
        return clerkName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkingNowProperty() {
        return checkingNow.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RatingLevel> levelProperty() {
        return level.getReadOnlyProperty();
    }

    /** The reasons chosen; read only for the view (change them with {@link #toggleReason}). */
    public ObservableSet<RatingReason> reasons() {
        return reasonsView;
    }

    public BooleanBinding canSubmitBinding() {
        return canSubmit;
    }

    /** The chosen level is a low one: the view shows the reasons. */
    public BooleanBinding reasonsNeededBinding() {
        return reasonsNeeded;
    }
}
