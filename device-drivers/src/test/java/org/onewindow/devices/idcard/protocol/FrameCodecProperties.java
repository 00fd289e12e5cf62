package org.onewindow.devices.idcard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.onewindow.core.device.DeviceException.Kind;

/** Fuzzing the decoder: random, mutated and noisy input never escapes untyped, hangs, or grows the buffer. */
class FrameCodecProperties {

    @Property(tries = 300)
    void everyBodyRoundTrips(@ForAll("bodies") byte[] body) {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(FrameCodec.encode(body));
        assertThat(decoder.poll()).isEqualTo(new DecodeEvent.Decoded(new Frame(body)));
        assertThat(decoder.poll()).isNull();
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Property(tries = 300)
    void randomBytesOnlyEverYieldTypedEventsAndABoundedBuffer(@ForAll @Size(max = 20_000) byte[] noise,
                                                               @ForAll @IntRange(min = 1, max = 700) int chunk) {
        FrameDecoder decoder = new FrameDecoder();
        List<DecodeEvent> events = new ArrayList<>();
        for (int pos = 0; pos < noise.length; pos += chunk) {
            decoder.feed(noise, pos, Math.min(chunk, noise.length - pos));
            assertThat(decoder.bufferedBytes()).isLessThanOrEqualTo(FrameCodec.MAX_FRAME_BYTES);
            drainInto(decoder, events);
        }
        decoder.lineIdle();
        drainInto(decoder, events);
        assertThat(decoder.bufferedBytes()).isZero();
        assertThat(events).allSatisfy(e -> {
            if (e instanceof DecodeEvent.Damaged d) {
                assertThat(d.kind()).isIn(EnumSet.of(Kind.CHECKSUM, Kind.LENGTH, Kind.PROTOCOL));
                assertThat(d.detail()).isNotBlank();
            }
        });
    }

    @Property(tries = 300)
    void aCleanFrameIsDecodedAfterAThousandGarbageBytes(@ForAll @Size(1_000) byte[] garbage,
                                                         @ForAll("bodies") byte[] body) {
        FrameDecoder decoder = new FrameDecoder();
        decoder.feed(garbage);
        decoder.feed(FrameCodec.encode(body));
        decoder.lineIdle();
        List<DecodeEvent> events = new ArrayList<>();
        drainInto(decoder, events);
        assertThat(events).contains(new DecodeEvent.Decoded(new Frame(body)));
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Property(tries = 500)
    void mutatedFramesNeverBreakTheNextOne(@ForAll("bodies") byte[] body, @ForAll long seed,
                                           @ForAll @IntRange(min = 1, max = 8) int mutations) {
        byte[] wire = mutate(FrameCodec.encode(body), new Random(seed), mutations);
        FrameDecoder decoder = new FrameDecoder();
        List<DecodeEvent> events = new ArrayList<>();
        decoder.feed(wire);
        decoder.lineIdle();
        drainInto(decoder, events);
        assertThat(decoder.bufferedBytes()).isZero();
        byte[] next = FrameCodec.encode(Frame.response(0x90, new byte[] {1, 2, 3}));
        decoder.feed(next);
        assertThat(decoder.poll()).isEqualTo(new DecodeEvent.Decoded(Frame.response(0x90, new byte[] {1, 2, 3})));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(2).ofMaxSize(FrameCodec.MAX_LEN - 1)
                .edgeCases(edges -> edges.add(new byte[2]));
    }

    /** Flips, inserts, deletes and duplicates bytes: what a bad line does to a frame. */
    static byte[] mutate(byte[] wire, Random random, int count) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : wire) {
            bytes.add(b);
        }
        for (int i = 0; i < count && !bytes.isEmpty(); i++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(4)) {
                case 0 -> bytes.set(at, (byte) (bytes.get(at) ^ (1 << random.nextInt(8))));
                case 1 -> bytes.add(at, (byte) random.nextInt(256));
                case 2 -> bytes.remove(at);
                default -> bytes.addAll(at, new ArrayList<>(bytes.subList(at, Math.min(bytes.size(), at + 8))));
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    private static void drainInto(FrameDecoder decoder, List<DecodeEvent> events) {
        DecodeEvent e;
        while ((e = decoder.poll()) != null) {
            events.add(e);
        }
        assertThat(events.size()).isLessThan(Integer.MAX_VALUE);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
