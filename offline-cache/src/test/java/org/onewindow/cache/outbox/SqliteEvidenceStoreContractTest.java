package org.onewindow.cache.outbox;

import java.nio.file.Path;
import java.time.Duration;
import org.onewindow.cache.testing.MutableClock;
import org.onewindow.cache.testing.TestKeys;

/** The SQLite outbox against the outbox contract. */
class SqliteEvidenceStoreContractTest extends EvidenceStoreContractTest {
    @Override
    protected Outbox open(Path folder, MutableClock clock, Duration keep) throws Exception {
        return SqliteEvidenceStore.open(folder, TestKeys.shared(), clock, StoreOptions.DEFAULTS.withRetention(keep));
    }
}
