package org.onewindow.devices.idcard.protocol;

import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.DeviceException.Kind;
import org.onewindow.devices.idcard.link.ByteLink;

/**
 * Request/response over a {@link ByteLink}: drops stale input, sends one frame, and waits for one
 * answer, resynchronising past noise. Line damage comes back typed (CHECKSUM, LENGTH, PROTOCOL,
 * TIMEOUT); a dead device as IO. One thread at a time.
 */
public final class FrameChannel {
    private final ByteLink link;
    private final FrameDecoder decoder = new FrameDecoder();
    private final byte[] receiveBuffer = new byte[2048];
    private final int lineIdleMillis;
    private long bytesSent;
    private long bytesReceived;

    public FrameChannel(ByteLink link, int lineIdleMillis) {
        this.link = link;
        this.lineIdleMillis = lineIdleMillis;
    }

    public ByteLink link() {
        return link;
    }

    /** Sends {@code request} and returns the first intact frame that comes back within the timeout. */
    public Frame exchange(Frame request, Command command, int timeoutMillis) throws DeviceException {
        link.discardInput();
        decoder.reset();
        byte[] wire = FrameCodec.encode(request);
        link.write(wire);
        bytesSent += wire.length;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        long lastByteAt = 0;
        long received = 0;
        DeviceException damage = null;
        while (true) {
            DecodeEvent event;
            while ((event = decoder.poll()) != null) {
                if (event instanceof DecodeEvent.Decoded decoded) {
                    return decoded.frame();
                }
                DecodeEvent.Damaged damaged = (DecodeEvent.Damaged) event;
                if (damage == null) {
                    damage = new DeviceException(damaged.kind(), link.describe() + ": " + damaged.detail());
                }
            }
            // a damaged frame fails the exchange at once (the caller retries), unless more bytes are
            // already on their way: a good frame may follow the damage
            if (damage != null && decoder.bufferedBytes() == 0) {
                throw damage;
            }
            long now = System.nanoTime();
            boolean partial = decoder.bufferedBytes() > 0;
            if (partial && now - lastByteAt >= lineIdleMillis * 1_000_000L) {
                decoder.lineIdle();
                continue;
            }
            if (now >= deadline) {
                decoder.lineIdle();
                while ((event = decoder.poll()) != null) {
                    if (event instanceof DecodeEvent.Decoded decoded) {
                        return decoded.frame();
                    }
                    if (damage == null) {
                        DecodeEvent.Damaged damaged = (DecodeEvent.Damaged) event;
                        damage = new DeviceException(damaged.kind(), link.describe() + ": " + damaged.detail());
                    }
                }
                if (damage != null) {
                    throw damage;
                }
                if (received > 0) {
                    throw new DeviceException(Kind.PROTOCOL, String.format("%s: %d bytes came back for %s but no "
                            + "valid frame (wrong baud rate, or not an ID-card reader)", link.describe(), received,
                            command));
                }
                throw new DeviceException(Kind.TIMEOUT, String.format("%s: no answer to %s within %d ms",
                        link.describe(), command, timeoutMillis));
            }
            long waitMillis = Math.max(1, (deadline - now) / 1_000_000L);
            if (partial) {
                waitMillis = Math.min(waitMillis, lineIdleMillis);
            }
            int n = link.read(receiveBuffer, (int) Math.min(Integer.MAX_VALUE, waitMillis));
            if (n > 0) {
                received += n;
                bytesReceived += n;
                lastByteAt = System.nanoTime();
                decoder.feed(receiveBuffer, 0, n);
            }
        }
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long bytesReceived() {
        return bytesReceived;
    }
}
