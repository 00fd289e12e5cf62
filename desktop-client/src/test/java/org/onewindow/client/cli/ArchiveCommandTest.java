package org.onewindow.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.cache.crypto.WorkstationKeys;
import org.onewindow.cache.outbox.OutboxLayout;
import org.onewindow.cache.outbox.SqliteEvidenceStore;
import org.onewindow.cache.outbox.StoreOptions;
import org.onewindow.core.backend.ArchiveReceipt;
import org.onewindow.core.evidence.EvidenceItem;
import org.onewindow.core.evidence.EvidencePackage;
import org.onewindow.core.evidence.StoredPackage;
import picocli.CommandLine;

class ArchiveCommandTest {
    @TempDir
    Path data;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void threePackagesOneArchivedOneBlocked() throws Exception {
        OutboxLayout layout = new OutboxLayout(data);
        WorkstationKeys keys = layout.openOrCreateKeys("WS-0301");
        try (SqliteEvidenceStore store = layout.openStore(keys, Clock.systemUTC(), StoreOptions.DEFAULTS)) {
            StoredPackage archived = store.commit(evidence("pkg-1", "case-A"));
            store.markArchived("pkg-1", new ArchiveReceipt("pkg-1", "ARC-2026-00000042", archived.packageHash(),
                    Instant.parse("2026-11-29T09:00:00Z"), "sig"));
            store.commit(evidence("pkg-2", "case-A"));
            store.commit(evidence("pkg-3", "case-B"));
            store.markBlocked("pkg-3", "archive rejected the package: back-end answered 409");
        }
    }

    private static EvidencePackage evidence(String id, String caseId) {
        return new EvidencePackage(id, caseId, "370100-SB-001", "clerk-07", "hall", "W03", "WS-0301",
                Instant.parse("2026-11-29T08:00:00Z"),
                List.of(new EvidenceItem("id-card", "application/json", ("{\"n\":\"" + id + "\"}").getBytes(), "ID card text")),
                List.of());
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ArchiveCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void verifyChainReportsAnIntactChain() {
        int code = run("verify-chain", "--data", data.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Chain intact: 3 packages checked (2 with a local copy");
    }

    @Test
    void verifyChainReportsTheFirstBreakAndExitsWithOne() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + new OutboxLayout(data).databaseFile());
             Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM blobs WHERE package_seq = 2");
            s.executeUpdate("DELETE FROM packages WHERE package_id = 'pkg-2'");
        }

        int code = run("verify-chain", "--data", data.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("CHAIN BROKEN at package pkg-3").contains("removed")
                .contains("The 1 packages before it are intact");
    }

    @Test
    void statusListsBlockedPackagesWithTheirError() {
        int code = run("status", "--data", data.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("Pending: 1").contains("Blocked: 1")
                .contains("pkg-3").contains("409").contains("retry-blocked");
    }

    @Test
    void retryBlockedQueuesThemAgain() {
        int code = run("retry-blocked", "--data", data.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Queued again: pkg-3");
        out.getBuffer().setLength(0);
        assertThat(run("status", "--data", data.toString())).isZero();
        assertThat(out.toString()).contains("Pending: 2").contains("Blocked: 0");
    }

    @Test
    void retryingAPackageThatIsNotBlockedSaysSo() {
        int code = run("retry-blocked", "--data", data.toString(), "--package", "pkg-2");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("Not blocked: pkg-2");
    }

    @Test
    void receiptsArePerCase() {
        int code = run("receipts", "--data", data.toString(), "--case", "case-A");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("pkg-1  ARCHIVED  receipt ARC-2026-00000042").contains("pkg-2  PENDING")
                .doesNotContain("pkg-3");
    }

    @Test
    void aMissingOutboxIsExplainedNotCreated() {
        Path elsewhere = data.resolve("nothing-here");

        int code = run("status", "--data", elsewhere.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("No outbox at");
        assertThat(elsewhere).doesNotExist();
    }

    @Test
    void theSubcommandsAreRegistered() {
        Map<String, CommandLine> subs = new CommandLine(new ArchiveCommand()).getSubcommands();

        assertThat(subs).containsKeys("verify-chain", "status", "retry-blocked", "receipts");
    }
}
