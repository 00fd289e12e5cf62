package org.onewindow.cache.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.cache.crypto.Hashes;
import org.onewindow.cache.outbox.SqliteEvidenceStore;
import org.onewindow.cache.outbox.StoreOptions;
import org.onewindow.cache.testing.MutableClock;
import org.onewindow.cache.testing.TestKeys;
import org.onewindow.cache.testing.TestPackages;
import org.onewindow.core.evidence.OutboxStatus;
import org.onewindow.core.evidence.PackageState;
import org.onewindow.core.evidence.StoredPackage;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.sandbox.http.FaultRule;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;

/** The sync engine against the real sandbox archive over loopback HTTP, with scripted faults. */
class SyncEngineTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.atDefaultStart();
    private SandboxBackend sandbox;
    private HttpHallServices http;
    private SqliteEvidenceStore store;
    private SyncEngine engine;
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        sandbox = SandboxBackend.start(dir.resolve("sandbox"), 0);
        http = client(Duration.ofSeconds(10));
        store = SqliteEvidenceStore.open(dir.resolve("outbox"), TestKeys.shared(), clock, StoreOptions.DEFAULTS);
        engine = engine(http);
    }

    private HttpHallServices client(Duration requestTimeout) {
        return new HttpHallServices(new BackendConfig(sandbox.baseUri(), "WS-0301", Duration.ofSeconds(2), requestTimeout));
    }

    /** One package at a time, so that which package meets a scripted fault is deterministic. */
    private SyncEngine engine(HttpHallServices archive) {
        return engine(archive, 1);
    }

    private SyncEngine engine(HttpHallServices archive, int concurrency) {
        return SyncEngine.builder(store, archive)
                .concurrency(concurrency)
                .clock(clock)
                .random(new Random(42))
                .backoff(Duration.ofSeconds(2), Duration.ofMinutes(10))
                .receiptKey(sandbox.receiptKey())
                .listener(new SyncListener() {
                    @Override
                    public void packageArchived(StoredPackage p) {
                        events.add("archived " + p.packageId());
                    }

                    @Override
                    public void packageFailed(StoredPackage p, String error, boolean blocked) {
                        events.add((blocked ? "blocked " : "retry ") + p.packageId());
                    }
                })
                .build();
    }

    @AfterEach
    void tearDown() {
        engine.close();
        store.close();
        http.close();
        sandbox.close();
    }

    @Test
    void drainsTheOutboxOldestFirstAndTheArchiveHoldsEachPackageOnce() throws Exception {
        List<StoredPackage> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stored.add(store.commit(TestPackages.small("p-" + i, "case-" + (i % 2), i)));
        }

        SyncResult result = engine.syncOnce();

        assertThat(result.archived()).isEqualTo(5);
        assertThat(events).containsExactly("archived p-0", "archived p-1", "archived p-2", "archived p-3", "archived p-4");
        assertThat(sandbox.archive().packageCount()).isEqualTo(5);
        for (StoredPackage p : stored) {
            StoredPackage now = store.find(p.packageId()).orElseThrow();
            assertThat(now.state()).isEqualTo(PackageState.ARCHIVED);
            assertThat(now.receipt().manifestSha256()).isEqualTo(p.packageHash());
            assertThat(sandbox.archive().manifest(p.packageId()).path("previousPackageHash").isTextual() || p.packageId().equals("p-0")).isTrue();
        }
        assertThat(store.findByCase("case-1")).extracting(StoredPackage::packageId).containsExactly("p-1", "p-3");
        assertThat(store.status()).isEqualTo(OutboxStatus.EMPTY);
    }

    @Test
    void theArchiveReceivesThePlaintextContentUnderItsHash() throws Exception {
        var evidence = TestPackages.small("p-1", "case-1", 3);
        store.commit(evidence);

        engine.syncOnce();

        for (var item : evidence.items()) {
            assertThat(http.hasBlob(Hashes.sha256Hex(item.content()))).isTrue();
        }
        assertThat(sandbox.archive().manifest("p-1").path("items")).hasSize(5);
    }

    @Test
    void aSecondPassSendsNothingAgain() throws Exception {
        store.commit(TestPackages.small("p-1", "case-1", 1));
        engine.syncOnce();
        sandbox.setRecording(true);

        SyncResult again = engine.syncOnce();

        assertThat(again.archived()).isZero();
        assertThat(sandbox.recorded()).isEmpty();
    }

    @Test
    void aWrongReceiptIsAnErrorAndTheRetryArchivesThePackageExactlyOnce() throws Exception {
        store.commit(TestPackages.small("p-1", "case-1", 1));
        sandbox.addFault(FaultRule.wrongReceipt(1));

        SyncResult first = engine.syncOnce();

        assertThat(first.archived()).isZero();
        assertThat(first.retried()).isEqualTo(1);
        StoredPackage pending = store.find("p-1").orElseThrow();
        assertThat(pending.state()).isEqualTo(PackageState.PENDING);
        assertThat(pending.lastError()).contains("different manifest");
        assertThat(store.status().lastError()).contains("different manifest");

        clock.advance(Duration.ofSeconds(2));
        SyncResult second = engine.syncOnce();

        assertThat(second.archived()).isEqualTo(1);
        assertThat(sandbox.archive().packageCount()).isEqualTo(1);
        assertThat(store.find("p-1").orElseThrow().receipt().manifestSha256()).isEqualTo(pending.packageHash());
        assertThat(store.status().lastError()).isNull();
    }

    @Test
    void aServerErrorBacksOffWithJitterAndLeavesThePackagePending() throws Exception {
        store.commit(TestPackages.small("p-1", "case-1", 1));
        store.commit(TestPackages.small("p-2", "case-1", 2));
        sandbox.addFault(FaultRule.status("PUT", "/api/v1/archive/blobs/", 500, 1));

        SyncResult result = engine.syncOnce();

        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.archived()).isZero();
        assertThat(events).containsExactly("retry p-1");
        assertThat(store.find("p-1").orElseThrow().lastError()).contains("500");
        // the first backoff is between 1 and 2 s: not due before 1 s, due after 2 s
        clock.advance(Duration.ofMillis(999));
        assertThat(store.nextDue(clock.instant(), 0).orElseThrow().packageId()).isEqualTo("p-2");
        clock.advance(Duration.ofMillis(1001));
        assertThat(engine.syncOnce().archived()).isEqualTo(2);
        assertThat(sandbox.archive().packageCount()).isEqualTo(2);
    }

    @Test
    void aDroppedConnectionMidUploadLosesAndDuplicatesNothing() throws Exception {
        store.commit(TestPackages.small("p-1", "case-1", 1));
        sandbox.addFault(FaultRule.reset("PUT", "/api/v1/archive/packages/", 1));

        assertThat(engine.syncOnce().retried()).isEqualTo(1);
        assertThat(store.find("p-1").orElseThrow().state()).isEqualTo(PackageState.PENDING);

        clock.advance(Duration.ofMinutes(1));
        assertThat(engine.syncOnce().archived()).isEqualTo(1);
        assertThat(sandbox.archive().packageCount()).isEqualTo(1);
    }

    @Test
    void aTimeoutAfterTheArchiveCommittedIsResolvedByTheSameReceipt() throws Exception {
        // the archive commits the manifest but answers too late: the client must not count it, and the
        // retry must get the same receipt rather than a second copy
        HttpHallServices impatient = client(Duration.ofMillis(300));
        try (SyncEngine hurried = engine(impatient)) {
            store.commit(TestPackages.small("p-1", "case-1", 1));
            sandbox.addFault(FaultRule.delay("PUT", "/api/v1/archive/packages/", 1_000, 1));

            SyncResult first = hurried.syncOnce();
            assertThat(first.retried()).isEqualTo(1);
            assertThat(store.find("p-1").orElseThrow().lastError()).contains("in time");

            clock.advance(Duration.ofMinutes(1));
            assertThat(hurried.syncOnce().archived()).isEqualTo(1);
            assertThat(sandbox.archive().packageCount()).isEqualTo(1);
        } finally {
            impatient.close();
        }
    }

    @Test
    void aRejectedPackageIsBlockedForITAndTheQueueMovesOn() throws Exception {
        // another manifest already archived under the same id: the archive answers 409
        http.putBlob(Hashes.sha256Hex(new byte[] {1}), new byte[] {1});
        http.commitManifest("p-1", ("{\"packageId\":\"p-1\",\"workstation\":\"WS-9\",\"items\":[{\"sha256\":\""
                + Hashes.sha256Hex(new byte[] {1}) + "\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        store.commit(TestPackages.small("p-1", "case-1", 1));
        store.commit(TestPackages.small("p-2", "case-1", 2));

        SyncResult result = engine.syncOnce();

        assertThat(result.blocked()).isEqualTo(1);
        assertThat(result.archived()).isEqualTo(1);
        assertThat(events).containsExactly("blocked p-1", "archived p-2");
        StoredPackage blocked = store.find("p-1").orElseThrow();
        assertThat(blocked.state()).isEqualTo(PackageState.BLOCKED);
        assertThat(blocked.lastError()).contains("409");
        assertThat(store.status().blocked()).isEqualTo(1);

        // IT retries: still rejected, still blocked, never lost
        assertThat(store.retryBlocked("p-1")).isTrue();
        engine.syncOnce();
        assertThat(store.find("p-1").orElseThrow().state()).isEqualTo(PackageState.BLOCKED);
    }

    @Test
    void anUnreachableArchiveKeepsEverythingPendingWithAClearError() throws Exception {
        HttpHallServices nowhere = new HttpHallServices(new BackendConfig(URI.create("http://127.0.0.1:9"), "WS-0301",
                Duration.ofMillis(500), Duration.ofSeconds(1)));
        try (SyncEngine offline = engine(nowhere)) {
            store.commit(TestPackages.small("p-1", "case-1", 1));

            SyncResult result = offline.syncOnce();

            assertThat(result.retried()).isEqualTo(1);
            OutboxStatus status = store.status();
            assertThat(status.pending()).isEqualTo(1);
            assertThat(status.draining()).isFalse();
            assertThat(status.lastError()).startsWith("archive unreachable");
        } finally {
            nowhere.close();
        }
    }

    @Test
    void statusSaysDrainingWhileAPassRuns() throws Exception {
        store.commit(TestPackages.small("p-1", "case-1", 1));
        List<Boolean> drainingSeen = new ArrayList<>();
        engine.addListener(new SyncListener() {
            @Override
            public void passStarted(OutboxStatus status) {
                drainingSeen.add(status.draining());
            }

            @Override
            public void passFinished(SyncResult result, OutboxStatus status) {
                drainingSeen.add(status.draining());
            }
        });

        engine.syncOnce();

        assertThat(drainingSeen).containsExactly(true, false);
    }

    @Test
    void theBackgroundScheduleArchivesWhatTheClerkCommits() throws Exception {
        java.util.concurrent.CountDownLatch archived = new java.util.concurrent.CountDownLatch(3);
        engine.addListener(new SyncListener() {
            @Override
            public void packageArchived(StoredPackage p) {
                archived.countDown();
            }
        });
        store.commit(TestPackages.small("p-0", "case-1", 0));

        engine.start();
        store.commit(TestPackages.small("p-1", "case-1", 1));
        store.commit(TestPackages.small("p-2", "case-1", 2));

        assertThat(archived.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(sandbox.archive().packageCount()).isEqualTo(3);
        assertThat(store.status().pending()).isZero();
    }

    @Test
    void packagesUploadedSideBySideAreStillReportedOldestFirstAndArchivedOnce() throws Exception {
        try (SyncEngine parallel = engine(http, 4)) {
            for (int i = 0; i < 10; i++) {
                store.commit(TestPackages.small("p-" + i, "case-1", i));
            }

            SyncResult result = parallel.syncOnce();

            assertThat(result.archived()).isEqualTo(10);
            assertThat(events).containsExactly("archived p-0", "archived p-1", "archived p-2", "archived p-3",
                    "archived p-4", "archived p-5", "archived p-6", "archived p-7", "archived p-8", "archived p-9");
            assertThat(sandbox.archive().packageCount()).isEqualTo(10);
            assertThat(store.status().pending()).isZero();
        }
    }

    @Test
    void aRetryResumesWithoutResendingTheBlobsTheArchiveAlreadyHas() throws Exception {
        store.commit(TestPackages.small("p-1", "case-1", 1));
        sandbox.addFault(FaultRule.status("PUT", "/api/v1/archive/packages/", 503, 1));
        engine.syncOnce();
        sandbox.setRecording(true);

        clock.advance(Duration.ofMinutes(1));
        assertThat(engine.syncOnce().archived()).isEqualTo(1);

        List<String> calls = sandbox.recorded().stream().map(x -> x.method() + " " + x.path().replaceAll("/[0-9a-f]{64}$", "/{sha}")).toList();
        assertThat(calls).containsExactly(
                "HEAD /api/v1/archive/blobs/{sha}", "HEAD /api/v1/archive/blobs/{sha}", "HEAD /api/v1/archive/blobs/{sha}",
                "HEAD /api/v1/archive/blobs/{sha}", "HEAD /api/v1/archive/blobs/{sha}", "PUT /api/v1/archive/packages/p-1");
        assertThat(sandbox.archive().packageCount()).isEqualTo(1);
    }

    @Test
    void theBandwidthCapSpacesTheUploads() throws Exception {
        long[] fakeNanos = {0};
        List<Long> waits = new ArrayList<>();
        BandwidthLimiter cap = new BandwidthLimiter(10_000, () -> fakeNanos[0], n -> {
            waits.add(n);
            fakeNanos[0] += n;
        });
        var evidence = TestPackages.small("p-1", "case-1", 1);
        long contentBytes = evidence.items().stream().mapToLong(i -> i.content().length).sum();
        store.commit(evidence);
        try (SyncEngine capped = SyncEngine.builder(store, http).clock(clock).concurrency(1).bandwidthLimiter(cap).build()) {

            assertThat(capped.syncOnce().archived()).isEqualTo(1);
        }

        // everything but the last request (the manifest) had to fit 10 kB/s before the next could start
        long waited = waits.stream().mapToLong(Long::longValue).sum();
        assertThat(waited).isGreaterThanOrEqualTo(contentBytes * 1_000_000_000L / 10_000);
        assertThat(waits).hasSize(5);
    }

    @Test
    void theBackgroundScheduleAlsoPurgesAfterTheRetention() throws Exception {
        store.close();
        store = SqliteEvidenceStore.open(dir.resolve("outbox"), TestKeys.shared(), clock,
                StoreOptions.DEFAULTS.withRetention(Duration.ofDays(1)));
        store.commit(TestPackages.small("p-1", "case-1", 1));
        engine.close();
        engine = SyncEngine.builder(store, http).clock(clock).housekeepingInterval(Duration.ofMillis(50)).build();
        engine.syncOnce();
        assertThat(store.load("p-1").blobs()).hasSize(5);

        java.util.concurrent.CountDownLatch purged = new java.util.concurrent.CountDownLatch(1);
        engine.addListener(new SyncListener() {
            @Override
            public void housekeepingDone(int count) {
                if (count > 0) {
                    purged.countDown();
                }
            }
        });
        clock.advance(Duration.ofDays(1));
        engine.start();

        assertThat(purged.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> store.load("p-1")).isInstanceOf(org.onewindow.core.evidence.EvidenceStoreException.class);
        assertThat(store.find("p-1").orElseThrow().receipt()).isNotNull();
    }

    @Test
    void errorsQuotingContentHashesAreStoredAndShownWithoutThem() {
        String sha = Hashes.sha256Hex("ID card text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var e = new org.onewindow.core.backend.BackendException(org.onewindow.core.backend.BackendException.Kind.REJECTED,
                "back-end answered 422: missing-blobs (blobs not uploaded: " + sha + ")");

        String shown = SyncEngine.describe(e);

        assertThat(shown).doesNotContain(sha).contains("422").contains("<sha256>");
    }
}
