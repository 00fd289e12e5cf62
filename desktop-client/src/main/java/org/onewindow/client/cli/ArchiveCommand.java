package org.onewindow.client.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.onewindow.cache.crypto.WorkstationKeys;
import org.onewindow.cache.outbox.ChainVerifier;
import org.onewindow.cache.outbox.OutboxLayout;
import org.onewindow.cache.outbox.SqliteEvidenceStore;
import org.onewindow.cache.outbox.StoreOptions;
import org.onewindow.core.evidence.OutboxStatus;
import org.onewindow.core.evidence.PackageState;
import org.onewindow.core.evidence.StoredPackage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code onewindow archive ...}: IT's tools for the evidence outbox. Exit codes: 0 fine, 1 a problem was
 * found (broken chain, blocked packages left), 2 the outbox could not be opened.
 */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Check and recover the workstation's evidence outbox.",
        subcommands = {ArchiveCommand.VerifyChain.class, ArchiveCommand.Status.class,
                ArchiveCommand.RetryBlocked.class, ArchiveCommand.Receipts.class})
public final class ArchiveCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int PROBLEM = 1;
    static final int CANNOT_OPEN = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CANNOT_OPEN;
    }

    /** The {@code --data DIR} option every sub-command takes. */
    static final class DataOption {
        @Option(names = "--data", paramLabel = "DIR",
                description = "The workstation's data folder (default: ${DEFAULT-VALUE}).",
                defaultValue = "${sys:user.home}/.onewindow/data")
        Path dataDir;

        /** Opens the existing outbox read-write, or explains on stderr why it cannot. */
        SqliteEvidenceStore open(CommandSpec spec) {
            OutboxLayout layout = new OutboxLayout(dataDir);
            PrintWriter err = spec.commandLine().getErr();
            if (!layout.exists()) {
                err.println("No outbox at " + layout.databaseFile() + " (check --data).");
                return null;
            }
            try {
                WorkstationKeys keys = layout.openExistingKeys();
                return layout.openStore(keys, Clock.systemUTC(), StoreOptions.DEFAULTS);
            } catch (Exception e) {
                err.println("Cannot open the outbox in " + dataDir + ": " + e.getMessage());
                return null;
            }
        }
    }

    /** A sub-command that works on the opened outbox: opening, the missing-outbox message and closing are here. */
    abstract static class StoreCommand implements Callable<Integer> {
        @Mixin
        DataOption data;
        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() throws Exception {
            try (SqliteEvidenceStore store = data.open(spec)) {
                return store == null ? CANNOT_OPEN : run(store, spec.commandLine().getOut());
            }
        }

        abstract int run(SqliteEvidenceStore store, PrintWriter out) throws Exception;
    }

    @Command(name = "verify-chain", mixinStandardHelpOptions = true,
            description = "Check the hash chain of every package and report the first break.")
    static final class VerifyChain extends StoreCommand {
        @Override
        int run(SqliteEvidenceStore store, PrintWriter out) throws Exception {
            String integrity = store.integrityCheck();
            if (!"ok".equals(integrity)) {
                out.println("DATABASE DAMAGED: integrity_check says: " + integrity);
                return PROBLEM;
            }
            ChainVerifier.Report report = new ChainVerifier(store.keys().publicKey()).verify(store);
            if (report.intact()) {
                out.printf("Chain intact: %d packages checked (%d with a local copy, the rest purged after "
                        + "their receipt).%n", report.checked(), report.withLocalCopy());
                return OK;
            }
            ChainVerifier.Break b = report.firstBreak();
            out.printf("CHAIN BROKEN at package %s (#%d): %s.%n", b.packageId(), b.seq(), b.reason());
            out.printf("The %d packages before it are intact. See docs/archive.md, \"When the chain is "
                    + "broken\".%n", report.checked());
            return PROBLEM;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Pending and blocked packages, the oldest pending age and the blocked packages' errors.")
    static final class Status extends StoreCommand {
        @Override
        int run(SqliteEvidenceStore store, PrintWriter out) throws Exception {
            OutboxStatus status = store.status();
            out.printf("Pending: %d%n", status.pending());
            if (status.oldestPending() != null) {
                out.printf("Oldest pending: %s (%s ago)%n", status.oldestPending(),
                        age(Duration.between(status.oldestPending(), Instant.now())));
            }
            List<StoredPackage> withErrors = store.all().stream()
                    .filter(p -> p.lastError() != null && p.state() != PackageState.ARCHIVED)
                    .toList();
            withErrors.stream().filter(p -> p.state() == PackageState.PENDING)
                    .reduce((a, b) -> b)
                    .ifPresent(p -> out.printf("Last error: %s%n", p.lastError()));
            out.printf("Blocked: %d%n", status.blocked());
            for (StoredPackage p : store.blocked()) {
                out.printf("  %s  case %s  stored %s  %s%n", p.packageId(), p.caseId(), p.storedAt(), p.lastError());
            }
            if (status.blocked() > 0) {
                out.println("Fix the cause, then: onewindow archive retry-blocked [--package ID]");
                return PROBLEM;
            }
            return OK;
        }

        private static String age(Duration d) {
            if (d.toDays() > 0) {
                return d.toDays() + " d " + d.toHoursPart() + " h";
            }
            if (d.toHours() > 0) {
                return d.toHours() + " h " + d.toMinutesPart() + " min";
            }
            return Math.max(0, d.toMinutes()) + " min";
        }
    }

    @Command(name = "retry-blocked", mixinStandardHelpOptions = true,
            description = "Put blocked packages back in the queue (all, or one with --package).")
    static final class RetryBlocked extends StoreCommand {
        @Option(names = "--package", paramLabel = "ID", description = "Only this package.")
        String packageId;

        @Override
        int run(SqliteEvidenceStore store, PrintWriter out) throws Exception {
            List<String> ids = packageId != null ? List.of(packageId)
                    : store.blocked().stream().map(StoredPackage::packageId).toList();
            int retried = 0;
            for (String id : ids) {
                if (store.retryBlocked(id)) {
                    retried++;
                    out.printf("Queued again: %s%n", id);
                } else {
                    spec.commandLine().getErr().printf("Not blocked: %s%n", id);
                }
            }
            out.printf("%d package(s) queued again; the running client sends them on its next pass.%n", retried);
            return packageId != null && retried == 0 ? PROBLEM : OK;
        }
    }

    @Command(name = "receipts", mixinStandardHelpOptions = true,
            description = "The packages of a case and the archive's receipts for them.")
    static final class Receipts extends StoreCommand {
        @Option(names = "--case", paramLabel = "CASE", required = true, description = "The case id.")
        String caseId;

        @Override
        int run(SqliteEvidenceStore store, PrintWriter out) throws Exception {
            List<StoredPackage> packages = store.findByCase(caseId);
            if (packages.isEmpty()) {
                out.printf("No packages for case %s on this workstation.%n", caseId);
                return PROBLEM;
            }
            for (StoredPackage p : packages) {
                if (p.receipt() != null) {
                    out.printf("%s  ARCHIVED  receipt %s at %s  manifest %s%n", p.packageId(),
                            p.receipt().receiptNumber(), p.receipt().archivedAt(), p.receipt().manifestSha256());
                } else {
                    out.printf("%s  %s  stored %s%s%n", p.packageId(), p.state(), p.storedAt(),
                            p.lastError() == null ? "" : "  " + p.lastError());
                }
            }
            return OK;
        }
    }

    /** For scripts and tests: {@code new CommandLine(new ArchiveCommand()).execute(args)}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ArchiveCommand()).execute(args));
    }
}
