package org.onewindow.devices.scan.wedge;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells keyboard-wedge scans from typing, one character at a time, with timestamps supplied by the caller
 * (pure logic: no UI types, no clock of its own). Characters that might be part of a scan are held back;
 * once the burst resolves they come out either as a scan or as typing to be replayed, in their order.
 * Enter must be fed as {@code '\n'} (CR and CRLF are normalised by {@link WedgeSettings}).
 * Not thread-safe: feed it from one thread (the UI thread).
 */
public final class WedgeBurstDetector {

    /**
     * What to do after one input.
     *
     * @param consumeCurrent whether the character just fed is held back (true) or may reach its target now
     * @param replayAsTyping earlier held characters that turned out to be typing, to deliver before anything
     *                       else (and before the current character when it is not consumed)
     * @param scans          completed scan bodies, prefix and suffix removed
     */
    public record Step(boolean consumeCurrent, String replayAsTyping, List<String> scans) {
        static final Step NOTHING = new Step(false, "", List.of());

        public boolean isIdle() {
            return !consumeCurrent && replayAsTyping.isEmpty() && scans.isEmpty();
        }
    }

    private final WedgeSettings settings;
    private final long maxGapNanos;
    private final StringBuilder held = new StringBuilder();
    private long lastNanos;
    private boolean prefixComplete;

    public WedgeBurstDetector(WedgeSettings settings) {
        this.settings = settings;
        this.maxGapNanos = settings.maxGap().toNanos();
    }

    public WedgeSettings settings() {
        return settings;
    }

    /** True while characters are held back waiting for the burst to resolve. */
    public boolean isHolding() {
        return held.length() > 0;
    }

    /** Feeds one character typed at {@code nanos} (any monotonic time base, e.g. System.nanoTime()). */
    public Step onChar(char c, long nanos) {
        StringBuilder replay = new StringBuilder();
        List<String> scans = new ArrayList<>(1);
        if (held.length() > 0 && nanos - lastNanos > maxGapNanos) {
            resolveAfterPause(replay, scans);
        }
        lastNanos = nanos;
        String prefix = settings.prefix();
        String suffix = settings.suffix();

        if (held.length() == 0) {
            boolean mayStartBurst = prefix.isEmpty()
                    ? suffix.isEmpty() || c != suffix.charAt(0) // a burst never starts with its suffix (lone Enter)
                    : c == prefix.charAt(0);
            if (!mayStartBurst) {
                return new Step(false, replay.toString(), List.copyOf(scans));
            }
        }
        held.append(c);

        if (!prefix.isEmpty() && !prefixComplete) {
            if (!prefix.startsWith(held.toString())) {
                replay.append(held); // the current character goes out with the rest, in order
                clear();
                return new Step(true, replay.toString(), List.copyOf(scans));
            }
            prefixComplete = held.length() == prefix.length();
            return new Step(true, replay.toString(), List.copyOf(scans));
        }

        int bodyStart = prefix.length();
        if (!suffix.isEmpty() && held.length() >= bodyStart + suffix.length() && endsWith(held, suffix)) {
            String body = held.substring(bodyStart, held.length() - suffix.length());
            if (body.length() >= requiredLength()) {
                scans.add(body);
            } else {
                replay.append(held);
            }
            clear();
        } else if (held.length() - bodyStart >= settings.maxLength()) {
            scans.add(held.substring(bodyStart));
            clear();
        }
        return new Step(true, replay.toString(), List.copyOf(scans));
    }

    /** Call regularly (every few ms while {@link #isHolding()}) so a pause ends a burst without a next key. */
    public Step onIdle(long nanos) {
        if (held.length() == 0 || nanos - lastNanos <= maxGapNanos) {
            return Step.NOTHING;
        }
        StringBuilder replay = new StringBuilder();
        List<String> scans = new ArrayList<>(1);
        resolveAfterPause(replay, scans);
        return new Step(false, replay.toString(), List.copyOf(scans));
    }

    private void resolveAfterPause(StringBuilder replay, List<String> scans) {
        int bodyStart = settings.prefix().length();
        boolean complete = settings.prefix().isEmpty() || prefixComplete;
        if (settings.suffix().isEmpty() && complete && held.length() - bodyStart >= requiredLength()) {
            scans.add(held.substring(bodyStart));
        } else {
            replay.append(held);
        }
        clear();
    }

    // with a prefix the burst has already proved itself a scan, so one character is enough
    private int requiredLength() {
        return settings.prefix().isEmpty() ? settings.minLength() : 1;
    }

    private static boolean endsWith(StringBuilder sb, String suffix) {
        int offset = sb.length() - suffix.length();
        for (int i = 0; i < suffix.length(); i++) {
            if (sb.charAt(offset + i) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void clear() {
        held.setLength(0);
        prefixComplete = false;
    }
}
