package org.onewindow.cache.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import org.onewindow.cache.crypto.WorkstationKeys;
import org.onewindow.core.evidence.EvidenceStoreException;

/**
 * Where the archive's local files live under the workstation's data folder, shared by the client's
 * composition root and the {@code onewindow archive} commands so both always open the same files:
 * <pre>
 *   DATA/keys/workstation.p12        workstation signing + wrapping keys (PKCS#12)
 *   DATA/keys/workstation.p12.pass   its password (owner-only), unless provisioning supplies one
 *   DATA/outbox/outbox.db (+ -wal)   the encrypted outbox
 * </pre>
 */
public record OutboxLayout(Path dataDir) {

    public Path keysFolder() {
        return dataDir.resolve("keys");
    }

    public Path outboxFolder() {
        return dataDir.resolve("outbox");
    }

    public Path databaseFile() {
        return outboxFolder().resolve(SqliteEvidenceStore.DATABASE_FILE);
    }

    /** The workstation's keys, created on first start. */
    public WorkstationKeys openOrCreateKeys(String workstationId) throws IOException, GeneralSecurityException {
        return WorkstationKeys.openInFolder(keysFolder(), workstationId);
    }

    /** The keys of an existing outbox (tools never create keys: new keys could not read the queue). */
    public WorkstationKeys openExistingKeys() throws IOException, GeneralSecurityException {
        if (!Files.exists(keysFolder().resolve(WorkstationKeys.KEYSTORE_FILE))) {
            throw new IOException("no workstation keystore in " + keysFolder());
        }
        return WorkstationKeys.openInFolder(keysFolder(), "unused");
    }

    public SqliteEvidenceStore openStore(WorkstationKeys keys, Clock clock, StoreOptions options)
            throws EvidenceStoreException {
        return SqliteEvidenceStore.open(outboxFolder(), keys, clock, options);
    }

    /** True when an outbox database exists here (tools refuse to create an empty one by mistake). */
    public boolean exists() {
        return Files.exists(databaseFile());
    }
}
