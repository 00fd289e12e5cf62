package org.onewindow.devices.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScanTextTest {

    @Test
    void terminalEscapeSequencesBecomeVisibleText() {
        String hostile = "OK\u001B[2J\u001B]0;pwned\u0007\r\nrm -rf /\u009B31m";
        String shown = ScanText.escape(hostile);
        assertThat(shown).isEqualTo("OK\\u001B[2J\\u001B]0;pwned\\u0007\\r\\nrm -rf /\\u009B31m");
        assertThat(shown.chars()).noneMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F));
    }

    @Test
    void bidiOverridesAndZeroWidthCharactersAreEscaped() {
        assertThat(ScanText.escape("abc\u202Eexe.txt\u200B")).isEqualTo("abc\\u202Eexe.txt\\u200B");
    }

    @Test
    void chineseTextAndSupplementaryCharactersPassUnchanged() {
        String text = "电子营业执照 𠀀 No.123";
        assertThat(ScanText.escape(text)).isEqualTo(text);
    }

    @Test
    void loneSurrogatesAndBackslashesAreEscaped() {
        assertThat(ScanText.escape("a\\b\uD800c")).isEqualTo("a\\\\b\\uD800c");
    }

    @Test
    void bestEffortTextPrefersUtf8ThenGb18030ThenLatin1() {
        byte[] utf8 = "营业执照".getBytes(StandardCharsets.UTF_8);
        byte[] gb = "营业执照".getBytes(ScanText.GB18030);
        byte[] binary = {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0x80};
        assertThat(ScanText.bestEffortText(utf8)).isEqualTo("营业执照");
        assertThat(ScanText.bestEffortText(gb)).isEqualTo("营业执照");
        assertThat(ScanText.bestEffortText(binary).getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(binary);
    }

    @Test
    void binaryPayloadIsShownAsHexEscapes() {
        byte[] binary = {'A', 0x00, (byte) 0xFF, 0x1B, '\\'};
        assertThat(ScanText.forDisplay(binary, ScanText.bestEffortText(binary), 100)).isEqualTo("A\\x00\\xFF\\x1B\\\\");
    }

    @Test
    void longPayloadIsCutWithItsLength() {
        byte[] big = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
        String shown = ScanText.forDisplay(big, new String(big, StandardCharsets.UTF_8), 64);
        assertThat(shown).startsWith("x".repeat(64)).endsWith("(5000 bytes)").hasSizeLessThan(90);
    }
}
