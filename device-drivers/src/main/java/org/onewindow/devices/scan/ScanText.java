package org.onewindow.devices.scan;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Safe text handling for scanned payloads. A payload can hold anything (binary, invalid UTF-8, terminal
 * escape sequences, bidi overrides): it is data, never markup or commands. Show it through
 * {@link #escape(String)} or {@link #escapeBytes(byte[])}.
 */
public final class ScanText {

    /** GB18030 is what Chinese codes use when they are not UTF-8; every JDK ships it. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ScanText() {
    }

    /** The bytes decoded strictly (no replacement characters), or empty if they are not valid in that charset. */
    public static Optional<String> decodeStrict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException notThisCharset) {
            return Optional.empty();
        }
    }

    /**
     * Best-effort text for raw bytes from a scanner without charset information: strict UTF-8, then strict
     * GB18030, then ISO-8859-1 (which maps every byte, so the result is lossless and escapable).
     */
    public static String bestEffortText(byte[] bytes) {
        return decodeStrict(bytes, StandardCharsets.UTF_8)
                .or(() -> decodeStrict(bytes, GB18030))
                .orElseGet(() -> new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /**
     * The text with everything that could act on a terminal, a log or a text layout made visible: C0/C1
     * controls, DEL, bidi and zero-width format characters, lone surrogates and the backslash itself.
     * Printable text (including CJK) passes unchanged, so the result is readable and reversible.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
                continue;
            }
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        appendUnicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Printable ASCII as is, everything else as {@code \xNN}: for payloads that are not text at all. */
    public static String escapeBytes(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v == '\\') {
                out.append("\\\\");
            } else if (v >= 0x20 && v < 0x7F) {
                out.append((char) v);
            } else {
                out.append("\\x").append(HEX[v >> 4]).append(HEX[v & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * What a clerk or a log should see for a payload: the escaped text when the payload is valid UTF-8 or
     * GB18030, else the escaped bytes. Long payloads are cut to {@code maxChars} with a length note.
     */
    public static String forDisplay(byte[] payload, String text, int maxChars) {
        boolean textual = decodeStrict(payload, StandardCharsets.UTF_8).isPresent()
                || decodeStrict(payload, GB18030).isPresent();
        String shown = textual ? escape(text) : escapeBytes(payload);
        if (shown.length() <= maxChars) {
            return shown;
        }
        int cut = Math.max(0, maxChars);
        if (cut > 0 && Character.isHighSurrogate(shown.charAt(cut - 1))) {
            cut--;
        }
        return shown.substring(0, cut) + "… (" + payload.length + " bytes)";
    }

    private static boolean needsEscape(char c) {
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return true; // C0, DEL, C1 (includes the 8-bit CSI 0x9B)
        }
        if (Character.isSurrogate(c)) {
            return true; // a lone half of a pair: invalid text
        }
        int type = Character.getType(c);
        // FORMAT covers bidi overrides/isolates (U+202A..U+202E, U+2066..U+2069), zero-width joiners, BOM
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
}
