package org.onewindow.client.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.client.app.I18n;
import org.onewindow.client.service.CounterIdentity;
import org.onewindow.client.service.CounterService;
import org.onewindow.core.backend.ArchiveReceipt;
import org.onewindow.core.backend.ArchiveService;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.backend.BackendHealth;
import org.onewindow.core.backend.ClerkSession;
import org.onewindow.core.backend.HallServices;
import org.onewindow.core.backend.IdentityCheckRequest;
import org.onewindow.core.backend.IdentityCheckResult;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.IdReader;
import org.onewindow.core.evidence.EvidencePackage;
import org.onewindow.core.evidence.EvidenceStore;
import org.onewindow.core.evidence.EvidenceStoreException;
import org.onewindow.core.evidence.OutboxStatus;
import org.onewindow.core.evidence.PackageState;
import org.onewindow.core.evidence.StoredPackage;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.verify.Verdict;
import org.onewindow.verification.card.IdCardVerifier;

/** The clerk view model's logic with same-thread executors and small fakes (the real path is tested end to end). */
class ClerkViewModelTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC);
    static final Executor SAME_THREAD = Runnable::run;

    final FakeReader reader = new FakeReader();
    final FakeStore store = new FakeStore();
    final FakeBackend backend = new FakeBackend();
    ClerkViewModel vm;
    final List<Notice> notices = new ArrayList<>();

    @BeforeEach
    void setUp() {
        CounterService counter = new CounterService(new IdCardVerifier(backend, CLOCK), store, CLOCK,
                new CounterIdentity("Hall", "08", "WS-08"), () -> "demo");
        vm = new ClerkViewModel(reader, counter, store, SAME_THREAD, SAME_THREAD, new I18n(Locale.SIMPLIFIED_CHINESE), CLOCK);
        vm.addNoticeListener(notices::add);
    }

    @Test
    void aReadCardIsShownMaskedVerifiedAndStored() {
        reader.next = DemoCitizens.ZHANG_WEI;
        vm.readCard();
        assertThat(vm.nameProperty().get()).isEqualTo("张伟");
        assertThat(vm.idNumberShownProperty().get()).isEqualTo("370102********1238");
        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.VALID);
        assertThat(vm.registryProperty().get()).isEqualTo(ClerkViewModel.CheckState.PASSED);
        assertThat(vm.archiveStateProperty().get()).isEqualTo(ClerkViewModel.ArchiveState.LOCAL);
        assertThat(store.committed).hasSize(1);
        assertThat(store.committed.get(0).clerk()).isEqualTo("demo");
        assertThat(store.committed.get(0).items()).extracting(i -> i.kind()).contains("id-card");
        assertThat(notices).extracting(Notice::level).contains(Notice.Level.SUCCESS);
    }

    @Test
    void theReceiptAppearsWhenThePackageIsArchived() {
        reader.next = DemoCitizens.ZHANG_WEI;
        vm.readCard();
        StoredPackage stored = store.last;
        vm.onPackageChanged(new StoredPackage(stored.packageId(), stored.caseId(), PackageState.ARCHIVED,
                stored.storedAt(), stored.packageHash(),
                new ArchiveReceipt(stored.packageId(), "ARC-2026-00000042", "x", CLOCK.instant(), "sig"), null));
        assertThat(vm.archiveStateProperty().get()).isEqualTo(ClerkViewModel.ArchiveState.ARCHIVED);
        assertThat(vm.archiveTextProperty().get()).isEqualTo("已存档 · 回执 ARC-2026-00000042");
    }

    @Test
    void anotherPackagesReceiptDoesNotTouchThisCitizen() {
        reader.next = DemoCitizens.ZHANG_WEI;
        vm.readCard();
        vm.onPackageChanged(new StoredPackage("someone-else", "c", PackageState.ARCHIVED, CLOCK.instant(), "h",
                new ArchiveReceipt("someone-else", "ARC-1", "x", CLOCK.instant(), "s"), null));
        assertThat(vm.archiveStateProperty().get()).isEqualTo(ClerkViewModel.ArchiveState.LOCAL);
    }

    @Test
    void revealTogglesTheFullNumberAndFinishWipesTheDesk() {
        reader.next = DemoCitizens.LI_NA;
        vm.readCard();
        vm.toggleReveal();
        assertThat(vm.idNumberShownProperty().get()).isEqualTo("370203198506122049");
        vm.toggleReveal();
        assertThat(vm.idNumberShownProperty().get()).isEqualTo("370203********2049");
        vm.finish();
        assertThat(vm.cardProperty().get()).isNull();
        assertThat(vm.nameProperty().get()).isEmpty();
        assertThat(vm.idNumberShownProperty().get()).isEmpty();
        assertThat(vm.verdictProperty().get()).isNull();
        assertThat(vm.archiveStateProperty().get()).isEqualTo(ClerkViewModel.ArchiveState.NONE);
    }

    @Test
    void aDeviceErrorBecomesAClerkMessageAndNothingIsStored() {
        reader.error = new DeviceException(DeviceException.Kind.CARD_REMOVED, "removed during 30 01");
        vm.readCard();
        assertThat(vm.statusLineProperty().get()).isEqualTo("读卡时证件被移开，请重新放置");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(store.committed).isEmpty();
    }

    @Test
    void anUnreachableBackendMarksTheClerkOfflineButStillStores() {
        backend.down = true;
        reader.next = DemoCitizens.ZHANG_WEI;
        vm.readCard();
        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(vm.backendOnlineProperty().get()).isFalse();
        assertThat(store.committed).hasSize(1);
    }

    @Test
    void aFullDiskIsSaidPlainlyAndTheCardStaysOnScreen() {
        store.failWith = new EvidenceStoreException(EvidenceStoreException.Kind.DISK_FULL, "no space", null);
        reader.next = DemoCitizens.ZHANG_WEI;
        vm.readCard();
        assertThat(vm.archiveStateProperty().get()).isEqualTo(ClerkViewModel.ArchiveState.FAILED);
        assertThat(vm.archiveTextProperty().get()).contains("磁盘已满");
        assertThat(vm.nameProperty().get()).isEqualTo("张伟");
        assertThat(notices).extracting(Notice::level).contains(Notice.Level.ERROR);
    }

    @Test
    void aLateResultForAWipedDeskIsDropped() {
        List<Runnable> parked = new ArrayList<>();
        CounterService counter = new CounterService(new IdCardVerifier(backend, CLOCK), store, CLOCK,
                new CounterIdentity("Hall", "08", "WS-08"), () -> "demo");
        ClerkViewModel slow = new ClerkViewModel(reader, counter, store, parked::add, SAME_THREAD,
                new I18n(Locale.SIMPLIFIED_CHINESE), CLOCK);
        slow.onCardRead(DemoCitizens.ZHANG_WEI);
        slow.finish();
        new ArrayList<>(parked).forEach(Runnable::run);
        assertThat(slow.verdictProperty().get()).isNull();
        assertThat(slow.nameProperty().get()).isEmpty();
    }

    static final class FakeReader implements IdReader {
        IdCard next;
        DeviceException error;

        @Override public String name() { return "fake"; }
        @Override public boolean pollForNewCard() { return false; }
        @Override public IdCard read() throws DeviceException {
            if (error != null) {
                throw error;
            }
            return next;
        }
        @Override public String samId() { return "0"; }
        @Override public void close() { }
    }

    static final class FakeStore implements EvidenceStore {
        final List<EvidencePackage> committed = new ArrayList<>();
        StoredPackage last;
        EvidenceStoreException failWith;

        @Override public StoredPackage commit(EvidencePackage e) throws EvidenceStoreException {
            if (failWith != null) {
                throw failWith;
            }
            committed.add(e);
            last = new StoredPackage(e.packageId(), e.caseId(), PackageState.PENDING, e.createdAt(), "hash", null, null);
            return last;
        }
        @Override public Optional<StoredPackage> find(String id) { return Optional.empty(); }
        @Override public OutboxStatus status() {
            return new OutboxStatus(committed.size(), 0, committed.isEmpty() ? null : CLOCK.instant(), null, false);
        }
        @Override public void addListener(Consumer<StoredPackage> l) { }
        @Override public void close() { }
    }

    static final class FakeBackend implements HallServices, ArchiveService {
        boolean down;

        @Override public BackendHealth health() { return new BackendHealth("UP", "t", CLOCK.instant()); }
        @Override public ClerkSession signIn(String a, char[] p) { throw new UnsupportedOperationException(); }
        @Override public IdentityCheckResult checkIdentity(IdentityCheckRequest r) throws BackendException {
            if (down) {
                throw new BackendException(BackendException.Kind.UNREACHABLE, "down");
            }
            return new IdentityCheckResult(IdentityCheckResult.Outcome.MATCH, "ok", "IDC-1", CLOCK.instant());
        }
        @Override public ArchiveService archive() { return this; }
        @Override public boolean hasBlob(String s) { return false; }
        @Override public void putBlob(String s, byte[] c) { }
        @Override public ArchiveReceipt commitManifest(String id, byte[] m) { throw new UnsupportedOperationException(); }
    }
}
