package org.onewindow.cache.outbox;

import java.time.Duration;
import java.util.Objects;
import org.onewindow.cache.crypto.CipherSuite;

/**
 * How the outbox stores packages.
 *
 * @param cipherSuite      encryption of new packages (queued ones keep theirs)
 * @param retention        how long a local copy is kept after the archive's receipt; ZERO purges at once
 * @param maxDatabaseBytes a quota for the database file (0: only the disk limits it); reaching it is DISK_FULL
 */
public record StoreOptions(CipherSuite cipherSuite, Duration retention, long maxDatabaseBytes) {
    public static final StoreOptions DEFAULTS = new StoreOptions(CipherSuite.AES_256_GCM, Duration.ZERO, 0);

    public StoreOptions {
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative");
        }
        if (maxDatabaseBytes < 0) {
            throw new IllegalArgumentException("maxDatabaseBytes must not be negative");
        }
    }

    public StoreOptions withCipherSuite(CipherSuite suite) {
        return new StoreOptions(suite, retention, maxDatabaseBytes);
    }

    public StoreOptions withRetention(Duration keep) {
        return new StoreOptions(cipherSuite, keep, maxDatabaseBytes);
    }

    public StoreOptions withMaxDatabaseBytes(long bytes) {
        return new StoreOptions(cipherSuite, retention, bytes);
    }
}
