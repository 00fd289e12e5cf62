package org.onewindow.cache.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.cache.crypto.Hashes;
import org.onewindow.cache.testing.MutableClock;
import org.onewindow.cache.testing.TestKeys;
import org.onewindow.cache.testing.TestPackages;
import org.onewindow.core.backend.ArchiveReceipt;
import org.onewindow.core.evidence.EvidenceItem;
import org.onewindow.core.evidence.EvidencePackage;
import org.onewindow.core.evidence.OutboxStatus;
import org.onewindow.core.evidence.PackageState;
import org.onewindow.core.evidence.StoredPackage;

/**
 * The contract every outbox implementation passes ({@link org.onewindow.core.evidence.EvidenceStore} plus
 * the sync side in {@link Outbox}). Subclasses say how to open one; time is a {@link MutableClock}.
 */
public abstract class EvidenceStoreContractTest {
    @TempDir
    Path folder;
    protected final MutableClock clock = MutableClock.atDefaultStart();
    protected Outbox store;

    /** Opens (or re-opens) the implementation under test on {@code folder} with retention {@code keep}. */
    protected abstract Outbox open(Path folder, MutableClock clock, Duration keep) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open(folder, clock, Duration.ZERO);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static ArchiveReceipt receiptFor(StoredPackage p) {
        return new ArchiveReceipt(p.packageId(), "ARC-2026-00000001", p.packageHash(),
                Instant.parse("2026-11-29T08:05:00Z"), "c2lnbmF0dXJl");
    }

    @Test
    void committedPackageIsFoundPendingWithItsHash() throws Exception {
        StoredPackage stored = store.commit(TestPackages.small("p-1", "case-1", 1));

        assertThat(stored.state()).isEqualTo(PackageState.PENDING);
        assertThat(stored.caseId()).isEqualTo("case-1");
        assertThat(stored.storedAt()).isEqualTo(clock.instant());
        assertThat(stored.packageHash()).matches("[0-9a-f]{64}");
        assertThat(store.find("p-1")).contains(stored);
    }

    @Test
    void unknownPackageIsNotFound() throws Exception {
        assertThat(store.find("nope")).isEmpty();
    }

    @Test
    void committingTheSamePackageAgainReturnsTheStoredOne() throws Exception {
        EvidencePackage evidence = TestPackages.small("p-1", "case-1", 1);
        StoredPackage first = store.commit(evidence);

        StoredPackage again = store.commit(evidence);

        assertThat(again).isEqualTo(first);
        assertThat(store.status().pending()).isEqualTo(1);
    }

