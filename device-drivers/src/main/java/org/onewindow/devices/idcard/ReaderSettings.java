package org.onewindow.devices.idcard;

/**
 * Timing and checking rules of the protocol driver.
 *
 * @param commandTimeoutMillis  wait for the answer to a short command
 * @param cardReadBaseMillis    wait for a card-read answer, on top of twice its wire time at the line rate
 * @param retries               extra attempts after line damage (checksum, length, truncation, no answer)
 * @param lineIdleMillis        silence after which a partial frame is given up (inter-frame gap)
 * @param checkIdNumbers        reject a card whose number fails the GB 11643 check as a damaged read. Off by
 *                              default: the frame checksum already catches line damage, and a card that the
 *                              security module read but whose number is wrong must reach the clerk as INVALID
 *                              (and be archived as evidence), not vanish as "read failed".
 */
public record ReaderSettings(int commandTimeoutMillis, int cardReadBaseMillis, int retries, int lineIdleMillis,
                             boolean checkIdNumbers) {

    /** The largest card answer (30 10, with fingerprints) is about 2,330 bytes; round up. */
    private static final int LARGEST_ANSWER_BYTES = 2_400;

    public static ReaderSettings defaults() {
        return new ReaderSettings(500, 1_500, 2, 100, false);
    }

    public ReaderSettings withCommandTimeoutMillis(int millis) {
        return new ReaderSettings(millis, cardReadBaseMillis, retries, lineIdleMillis, checkIdNumbers);
    }

    public ReaderSettings withRetries(int count) {
        return new ReaderSettings(commandTimeoutMillis, cardReadBaseMillis, count, lineIdleMillis, checkIdNumbers);
    }

    public ReaderSettings withCardReadBaseMillis(int millis) {
        return new ReaderSettings(commandTimeoutMillis, millis, retries, lineIdleMillis, checkIdNumbers);
    }

    /** The card-read timeout at a line rate: the base plus twice the wire time of the largest answer. */
    public int cardReadTimeoutMillis(int baud) {
        return cardReadBaseMillis + (int) (2L * LARGEST_ANSWER_BYTES * 10_000 / baud);
    }
}
