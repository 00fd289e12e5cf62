package org.onewindow.cache.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.cache.crypto.WorkstationKeys;
import org.onewindow.cache.testing.MutableClock;
import org.onewindow.cache.testing.TestKeys;
import org.onewindow.cache.testing.TestPackages;
import org.onewindow.core.backend.ArchiveReceipt;
import org.onewindow.core.evidence.StoredPackage;

class ChainVerifierTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.atDefaultStart();
    private final ChainVerifier verifier = new ChainVerifier(TestKeys.shared().publicKey());

    @BeforeEach
    void fiveChainedPackagesTheFirstTwoArchivedAndPurged() throws Exception {
        try (SqliteEvidenceStore store = open()) {
            for (int i = 1; i <= 5; i++) {
                StoredPackage p = store.commit(TestPackages.small("p-" + i, "case-1", i));
                if (i <= 2) {
                    store.markArchived(p.packageId(), new ArchiveReceipt(p.packageId(), "ARC-" + i, p.packageHash(),
                            Instant.parse("2026-11-29T09:00:00Z"), "sig"));
                }
            }
        }
    }

    private SqliteEvidenceStore open() throws Exception {
        return SqliteEvidenceStore.open(dir, TestKeys.shared(), clock);
    }

    private void tamper(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteEvidenceStore.DATABASE_FILE));
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private ChainVerifier.Report verify() throws Exception {
        try (SqliteEvidenceStore store = open()) {
            return verifier.verify(store);
        }
    }

    @Test
    void anUntouchedChainIsIntactIncludingPurgedLinks() throws Exception {
        ChainVerifier.Report report = verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.checked()).isEqualTo(5);
        assertThat(report.withLocalCopy()).isEqualTo(3);
    }

    @Test
    void aRemovedPackageBreaksTheChainAtItsSuccessor() throws Exception {
        tamper("DELETE FROM blobs WHERE package_seq = 3");
        tamper("DELETE FROM packages WHERE package_id = 'p-3'");

        ChainVerifier.Report report = verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.checked()).isEqualTo(2);
        assertThat(report.firstBreak().packageId()).isEqualTo("p-4");
        assertThat(report.firstBreak().reason()).contains("removed");
    }

    @Test
    void aManifestMovedToAnotherPackageIsCaught() throws Exception {
        tamper("UPDATE packages SET manifest = (SELECT manifest FROM packages WHERE package_id = 'p-5'), "
                + "wrapped_key = (SELECT wrapped_key FROM packages WHERE package_id = 'p-5') WHERE package_id = 'p-4'");

        ChainVerifier.Report report = verify();

        assertThat(report.firstBreak().packageId()).isEqualTo("p-4");
        assertThat(report.firstBreak().reason()).contains("cannot be decrypted");
    }

    @Test
    void aRewrittenPackageHashIsCaught() throws Exception {
        tamper("UPDATE packages SET package_hash = '" + "0".repeat(64) + "' WHERE package_id = 'p-3'");

        ChainVerifier.Report report = verify();

        assertThat(report.firstBreak().packageId()).isEqualTo("p-3");
        assertThat(report.firstBreak().reason()).contains("does not hash");
    }

    @Test
    void aReceiptForAnotherManifestIsCaughtEvenAfterPurge() throws Exception {
        tamper("UPDATE packages SET receipt_sha256 = '" + "1".repeat(64) + "' WHERE package_id = 'p-2'");

        ChainVerifier.Report report = verify();

        assertThat(report.firstBreak().packageId()).isEqualTo("p-2");
        assertThat(report.firstBreak().reason()).contains("receipt");
    }

    @Test
    void manifestsSignedByAnotherKeyAreCaught() throws Exception {
        WorkstationKeys other = WorkstationKeys.loadOrCreate(dir.resolve("k/other.p12"), "x".toCharArray(), "WS-9");

        ChainVerifier.Report report;
        try (SqliteEvidenceStore store = open()) {
            report = new ChainVerifier(other.publicKey()).verify(store);
        }

        assertThat(report.firstBreak().packageId()).isEqualTo("p-3");
        assertThat(report.firstBreak().reason()).contains("signature");
    }
}
