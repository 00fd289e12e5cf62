package org.onewindow.devices.idcard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.core.device.DeviceException.Kind;

class FrameDecoderTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    void encodesFindCardExactlyAsDocumented() {
        byte[] wire = FrameCodec.encode(Frame.request(Command.FIND_CARD, new byte[0]));
        assertThat(HEX.formatHex(wire)).isEqualToIgnoringCase("AA AA AA 96 69 00 03 20 01 22");
    }

    @Test
    void decodesDocumentedFindCardAnswer() {
        // 9F: card found, 4 data bytes of zeros
        byte[] wire = HEX.parseHex("aa aa aa 96 69 00 08 00 00 9f 00 00 00 00 97");
        List<DecodeEvent> events = feed(new FrameDecoder(), wire);
        assertThat(events).hasSize(1);
        Frame frame = ((DecodeEvent.Decoded) events.get(0)).frame();
        assertThat(frame.sw3()).isEqualTo(0x9F);
        assertThat(frame.responseData()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void roundTripsAFrameOfEverySize() {
        FrameDecoder decoder = new FrameDecoder();
        for (int size = 2; size < FrameCodec.MAX_LEN; size += 97) {
            byte[] body = new byte[size];
            for (int i = 0; i < size; i++) {
                body[i] = (byte) (i * 31 + size);
            }
            List<DecodeEvent> events = feed(decoder, FrameCodec.encode(body));
            assertThat(events).containsExactly(new DecodeEvent.Decoded(new Frame(body)));
        }
    }

    @Test
    void skipsNoiseBeforeAFrameIncludingPreambleLookalikes() {
        byte[] frame = FrameCodec.encode(Frame.response(0x90, new byte[] {1, 2, 3}));
        byte[] noise = HEX.parseHex("00 aa aa 13 aa aa aa 96 aa aa aa 96 69");
        FrameDecoder decoder = new FrameDecoder();
        List<DecodeEvent> events = feed(decoder, concat(noise, frame));
        assertThat(events).last().isEqualTo(new DecodeEvent.Decoded(Frame.response(0x90, new byte[] {1, 2, 3})));
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    void reportsBadChecksumThenStillFindsTheNextGoodFrame() {
        byte[] bad = FrameCodec.encode(Frame.response(0x90, new byte[] {9, 9}));
        bad[bad.length - 1] ^= 1;
        byte[] good = FrameCodec.encode(Frame.response(0x9F, new byte[4]));
        List<DecodeEvent> events = feed(new FrameDecoder(), concat(bad, good));
        assertThat(events.get(0)).isInstanceOf(DecodeEvent.Damaged.class);
        assertThat(((DecodeEvent.Damaged) events.get(0)).kind()).isEqualTo(Kind.CHECKSUM);
        assertThat(events).last().isEqualTo(new DecodeEvent.Decoded(Frame.response(0x9F, new byte[4])));
    }

    @Test
    void reportsImpossibleLengthAsLengthError() {
        byte[] wire = HEX.parseHex("aa aa aa 96 69 ff ff 00 00 90");
        List<DecodeEvent> events = feed(new FrameDecoder(), wire);
        assertThat(events).first().isInstanceOfSatisfying(DecodeEvent.Damaged.class,
                d -> assertThat(d.kind()).isEqualTo(Kind.LENGTH));
    }

    @Test
    void truncatedFrameIsReportedWhenTheLineGoesQuietAndAFrameInsideIsRecovered() {
        byte[] whole = FrameCodec.encode(Frame.response(0x90, new byte[300]));
        byte[] cut = java.util.Arrays.copyOf(whole, 100);
        byte[] good = FrameCodec.encode(Frame.response(0x9F, new byte[4]));
        FrameDecoder decoder = new FrameDecoder();
        // the cut frame's length swallows the good one until the line goes quiet
        assertThat(feed(decoder, concat(cut, good))).isEmpty();
        decoder.lineIdle();
        List<DecodeEvent> events = drain(decoder);
        assertThat(events.get(0)).isInstanceOfSatisfying(DecodeEvent.Damaged.class,
                d -> assertThat(d.kind()).isEqualTo(Kind.PROTOCOL));
        assertThat(events).last().isEqualTo(new DecodeEvent.Decoded(Frame.response(0x9F, new byte[4])));
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    void neverBuffersMoreThanOneMaximalFrame() {
        FrameDecoder decoder = new FrameDecoder();
        byte[] header = HEX.parseHex("aa aa aa 96 69 10 00");
        decoder.feed(header);
        byte[] filler = new byte[100_000];
        decoder.feed(filler);
        assertThat(decoder.bufferedBytes()).isLessThanOrEqualTo(FrameCodec.MAX_FRAME_BYTES);
    }

    static List<DecodeEvent> feed(FrameDecoder decoder, byte[] bytes) {
        decoder.feed(bytes);
        return drain(decoder);
    }

    static List<DecodeEvent> drain(FrameDecoder decoder) {
        List<DecodeEvent> out = new ArrayList<>();
        DecodeEvent e;
        while ((e = decoder.poll()) != null) {
            out.add(e);
        }
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
