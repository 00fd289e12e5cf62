package org.onewindow.verification.cbor;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small CBOR (RFC 8949) codec for COSE and CWT. Decodes to plain Java values: Long (or BigInteger
 * beyond 64 bits), byte[], String, List, LinkedHashMap (keys Long or String as sent), Boolean, null,
 * Double, {@link CborTagged}; CBOR undefined and other simple values decode to null.
 *
 * <p>Hostile input is the normal case here (anything a camera reads), so the decoder bounds depth,
 * item counts and lengths by the input size and never allocates more than the input could describe.
 */
public final class Cbor {
    private static final int MAX_DEPTH = 32;

    private final byte[] in;
    private int pos;

    private Cbor(byte[] in) {
        this.in = in;
    }

    /** Decodes exactly one item that must span all of {@code bytes}. */
    public static Object decode(byte[] bytes) throws CborException {
        if (bytes == null || bytes.length == 0) {
            throw new CborException("empty input");
        }
        Cbor c = new Cbor(bytes);
        Object value = c.item(0);
        if (c.pos != bytes.length) {
            throw new CborException("trailing bytes after the CBOR item");
        }
        return value;
    }

    private int readByte() throws CborException {
        if (pos >= in.length) {
            throw new CborException("truncated CBOR");
        }
        return in[pos++] & 0xff;
    }

    private long argument(int info) throws CborException {
        if (info < 24) {
            return info;
        }
        int n = switch (info) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            default -> throw new CborException("indefinite or reserved length (" + info + ") not accepted");
        };
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | readByte();
        }
        return v;
    }

    private int length(long arg) throws CborException {
        // unsigned 64-bit values above Long.MAX_VALUE are negative here; either way they cannot fit
        if (arg < 0 || arg > in.length - pos) {
            throw new CborException("length exceeds the input");
        }
        return (int) arg;
    }

    private Object item(int depth) throws CborException {
        if (depth > MAX_DEPTH) {
            throw new CborException("CBOR nested too deeply");
        }
        int initial = readByte();
        int major = initial >>> 5;
        int info = initial & 0x1f;
        if (major == 7) {
            return simple(info);
        }
        long arg = argument(info);
        switch (major) {
            case 0:
                return arg >= 0 ? (Object) arg : new BigInteger(Long.toUnsignedString(arg));
            case 1:
                return arg >= 0 ? (Object) (-1 - arg) : BigInteger.ONE.negate().subtract(new BigInteger(Long.toUnsignedString(arg)));
            case 2: {
                int n = length(arg);
                byte[] b = new byte[n];
                System.arraycopy(in, pos, b, 0, n);
                pos += n;
                return b;
            }
            case 3: {
                int n = length(arg);
                String s = utf8(in, pos, n);
                pos += n;
                return s;
            }
            case 4: {
                int n = length(arg); // each element takes at least one byte
                List<Object> list = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    list.add(item(depth + 1));
                }
                return Collections.unmodifiableList(list);
            }
            case 5: {
                if (arg < 0 || arg > (in.length - pos) / 2) {
                    throw new CborException("map size exceeds the input");
                }
                int n = (int) arg;
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object key = item(depth + 1);
                    if (key instanceof byte[] || key instanceof List || key instanceof Map) {
                        throw new CborException("map key type not accepted");
                    }
                    Object value = item(depth + 1);
                    if (map.put(key, value) != null || map.size() != i + 1) {
                        throw new CborException("duplicate map key");
                    }
                }
                return Collections.unmodifiableMap(map);
            }
            case 6:
                return new CborTagged(arg, item(depth + 1));
            default:
                throw new CborException("unknown major type");
        }
    }

    private Object simple(int info) throws CborException {
        switch (info) {
            case 20:
                return Boolean.FALSE;
            case 21:
                return Boolean.TRUE;
            case 22:
            case 23:
                return null;
            case 24:
                readByte();
                return null;
            case 25: {
                int h = (readByte() << 8) | readByte();
                return halfToDouble(h);
            }
            case 26: {
                long v = argument(26);
                return (double) Float.intBitsToFloat((int) v);
            }
            case 27: {
                long v = argument(27);
                return Double.longBitsToDouble(v);
            }
            default:
                if (info < 20) {
                    return null;
                }
                throw new CborException("break or reserved simple value not accepted");
        }
    }

    private static double halfToDouble(int h) {
        int exp = (h >> 10) & 0x1f;
        int mant = h & 0x3ff;
        double val;
        if (exp == 0) {
            val = mant * Math.pow(2, -24);
        } else if (exp != 31) {
            val = (mant + 1024) * Math.pow(2, exp - 25);
        } else {
            val = mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return (h & 0x8000) != 0 ? -val : val;
    }

    private static String utf8(byte[] b, int off, int len) throws CborException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            throw new CborException("text string is not UTF-8");
        }
    }

    // ---- encoding (issuers, tests, Sig_structure) ----

    /** Encodes Java values the decoder produces (plus Integer/Short) in preferred (shortest) form. */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    private static void head(ByteArrayOutputStream out, int major, long arg) {
        int m = major << 5;
        if (arg >= 0 && arg < 24) {
            out.write(m | (int) arg);
        } else if (arg >= 0 && arg <= 0xff) {
            out.write(m | 24);
            out.write((int) arg);
        } else if (arg >= 0 && arg <= 0xffff) {
            out.write(m | 25);
            out.write((int) (arg >> 8));
            out.write((int) arg);
        } else if (arg >= 0 && arg <= 0xffffffffL) {
            out.write(m | 26);
            for (int s = 24; s >= 0; s -= 8) {
                out.write((int) (arg >> s));
            }
        } else {
            out.write(m | 27);
            for (int s = 56; s >= 0; s -= 8) {
                out.write((int) (arg >> s));
            }
        }
    }

    private static void write(ByteArrayOutputStream out, Object v) {
        if (v == null) {
            out.write(0xf6);
        } else if (v instanceof Boolean b) {
            out.write(b ? 0xf5 : 0xf4);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            long n = ((Number) v).longValue();
            if (n >= 0) {
                head(out, 0, n);
            } else {
                head(out, 1, -1 - n);
            }
        } else if (v instanceof Double || v instanceof Float) {
            out.write(0xfb);
            long bits = Double.doubleToLongBits(((Number) v).doubleValue());
            for (int s = 56; s >= 0; s -= 8) {
                out.write((int) (bits >> s));
            }
        } else if (v instanceof byte[] b) {
            head(out, 2, b.length);
            out.writeBytes(b);
        } else if (v instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            head(out, 3, b.length);
            out.writeBytes(b);
        } else if (v instanceof List<?> list) {
            head(out, 4, list.size());
            for (Object o : list) {
                write(out, o);
            }
        } else if (v instanceof Map<?, ?> map) {
            head(out, 5, map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
        } else if (v instanceof CborTagged t) {
            head(out, 6, t.tag());
            write(out, t.value());
        } else {
            throw new IllegalArgumentException("cannot encode " + v.getClass().getSimpleName() + " as CBOR");
        }
    }
}
