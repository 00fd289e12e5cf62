package org.onewindow.cache.reliability;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.onewindow.cache.crypto.WorkstationKeys;
import org.onewindow.cache.outbox.SqliteEvidenceStore;
import org.onewindow.cache.sync.SyncEngine;
import org.onewindow.cache.sync.SyncListener;
import org.onewindow.core.evidence.StoredPackage;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;

/**
 * The child JVM of {@link CrashRecoveryTest}: opens the outbox (recovering whatever the last kill left),
 * starts the background sync to the parent's sandbox archive, and commits packages as fast as it can,
 * printing {@code DURABLE <id> <hash>} only after each commit has returned and {@code ARCHIVED <id>} after
 * each receipt. The parent kills it with SIGKILL at a random moment.
 *
 * <p>Arguments: data folder, archive base URI, first package number, number of packages.
 */
public final class CrashWorker {
    private CrashWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        URI archiveUri = URI.create(args[1]);
        int first = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        WorkstationKeys keys = WorkstationKeys.openInFolder(data.resolve("keys"), "WS-CRASH");
        SqliteEvidenceStore store = SqliteEvidenceStore.open(data.resolve("outbox"), keys, Clock.systemUTC());
        HttpHallServices archive = new HttpHallServices(new BackendConfig(archiveUri, "WS-CRASH",
                Duration.ofSeconds(1), Duration.ofSeconds(2)));
        SyncEngine engine = SyncEngine.builder(store, archive)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .pollInterval(Duration.ofMillis(50))
                .listener(new SyncListener() {
                    @Override
                    public void packageArchived(StoredPackage archived) {
                        out.println("ARCHIVED " + archived.packageId());
                    }
                })
                .build();
        engine.start();
        out.println("READY");
        for (int i = first; i < first + count; i++) {
            StoredPackage p = store.commit(CrashPackages.numbered(i));
            out.println("DURABLE " + p.packageId() + " " + p.packageHash());
        }
        out.println("DONE");
        // stay alive syncing until killed
        Thread.sleep(Long.MAX_VALUE);
    }
}
