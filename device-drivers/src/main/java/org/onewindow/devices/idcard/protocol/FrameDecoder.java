package org.onewindow.devices.idcard.protocol;

import java.util.ArrayDeque;
import java.util.Queue;
import org.onewindow.core.device.DeviceException;

/**
 * Streaming decoder with resynchronisation. Bytes before a preamble are skipped; a candidate frame that
 * fails its length or checksum check is reported and the search restarts one byte after its preamble,
 * so a good frame hidden behind garbage is still found. Memory is bounded by
 * {@link FrameCodec#MAX_FRAME_BYTES}: whatever arrives, the decoder never holds more.
 *
 * <p>A frame whose declared length runs past the bytes received stays pending until more bytes arrive
 * or the caller reports that the line went quiet ({@link #lineIdle()}), the UART notion of an
 * inter-frame gap. Not thread-safe: one reader thread owns it.
 */
public final class FrameDecoder {
    private final byte[] buffer = new byte[FrameCodec.MAX_FRAME_BYTES];
    private int start;
    private int end;
    private long skippedBytes;
    private final Queue<DecodeEvent> events = new ArrayDeque<>();

    /** Feeds received bytes; decoded frames and damage reports queue up for {@link #poll()}. */
    public void feed(byte[] data, int offset, int length) {
        int pos = offset;
        int stop = offset + length;
        while (pos < stop) {
            compact();
            int n = Math.min(buffer.length - end, stop - pos);
            System.arraycopy(data, pos, buffer, end, n);
            end += n;
            pos += n;
            scan();
        }
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /**
     * The line went quiet: a pending partial frame will never complete. Reports it as truncated and
     * rescans the bytes after its preamble (a complete frame may sit inside).
     */
    public void lineIdle() {
        if (end - start >= FrameCodec.HEADER_LENGTH) {
            events.add(new DecodeEvent.Damaged(DeviceException.Kind.PROTOCOL,
                    "incomplete frame: the line went quiet after " + (end - start) + " of "
                            + (FrameCodec.HEADER_LENGTH + declaredLength()) + " bytes"));
        }
        while (end > start) {
            dropBytes(1);
            scan();
        }
    }

    /** The next event, or null when none is waiting. */
    public DecodeEvent poll() {
        return events.poll();
    }

    /** Forgets everything buffered (stale bytes before a new command). */
    public void reset() {
        skippedBytes += end - start;
        start = 0;
        end = 0;
        events.clear();
    }

    public int bufferedBytes() {
        return end - start;
    }

    public int pendingEvents() {
        return events.size();
    }

    /** Bytes discarded so far while hunting for a preamble (noise on the line). */
    public long skippedBytes() {
        return skippedBytes;
    }

    private void scan() {
        while (true) {
            int p = preambleCandidate();
            if (p > start) {
                dropBytes(p - start);
            }
            if (end - start < FrameCodec.HEADER_LENGTH) {
                return;
            }
            int len = declaredLength();
            if (len < FrameCodec.MIN_LEN || len > FrameCodec.MAX_LEN) {
                events.add(new DecodeEvent.Damaged(DeviceException.Kind.LENGTH,
                        "declared frame length " + len + " is outside " + FrameCodec.MIN_LEN + ".."
                                + FrameCodec.MAX_LEN));
                dropBytes(1);
                continue;
            }
            int total = FrameCodec.HEADER_LENGTH + len;
            if (end - start < total) {
                return;
            }
            byte expected = FrameCodec.xor(buffer, start + 5, start + total - 1);
            byte actual = buffer[start + total - 1];
            if (expected != actual) {
                events.add(new DecodeEvent.Damaged(DeviceException.Kind.CHECKSUM, String.format(
                        "checksum mismatch in a %d-byte frame: computed %02X, received %02X", total, expected, actual)));
                dropBytes(1);
                continue;
            }
            byte[] body = new byte[len - 1];
            System.arraycopy(buffer, start + FrameCodec.HEADER_LENGTH, body, 0, body.length);
            events.add(new DecodeEvent.Decoded(new Frame(body)));
            start += total;
        }
    }

    /**
     * Index of the first full preamble, or of a trailing partial preamble that may complete with the
     * next bytes, or {@code end} when neither exists.
     */
    private int preambleCandidate() {
        byte[] pre = FrameCodec.PREAMBLE;
        outer:
        for (int i = start; i < end; i++) {
            for (int k = 0; k < pre.length; k++) {
                if (i + k >= end) {
                    return i;
                }
                if (buffer[i + k] != pre[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return end;
    }

    private int declaredLength() {
        return ((buffer[start + 5] & 0xFF) << 8) | (buffer[start + 6] & 0xFF);
    }

    private void dropBytes(int n) {
        start += n;
        skippedBytes += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    private void compact() {
        if (start > 0 && end == buffer.length) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
    }
}