    @Test
    void reusingAPackageIdForOtherContentIsRefused() throws Exception {
        store.commit(TestPackages.small("p-1", "case-1", 1));

        assertThatThrownBy(() -> store.commit(TestPackages.small("p-1", "case-1", 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packageIdsTheArchiveWouldRefuseAreRefusedAtCommit() {
        assertThatThrownBy(() -> store.commit(TestPackages.small("has space", "case-1", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadGivesBackTheExactContentAndTheSignedManifestThatHashesToThePackageHash() throws Exception {
        EvidencePackage evidence = TestPackages.small("p-1", "case-1", 7);
        StoredPackage stored = store.commit(evidence);

        OutgoingPackage out = store.load("p-1");

        assertThat(Hashes.sha256Hex(out.manifest())).isEqualTo(stored.packageHash());
        assertThat(out.blobs()).hasSize(evidence.items().size());
        for (int i = 0; i < evidence.items().size(); i++) {
            EvidenceItem item = evidence.items().get(i);
            assertThat(out.blobs().get(i).content()).isEqualTo(item.content());
            assertThat(out.blobs().get(i).sha256()).isEqualTo(Hashes.sha256Hex(item.content()));
        }
        JsonNode manifest = ManifestCodec.parse(out.manifest());
        assertThat(manifest.path("packageId").asText()).isEqualTo("p-1");
        assertThat(manifest.path("workstation").asText()).isEqualTo("WS-0301");
        assertThat(manifest.path("items").get(1).path("size").asInt()).isEqualTo(evidence.items().get(1).content().length);
        assertThat(ManifestCodec.signatureValid(manifest, TestKeys.shared().publicKey())).isTrue();
    }

    @Test
    void eachPackageNamesThePreviousPackagesHash() throws Exception {
        StoredPackage first = store.commit(TestPackages.small("p-1", "case-1", 1));
        StoredPackage second = store.commit(TestPackages.small("p-2", "case-1", 2));

        JsonNode m1 = ManifestCodec.parse(store.load("p-1").manifest());
        JsonNode m2 = ManifestCodec.parse(store.load("p-2").manifest());

        assertThat(m1.get("previousPackageHash").isNull()).isTrue();
        assertThat(m2.path("previousPackageHash").asText()).isEqualTo(first.packageHash());
        assertThat(second.packageHash()).isNotEqualTo(first.packageHash());
    }

    @Test
    void statusCountsPendingAndAgesTheOldest() throws Exception {
        Instant firstStored = clock.instant();
        store.commit(TestPackages.small("p-1", "case-1", 1));
        clock.advance(Duration.ofMinutes(5));
        store.commit(TestPackages.small("p-2", "case-1", 2));

        OutboxStatus status = store.status();

        assertThat(status.pending()).isEqualTo(2);
        assertThat(status.blocked()).isZero();
        assertThat(status.oldestPending()).isEqualTo(firstStored);
    }

    @Test
    void emptyOutboxReportsNothingPending() {
        OutboxStatus status = store.status();

        assertThat(status.pending()).isZero();
        assertThat(status.oldestPending()).isNull();
    }

    @Test
    void listenersHearEveryStateChange() throws Exception {
        List<PackageState> heard = new ArrayList<>();
        store.addListener(p -> heard.add(p.state()));

        StoredPackage p = store.commit(TestPackages.small("p-1", "case-1", 1));
        store.markArchived("p-1", receiptFor(p));

        assertThat(heard).containsExactly(PackageState.PENDING, PackageState.ARCHIVED);
    }

    @Test
    void dueIsOldestFirstAndHonoursTheNextAttemptTime() throws Exception {
        store.commit(TestPackages.small("p-1", "case-1", 1));
        store.commit(TestPackages.small("p-2", "case-1", 2));

        Outbox.DueRef first = store.nextDue(clock.instant(), 0).orElseThrow();
        assertThat(first.packageId()).isEqualTo("p-1");
        assertThat(store.nextDue(clock.instant(), first.seq()).orElseThrow().packageId()).isEqualTo("p-2");

        StoredPackage retried = store.markRetry("p-1", "archive unreachable", clock.instant().plusSeconds(60));
        assertThat(retried.lastError()).isEqualTo("archive unreachable");
        assertThat(store.nextDue(clock.instant(), 0).orElseThrow().packageId()).isEqualTo("p-2");
        assertThat(store.nextAttemptAt()).contains(Instant.EPOCH);

        clock.advance(Duration.ofSeconds(60));
        Outbox.DueRef again = store.nextDue(clock.instant(), 0).orElseThrow();
        assertThat(again.packageId()).isEqualTo("p-1");
        assertThat(again.attempts()).isEqualTo(1);
    }

    @Test
    void blockedPackagesAreListedAndITCanPutThemBack() throws Exception {
        store.commit(TestPackages.small("p-1", "case-1", 1));

        StoredPackage blocked = store.markBlocked("p-1", "archive rejected the package: 409");

        assertThat(blocked.state()).isEqualTo(PackageState.BLOCKED);
        assertThat(store.blocked()).extracting(StoredPackage::packageId).containsExactly("p-1");
        assertThat(store.status().blocked()).isEqualTo(1);
        assertThat(store.status().pending()).isZero();
        assertThat(store.nextDue(clock.instant(), 0)).isEmpty();

        assertThat(store.retryBlocked("p-1")).isTrue();

        assertThat(store.find("p-1").orElseThrow().state()).isEqualTo(PackageState.PENDING);
        assertThat(store.find("p-1").orElseThrow().lastError()).isNull();
        assertThat(store.nextDue(clock.instant(), 0).orElseThrow().attempts()).isZero();
        assertThat(store.retryBlocked("p-1")).isFalse();
    }

    @Test
    void archivedPackageKeepsItsReceiptPerCaseAfterTheLocalCopyIsPurged() throws Exception {
        StoredPackage p = store.commit(TestPackages.small("p-1", "case-1", 1));
        store.commit(TestPackages.small("p-2", "case-2", 2));

        StoredPackage archived = store.markArchived("p-1", receiptFor(p));

        assertThat(archived.state()).isEqualTo(PackageState.ARCHIVED);
        assertThat(archived.receipt()).isEqualTo(receiptFor(p));
        assertThat(store.findByCase("case-1")).containsExactly(archived);
        assertThat(store.status().pending()).isEqualTo(1);
        // retention zero: the local copy is gone at once
        assertThatThrownBy(() -> store.load("p-1"))
                .isInstanceOf(org.onewindow.core.evidence.EvidenceStoreException.class);
    }

    @Test
    void retentionKeepsTheLocalCopyUntilItHasPassed() throws Exception {
        store.close();
        store = open(folder, clock, Duration.ofDays(7));
        StoredPackage p = store.commit(TestPackages.small("p-1", "case-1", 1));
        store.markArchived("p-1", receiptFor(p));

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        assertThat(store.purgeExpired()).isZero();
        assertThat(store.load("p-1").blobs()).hasSize(5);

        clock.advance(Duration.ofMinutes(1));
        assertThat(store.purgeExpired()).isEqualTo(1);
        assertThatThrownBy(() -> store.load("p-1"))
                .isInstanceOf(org.onewindow.core.evidence.EvidenceStoreException.class);
        assertThat(store.find("p-1").orElseThrow().receipt()).isNotNull();
    }

    @Test
    void everythingSurvivesReopening() throws Exception {
        StoredPackage p1 = store.commit(TestPackages.small("p-1", "case-1", 1));
        store.markRetry("p-1", "archive failed", clock.instant().plusSeconds(30));
        store.close();

        store = open(folder, clock, Duration.ZERO);

        assertThat(store.find("p-1").orElseThrow().packageHash()).isEqualTo(p1.packageHash());
        assertThat(store.find("p-1").orElseThrow().lastError()).isEqualTo("archive failed");
        StoredPackage p2 = store.commit(TestPackages.small("p-2", "case-1", 2));
        JsonNode m2 = ManifestCodec.parse(store.load(p2.packageId()).manifest());
        assertThat(m2.path("previousPackageHash").asText()).isEqualTo(p1.packageHash());
    }
}
