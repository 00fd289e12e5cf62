package org.onewindow.devices.scan.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminatorFramerTest {

    private static List<String> feedInPieces(TerminatorFramer framer, String data, int pieceSize) {
        byte[] bytes = data.getBytes(StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += pieceSize) {
            for (byte[] frame : framer.feed(bytes, i, Math.min(pieceSize, bytes.length - i))) {
                out.add(new String(frame, StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    @Test
    void splitsAtTerminatorWhateverTheReadBoundaries() {
        TerminatorFramer framer = new TerminatorFramer(new byte[] {'\r'}, 1024);
        assertThat(feedInPieces(framer, "ABC\rDEF\rGH", 2)).containsExactly("ABC", "DEF");
        assertThat(framer.hasPartialFrame()).isTrue();
        assertThat(framer.flush()).singleElement().extracting(b -> new String(b, StandardCharsets.ISO_8859_1)).isEqualTo("GH");
    }

    @Test
    void crlfFromTheScannerWithCrTerminatorGivesCleanFrames() {
        TerminatorFramer framer = new TerminatorFramer(new byte[] {'\r'}, 1024);
        assertThat(feedInPieces(framer, "ONE\r\nTWO\r\n\r\n", 1)).containsExactly("ONE", "TWO");
        assertThat(framer.hasPartialFrame()).isFalse();
    }

    @Test
    void multiByteTerminator() {
        TerminatorFramer framer = new TerminatorFramer("<END>".getBytes(StandardCharsets.US_ASCII), 1024);
        assertThat(feedInPieces(framer, "a<EN<END>b<END>", 3)).containsExactly("a<EN", "b");
    }

    @Test
    void binaryBytesPassThroughUntouched() {
        TerminatorFramer framer = new TerminatorFramer(new byte[] {0x04}, 1024);
        byte[] data = {0x00, (byte) 0xFF, 0x1B, '[', 0x0A, 0x04};
        List<byte[]> frames = framer.feed(data, 0, data.length);
        assertThat(frames).singleElement().isEqualTo(new byte[] {0x00, (byte) 0xFF, 0x1B, '[', 0x0A});
    }

    @Test
    void overlongFrameIsCutAtTheLimit() {
        TerminatorFramer framer = new TerminatorFramer(new byte[] {'\r'}, 4096);
        List<String> frames = feedInPieces(framer, "x".repeat(10_000) + "\r", 512);
        assertThat(frames).hasSize(3);
        assertThat(frames.get(0)).hasSize(4096);
        assertThat(String.join("", frames)).hasSize(10_000);
    }

    @Test
    void noTerminatorMeansFramesOnlyByFlush() {
        TerminatorFramer framer = new TerminatorFramer(new byte[0], 1024);
        assertThat(feedInPieces(framer, "PAUSED", 3)).isEmpty();
        assertThat(framer.flush()).hasSize(1);
    }
}
