package org.onewindow.core.evidence;

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

    /** Called (on a store or sync thread; must not block) whenever a package changes state or status changes. */
    void addListener(Consumer<StoredPackage> listener);

    @Override
    void close();
}
