package org.onewindow.core.device;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One decoded code from any scanner. {@code payload} is authoritative; {@code text} is its best-effort
 * text form (may contain anything: display it escaped, never interpret it).
 */
public record ScanEvent(byte[] payload, String text, Symbology symbology, String source, Instant at) {
    public ScanEvent {
        payload = payload == null ? new byte[0] : payload.clone();
        text = text == null ? new String(payload, StandardCharsets.UTF_8) : text;
    }

    public static ScanEvent ofText(String text, Symbology symbology, String source, Instant at) {
        return new ScanEvent(text.getBytes(StandardCharsets.UTF_8), text, symbology, source, at);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public String toString() {
        return "ScanEvent[" + symbology + " from " + source + ", " + payload.length + " bytes]";
    }
}
