package org.onewindow.cache.sync;

/**
 * How one sync pass went.
 *
 * @param archived     packages the archive receipted in this pass
 * @param retried      packages that failed transiently and wait for their next attempt
 * @param blocked      packages the archive rejected (now BLOCKED)
 * @param stoppedEarly true when a transient failure ended the pass before every due package was tried
 * @param lastError    the last error of the pass in plain words, or null
 */
public record SyncResult(int archived, int retried, int blocked, boolean stoppedEarly, String lastError) {
}
