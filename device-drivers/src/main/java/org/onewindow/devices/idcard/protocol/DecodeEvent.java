package org.onewindow.devices.idcard.protocol;

import org.onewindow.core.device.DeviceException;

/** What a {@link FrameDecoder} found on the line: a good frame, or evidence of a damaged one. */
public sealed interface DecodeEvent {

    record Decoded(Frame frame) implements DecodeEvent {
    }

    /** A candidate frame that failed a check; {@code kind} is CHECKSUM, LENGTH or PROTOCOL. */
    record Damaged(DeviceException.Kind kind, String detail) implements DecodeEvent {
        public DeviceException toException() {
            return new DeviceException(kind, detail);
        }
    }
}
