package org.onewindow.core.device;

import java.time.Instant;

/**
 * One camera frame as packed ARGB pixels (row-major, {@code width * height} ints). Immutable by
 * convention: producers hand over a fresh array and never touch it again.
 */
public record Frame(int width, int height, int[] argb, Instant capturedAt, long sequence) {
    public Frame {
        if (width <= 0 || height <= 0 || argb == null || argb.length != width * height) {
            throw new IllegalArgumentException("frame size does not match pixel count");
        }
    }
}
