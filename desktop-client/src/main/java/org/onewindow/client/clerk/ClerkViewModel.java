package org.onewindow.client.clerk;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.onewindow.client.app.I18n;
import org.onewindow.client.service.CounterService;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.IdReader;
import org.onewindow.core.evidence.EvidenceStore;
import org.onewindow.core.evidence.EvidenceStoreException;
import org.onewindow.core.evidence.OutboxStatus;
import org.onewindow.core.evidence.StoredPackage;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.privacy.Masking;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the clerk's identity panel: the card on screen, its checks, and its evidence. Device, network
 * and disk work run on {@code io}; results come back through {@code ui} (the one seam to the FX thread).
 * A result that arrives after the desk was wiped is dropped: each citizen gets a new generation.
 */
public final class ClerkViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ClerkViewModel.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    /** One check's state, shown as a coloured line. */
    public enum CheckState { NOT_RUN, PENDING, PASSED, FAILED }

    /** Where this citizen's evidence stands. */
    public enum ArchiveState { NONE, SAVING, LOCAL, ARCHIVED, BLOCKED, FAILED }

    private final IdReader reader;
    private final CounterService counter;
    private final EvidenceStore store;
    private final Executor io;
    private final Executor ui;
    private final I18n i18n;
    private final Clock clock;
    private final List<Consumer<Notice>> noticeListeners = new CopyOnWriteArrayList<>();

    private final ReadOnlyObjectWrapper<IdCard> card = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper idNumberShown = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sex = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper birth = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper authority = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper validity = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cardType = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<byte[]> photo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper photoNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CheckState> numberRules = new ReadOnlyObjectWrapper<>(CheckState.NOT_RUN);
    private final ReadOnlyObjectWrapper<CheckState> validityCheck = new ReadOnlyObjectWrapper<>(CheckState.NOT_RUN);
    private final ReadOnlyObjectWrapper<CheckState> registry = new ReadOnlyObjectWrapper<>(CheckState.NOT_RUN);
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verdictText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ArchiveState> archiveState = new ReadOnlyObjectWrapper<>(ArchiveState.NONE);
    private final ReadOnlyStringWrapper archiveText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper backendOnline = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper outboxText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<VerificationResult> lastResult = new ReadOnlyObjectWrapper<>();

    private final List<java.util.function.BiConsumer<IdCard, VerificationResult>> identityListeners =
            new CopyOnWriteArrayList<>();
    private long generation;
    private java.util.function.Supplier<String> caseIds;
    private String caseId = UUID.randomUUID().toString();
    private String packageId;

    public ClerkViewModel(IdReader reader, CounterService counter, EvidenceStore store, Executor io, Executor ui,
                          I18n i18n, Clock clock) {
        this.reader = reader;
        this.counter = counter;
        this.store = store;
        this.io = io;
        this.ui = ui;
        this.i18n = i18n;
        this.clock = clock;
        wipe();
        refreshOutbox();
    }

    // ---- actions -------------------------------------------------------------------------------

    /** Reads the card on the reader (F7). Ignored while a read is running. */
    public void readCard() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        statusLine.set(i18n.get("clerk.reading"));
        long gen = generation;
        CompletableFuture.supplyAsync(() -> {
            try {
                return reader.read();
            } catch (DeviceException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, io).whenCompleteAsync((read, error) -> {
            busy.set(false);
            if (gen != generation) {
                return;
            }
            if (error != null) {
                onReadFailed(unwrap(error));
            } else {
                onCardRead(read);
            }
        }, ui);
    }

    /** A card arrived (from the read action or the presence watcher): show it, verify it, archive it. */
    public void onCardRead(IdCard read) {
        wipe();
        if (caseIds != null) {
            caseId = caseIds.get();
        }
        long gen = generation;
        card.set(read);
        showCard(read);
        numberRules.set(CheckState.PENDING);
        validityCheck.set(CheckState.PENDING);
        registry.set(CheckState.PENDING);
        statusLine.set(i18n.get("clerk.verify.pending"));
        archiveState.set(ArchiveState.SAVING);
        archiveText.set(i18n.get("clerk.archive.saving"));
        String forCase = caseId;
        CompletableFuture.supplyAsync(() -> counter.verify(read), io)
                .whenCompleteAsync((result, error) -> {
                    if (gen != generation) {
                        return;
                    }
                    if (error != null) {
                        LOG.error("verification crashed for {}", Masking.idNumber(read.idNumber()), error);
                        statusLine.set(i18n.get("error.plain"));
                        return;
                    }
                    showResult(result);
                    identityListeners.forEach(l -> l.accept(read, result));
                    archive(gen, read, result, forCase);
                }, ui);
    }

    public void onReadFailed(Throwable error) {
        String text = error instanceof DeviceException d ? i18n.get(d.kind().messageKey()) : i18n.get("error.plain");
        LOG.info("card read failed: {}", error.getMessage());
        statusLine.set(text);
        notice(Notice.Level.WARNING, text);
    }

    /** F8: show the full number for a moment of checking, hide it again. */
    public void toggleReveal() {
        revealed.set(!revealed.get());
        IdCard c = card.get();
        idNumberShown.set(c == null ? "" : revealed.get() ? c.idNumber() : Masking.idNumber(c.idNumber()));
    }

    /** F12: the citizen is done; the desk is wiped for the next one. */
    public void finish() {
        caseId = caseIds != null ? caseIds.get() : UUID.randomUUID().toString();
        wipe();
    }

    /** Evidence of this panel joins the case that {@code source} names (the service case in progress). */
    public void useCaseIds(java.util.function.Supplier<String> source) {
        this.caseIds = source;
        this.caseId = source.get();
    }

    /** Told (on the UI thread) about each verified identity, e.g. to satisfy the case's ID-card material. */
    public void addIdentityListener(java.util.function.BiConsumer<IdCard, VerificationResult> listener) {
        identityListeners.add(listener);
    }

    public void setBackendOnline(boolean online) {
        backendOnline.set(online);
    }

    public void addNoticeListener(Consumer<Notice> listener) {
        noticeListeners.add(listener);
    }

    // ---- internals -------------------------------------------------------------------------------

    private void archive(long gen, IdCard read, VerificationResult result, String forCase) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return counter.archive(read, result, forCase);
            } catch (EvidenceStoreException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, io).whenCompleteAsync((stored, error) -> {
            refreshOutbox();
            if (gen != generation) {
                return;
            }
            if (error != null) {
                Throwable cause = unwrap(error);
                LOG.error("evidence not saved", cause);
                String why = cause instanceof EvidenceStoreException s ? i18n.get(s.messageKey()) : cause.toString();
                archiveState.set(ArchiveState.FAILED);
                archiveText.set(i18n.format("clerk.archive.failed", why));
                notice(Notice.Level.ERROR, archiveText.get());
                return;
            }
            packageId = stored.packageId();
            onPackageChanged(stored);
        }, ui);
    }

    /** A package changed state in the outbox (called on the UI thread by whoever listens to the store). */
    public void onPackageChanged(StoredPackage pkg) {
        refreshOutbox();
        if (packageId == null || !packageId.equals(pkg.packageId())) {
            return;
        }
        switch (pkg.state()) {
            case PENDING -> {
                if (archiveState.get() != ArchiveState.ARCHIVED) {
                    archiveState.set(ArchiveState.LOCAL);
                    archiveText.set(i18n.get("clerk.archive.local"));
                }
            }
            case ARCHIVED -> {
                archiveState.set(ArchiveState.ARCHIVED);
                String number = pkg.receipt() == null ? "" : pkg.receipt().receiptNumber();
                archiveText.set(i18n.format("clerk.archive.archived", number));
                backendOnline.set(true);
                notice(Notice.Level.SUCCESS, archiveText.get());
            }
            case BLOCKED -> {
                archiveState.set(ArchiveState.BLOCKED);
                archiveText.set(i18n.get("clerk.archive.blocked"));
            }
        }
    }

    private void showCard(IdCard c) {
        name.set(c.englishName() != null && c.name() != null ? c.name() + " / " + c.englishName() : c.displayName());
        sex.set(c.sex() == null ? "" : i18n.get("sex." + c.sex().name()));
        birth.set(c.birthDate() == null ? "" : DATE.format(c.birthDate()));
        address.set(c.address() == null ? "" : c.address());
        authority.set(c.issuingAuthority() == null ? "" : c.issuingAuthority());
        String from = c.validFrom() == null ? "" : DATE.format(c.validFrom());
        String to = c.longTerm() ? i18n.get("clerk.card.longTerm") : c.validUntil() == null ? "" : DATE.format(c.validUntil());
        validity.set(from + " - " + to);
        cardType.set(i18n.get("cardType." + c.type().name()));
        idNumberShown.set(Masking.idNumber(c.idNumber()));
        byte[] image = c.photoImage();
        photo.set(image);
        photoNote.set(image != null ? "" : c.photoWlt() != null ? i18n.get("clerk.card.photoMissing") : i18n.get("clerk.card.noPhoto"));
    }

    private void showResult(VerificationResult r) {
        lastResult.set(r);
        Map<String, Boolean> checks = r.checks();
        numberRules.set(state(checks.get("numberRules")));
        validityCheck.set(state(checks.get("validity")));
        registry.set(state(checks.get("registry")));
        verdict.set(r.verdict());
        String text = i18n.get("verdict." + r.verdict().name());
        if (r.reason() != null) {
            text += " · " + i18n.get(r.reason().messageKey());
            if (r.reason() == VerificationReason.INVALID_NUMBER && r.detail() != null) {
                text += "：" + i18n.get("idnumber.problem." + r.detail());
            }
        }
        verdictText.set(text);
        statusLine.set(text);
        if (r.reason() == VerificationReason.OFFLINE) {
            backendOnline.set(false);
        } else if (r.mode() == org.onewindow.core.verify.VerificationMode.ONLINE) {
            backendOnline.set(true);
        }
        notice(r.verdict() == Verdict.VALID ? Notice.Level.SUCCESS
                : r.verdict() == Verdict.INVALID ? Notice.Level.ERROR : Notice.Level.WARNING, text);
    }

    private static CheckState state(Boolean passed) {
        return passed == null ? CheckState.NOT_RUN : passed ? CheckState.PASSED : CheckState.FAILED;
    }

    private void wipe() {
        generation++;
        packageId = null;
        card.set(null);
        revealed.set(false);
        for (ReadOnlyStringWrapper s : List.of(idNumberShown, name, sex, birth, address, authority, validity,
                cardType, photoNote, verdictText)) {
            s.set("");
        }
        photo.set(null);
        numberRules.set(CheckState.NOT_RUN);
        validityCheck.set(CheckState.NOT_RUN);
        registry.set(CheckState.NOT_RUN);
        verdict.set(null);
        lastResult.set(null);
        archiveState.set(ArchiveState.NONE);
        archiveText.set(i18n.get("clerk.archive.none"));
        statusLine.set(i18n.get("clerk.waitingForCard"));
    }

    private void refreshOutbox() {
        OutboxStatus s = store.status();
        String text = i18n.format("status.outbox", s.pending());
        if (s.oldestPending() != null) {
            Duration age = Duration.between(s.oldestPending(), clock.instant());
            text += " · " + i18n.format("status.outbox.oldest", humanAge(age));
        }
        if (s.pending() > 0 && s.draining()) {
            text += " · " + i18n.get("status.outbox.draining");
        }
        if (s.blocked() > 0) {
            text += " · " + i18n.format("status.outbox.blocked", s.blocked());
        }
        if (s.pending() > 0 && s.lastError() != null) {
            text += " · " + i18n.format("status.outbox.lastError", s.lastError());
        }
        outboxText.set(text);
    }

    static String humanAge(Duration age) {
        long s = Math.max(0, age.getSeconds());
        return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "min" : (s / 3600) + "h" + (s % 3600 / 60) + "min";
    }

    private void notice(Notice.Level level, String text) {
        Notice n = new Notice(level, text);
        noticeListeners.forEach(l -> l.accept(n));
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    // ---- read-only state for the view ------------------------------------------------------------

    public ReadOnlyObjectProperty<IdCard> cardProperty() { return card.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty revealedProperty() { return revealed.getReadOnlyProperty(); }
    public ReadOnlyStringProperty idNumberShownProperty() { return idNumberShown.getReadOnlyProperty(); }
    public ReadOnlyStringProperty nameProperty() { return name.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sexProperty() { return sex.getReadOnlyProperty(); }
    public ReadOnlyStringProperty birthProperty() { return birth.getReadOnlyProperty(); }
    public ReadOnlyStringProperty addressProperty() { return address.getReadOnlyProperty(); }
    public ReadOnlyStringProperty authorityProperty() { return authority.getReadOnlyProperty(); }
    public ReadOnlyStringProperty validityProperty() { return validity.getReadOnlyProperty(); }
    public ReadOnlyStringProperty cardTypeProperty() { return cardType.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<byte[]> photoProperty() { return photo.getReadOnlyProperty(); }
    public ReadOnlyStringProperty photoNoteProperty() { return photoNote.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CheckState> numberRulesProperty() { return numberRules.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CheckState> validityCheckProperty() { return validityCheck.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CheckState> registryProperty() { return registry.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Verdict> verdictProperty() { return verdict.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdictTextProperty() { return verdictText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ArchiveState> archiveStateProperty() { return archiveState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty archiveTextProperty() { return archiveText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusLineProperty() { return statusLine.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty backendOnlineProperty() { return backendOnline.getReadOnlyProperty(); }
    public ReadOnlyStringProperty outboxTextProperty() { return outboxText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<VerificationResult> lastResultProperty() { return lastResult.getReadOnlyProperty(); }
}
