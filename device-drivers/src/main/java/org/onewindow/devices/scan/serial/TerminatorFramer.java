package org.onewindow.devices.scan.serial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a byte stream into codes at a terminator. Pure logic on byte arrays so it is tested without a port.
 * CR/LF bytes at the start of a frame are dropped (a scanner that sends CR LF while the terminator is CR),
 * and empty frames are never delivered. Not thread-safe: one reader thread feeds it.
 */
public final class TerminatorFramer {

    private final byte[] terminator;
    private final int maxFrameBytes;
    private byte[] buffer = new byte[256];
    private int size;

    public TerminatorFramer(byte[] terminator, int maxFrameBytes) {
        this.terminator = terminator.clone();
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Feeds bytes; returns the frames they complete (possibly none). */
    public List<byte[]> feed(byte[] data, int offset, int length) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            if (size == 0 && (b == '\r' || b == '\n')) {
                continue;
            }
            append(b);
            if (terminator.length > 0 && endsWithTerminator()) {
                if (size > terminator.length) {
                    frames.add(Arrays.copyOf(buffer, size - terminator.length));
                }
                size = 0;
            } else if (size >= maxFrameBytes) {
                frames.add(Arrays.copyOf(buffer, size));
                size = 0;
            }
        }
        return frames;
    }

    /** Delivers what is buffered (after a pause); empty if nothing is. */
    public List<byte[]> flush() {
        if (size == 0) {
            return List.of();
        }
        byte[] frame = Arrays.copyOf(buffer, size);
        size = 0;
        return List.of(frame);
    }

    public boolean hasPartialFrame() {
        return size > 0;
    }

    private void append(byte b) {
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(Math.max(16, buffer.length * 2), maxFrameBytes + terminator.length + 1));
        }
        buffer[size++] = b;
    }

    private boolean endsWithTerminator() {
        int offset = size - terminator.length;
        if (offset < 0) {
            return false;
        }
        for (int i = 0; i < terminator.length; i++) {
            if (buffer[offset + i] != terminator[i]) {
                return false;
            }
        }
        return true;
    }
}
