package org.onewindow.cache.sync;

import org.onewindow.core.evidence.OutboxStatus;
import org.onewindow.core.evidence.StoredPackage;

/**
 * What the sync engine tells the UI and the logs. Called on the sync thread: be fast, never block
 * (hand over to the UI thread through its executor).
 */
public interface SyncListener {
    default void passStarted(OutboxStatus status) {
    }

    default void packageArchived(StoredPackage archived) {
    }

    /** {@code blocked}: the archive rejected it and it waits for IT; otherwise it will be retried. */
    default void packageFailed(StoredPackage failed, String error, boolean blocked) {
    }

    default void passFinished(SyncResult result, OutboxStatus status) {
    }

    /** The scheduled retention purge and compaction ran; {@code purged} local copies were deleted. */
    default void housekeepingDone(int purged) {
    }
}
