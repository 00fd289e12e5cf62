package org.onewindow.cache.outbox;

import java.time.Instant;
import java.util.Optional;
import org.onewindow.core.backend.ArchiveReceipt;
import org.onewindow.core.evidence.EvidenceStore;
import org.onewindow.core.evidence.EvidenceStoreException;
import org.onewindow.core.evidence.StoredPackage;

/**
 * The sync engine's view of the outbox: what is due, in the clear, and how each attempt ended. The
 * attempt bookkeeping (attempts, next attempt time, last error) lives in the store, so a restarted
 * workstation resumes where it stopped.
 */
public interface Outbox extends EvidenceStore {

    /** The oldest PENDING package with sequence number above {@code afterSeq} that is due at {@code now}. */
    Optional<DueRef> nextDue(Instant now, long afterSeq) throws EvidenceStoreException;

    /** When the next PENDING package becomes due, or empty when none is pending. */
    Optional<Instant> nextAttemptAt() throws EvidenceStoreException;

    /** The package decrypted for upload. CRYPTO when it cannot be decrypted (wrong keystore, tampering). */
    OutgoingPackage load(String packageId) throws EvidenceStoreException;

    /** The archive's receipt was checked: ARCHIVED, purged at once when retention is zero. */
    StoredPackage markArchived(String packageId, ArchiveReceipt receipt) throws EvidenceStoreException;

    /** A transient failure: stays PENDING, tried again from {@code nextAttemptAt}. */
    StoredPackage markRetry(String packageId, String error, Instant nextAttemptAt) throws EvidenceStoreException;

    /** The archive rejected it: BLOCKED until IT retries it. */
    StoredPackage markBlocked(String packageId, String error) throws EvidenceStoreException;

    /** What the sync engine reports into {@link #status()}: last error (null clears it) and draining flag. */
    void reportSync(String lastError, boolean draining);

    /** Deletes local copies whose retention after the receipt has passed; returns how many. */
    int purgeExpired() throws EvidenceStoreException;

    /** Gives freed space back to the file system (incremental vacuum, WAL checkpoint). */
    void compact() throws EvidenceStoreException;

    /** A due package, not yet loaded. */
    record DueRef(long seq, String packageId, int attempts) {
    }
}
