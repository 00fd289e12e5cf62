package org.onewindow.verification.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.core.verify.CredentialIdentifier;
import org.onewindow.verification.codec.Base45;
import org.onewindow.verification.codec.Zlib;

class CodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void decodesRfc8949Examples() throws Exception {
        assertThat(Cbor.decode(HEX.parseHex("1903e8"))).isEqualTo(1000L);
        assertThat(Cbor.decode(HEX.parseHex("3903e7"))).isEqualTo(-1000L);
        assertThat(Cbor.decode(HEX.parseHex("6449455446"))).isEqualTo("IETF");
        assertThat(Cbor.decode(HEX.parseHex("83010203"))).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(Cbor.decode(HEX.parseHex("a201020304"))).isEqualTo(Map.of(1L, 2L, 3L, 4L));
        assertThat(Cbor.decode(HEX.parseHex("f93c00"))).isEqualTo(1.0);
        assertThat(Cbor.decode(HEX.parseHex("c11a514b67b0"))).isEqualTo(new CborTagged(1, 1363896240L));
        assertThat(Cbor.decode(HEX.parseHex("1bffffffffffffffff")).toString()).isEqualTo("18446744073709551615");
    }

    @Test
    void encodesInShortestFormAndRoundTrips() throws Exception {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(1L, "DE");
        m.put(-260L, Map.of(1L, List.of(true, false, 23L, 24L, 65536L)));
        m.put("b", new byte[] {1, 2});
        byte[] encoded = Cbor.encode(m);

        assertThat(HEX.formatHex(Cbor.encode(24L))).isEqualTo("1818");
        assertThat(HEX.formatHex(Cbor.encode(-25L))).isEqualTo("3818");
        Map<?, ?> back = (Map<?, ?>) Cbor.decode(encoded);
        assertThat(back.get(1L)).isEqualTo("DE");
        assertThat((byte[]) back.get("b")).containsExactly(1, 2);
        assertThat(Cbor.encode(back)).isEqualTo(encoded);
    }

    @Test
    void refusesHostileCbor() {
        assertThatThrownBy(() -> Cbor.decode(HEX.parseHex("5a7fffffff"))).isInstanceOf(CborException.class); // huge bstr
        assertThatThrownBy(() -> Cbor.decode(HEX.parseHex("9b7fffffffffffffff"))).isInstanceOf(CborException.class);
        assertThatThrownBy(() -> Cbor.decode(HEX.parseHex("9f01ff"))).isInstanceOf(CborException.class); // indefinite
        assertThatThrownBy(() -> Cbor.decode(HEX.parseHex("a2010201"))).isInstanceOf(CborException.class); // truncated
        assertThatThrownBy(() -> Cbor.decode(HEX.parseHex("a201020103"))).isInstanceOf(CborException.class); // duplicate key
        assertThatThrownBy(() -> Cbor.decode(HEX.parseHex("0101"))).isInstanceOf(CborException.class); // trailing
        assertThatThrownBy(() -> Cbor.decode(HEX.parseHex("62c328"))).isInstanceOf(CborException.class); // bad UTF-8
        assertThatThrownBy(() -> Cbor.decode("\u0081".repeat(100).getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(CborException.class); // nested too deep
    }

    @Test
    void base45MatchesRfc9285() {
        assertThat(Base45.encode("AB".getBytes(StandardCharsets.US_ASCII))).isEqualTo("BB8");
        assertThat(Base45.encode("Hello!!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("%69 VD92EX0");
        assertThat(new String(Base45.decode("QED8WEX0"), StandardCharsets.US_ASCII)).isEqualTo("ietf!");
        assertThatThrownBy(() -> Base45.decode("GGW")).isInstanceOf(IllegalArgumentException.class); // 65535 < n
        assertThatThrownBy(() -> Base45.decode("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode("A")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zlibRoundTripsAndStopsBombs() {
        byte[] data = "onewindow ".repeat(100).getBytes(StandardCharsets.US_ASCII);
        byte[] packed = Zlib.deflate(data);

        assertThat(Zlib.looksCompressed(packed)).isTrue();
        assertThat(Zlib.inflate(packed)).isEqualTo(data);
        assertThatThrownBy(() -> Zlib.inflate(Zlib.deflate(new byte[Zlib.MAX_INFLATED + 10])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Zlib.inflate(java.util.Arrays.copyOf(packed, packed.length / 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialIdentifiersCarryACheckCharacterThatCatchesOneChange() {
        CredentialIdentifier id = new CredentialIdentifier("02", "11370100004260133A", "00000101", "001");
        String text = id.toString();

        assertThat(CredentialIdentifier.parse(text)).contains(id);
        for (int i = "1.2.156.3005.2.".length(); i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                continue;
            }
            String changed = text.substring(0, i) + (c == '7' ? '8' : '7') + text.substring(i + 1);
            assertThat(CredentialIdentifier.parse(changed)).as("changed at %d", i).isEmpty();
        }
        assertThat(CredentialIdentifier.parse("1.2.156.3005.2.02.short.1.001.X")).isEmpty();
    }
}
