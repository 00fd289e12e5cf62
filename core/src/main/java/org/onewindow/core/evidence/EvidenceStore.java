package org.onewindow.core.evidence;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The workstation's durable evidence outbox. {@link #commit} returns only once the package is on disk
 * (fsync): that is when the UI may say "archived locally". Blocking: never call on the UI thread.
 */
public interface EvidenceStore extends AutoCloseable {

    StoredPackage commit(EvidencePackage evidence) throws EvidenceStoreException;

    Optional<StoredPackage> find(String packageId) throws EvidenceStoreException;

    OutboxStatus status();

    /**
     * Every package of a case, oldest first, with the archive's receipt once ARCHIVED. Receipts stay
     * queryable after the local copy is purged.
     */
    default List<StoredPackage> findByCase(String caseId) throws EvidenceStoreException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not list packages by case");
    }

    /** The packages the archive rejected, oldest first: what IT looks at. */
    default List<StoredPackage> blocked() throws EvidenceStoreException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no blocked state");
    }

    /** IT's retry action: puts a BLOCKED package back in the queue. False when it is not BLOCKED. */
    default boolean retryBlocked(String packageId) throws EvidenceStoreException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no blocked state");
    }

    /** Called (on a store or sync thread; must not block) whenever a package changes state or status changes. */
    void addListener(Consumer<StoredPackage> listener);

    @Override
    void close();
}
