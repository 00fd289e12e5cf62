package org.onewindow.devices.scan.wedge;

import java.time.Duration;

/**
 * How a keyboard-wedge scanner is told apart from a person typing.
 *
 * @param maxGap    longest pause between two characters of one scan; scanners send a character every
 *                  1–15 ms, people rarely type two keys less than 60 ms apart for long
 * @param minLength shortest scan body (without prefix/suffix); shorter fast bursts are treated as typing
 * @param prefix    characters the scanner sends before each code ("" = none). With a prefix, typing is
 *                  never delayed: only keys that start the prefix are held back
 * @param suffix    characters the scanner sends after each code, usually Enter ("\n"); "" = the burst ends
 *                  when the keys stop for longer than {@code maxGap}
 * @param maxLength a burst longer than this is delivered as a scan at once (keeps memory bounded)
 */
public record WedgeSettings(Duration maxGap, int minLength, String prefix, String suffix, int maxLength) {

    public WedgeSettings {
        if (maxGap.isNegative() || maxGap.isZero() || minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("max gap > 0 and 1 <= min length <= max length required");
        }
        prefix = normalise(prefix);
        suffix = normalise(suffix);
    }

    /** Suffix Enter, no prefix, 50 ms gap, at least 4 characters, at most 16 KiB. */
    public static WedgeSettings defaults() {
        return new WedgeSettings(Duration.ofMillis(50), 4, "", "\n", 16 * 1024);
    }

    public WedgeSettings withPrefix(String newPrefix) {
        return new WedgeSettings(maxGap, minLength, newPrefix, suffix, maxLength);
    }

    public WedgeSettings withSuffix(String newSuffix) {
        return new WedgeSettings(maxGap, minLength, prefix, newSuffix, maxLength);
    }

    public WedgeSettings withMaxGap(Duration newGap) {
        return new WedgeSettings(newGap, minLength, prefix, suffix, maxLength);
    }

    // Enter arrives as CR or LF depending on platform and scanner; the detector sees it as '\n'
    private static String normalise(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
