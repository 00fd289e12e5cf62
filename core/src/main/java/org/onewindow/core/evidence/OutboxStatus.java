package org.onewindow.core.evidence;

import java.time.Instant;

/**
 * What the clerk and IT see of the outbox.
 *
 * @param pending       packages stored locally and not yet receipted by the archive
 * @param blocked       packages the archive rejected; they wait for IT
 * @param oldestPending when the oldest pending package was stored, or null
 * @param lastError     the last sync error in plain words, or null
 * @param draining      true while a sync pass is working through a backlog
 */
public record OutboxStatus(int pending, int blocked, Instant oldestPending, String lastError, boolean draining) {
    public static final OutboxStatus EMPTY = new OutboxStatus(0, 0, null, null, false);
}
