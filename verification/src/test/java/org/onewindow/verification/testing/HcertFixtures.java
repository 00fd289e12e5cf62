package org.onewindow.verification.testing;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.verification.cbor.Cbor;
import org.onewindow.verification.codec.Base45;
import org.onewindow.verification.codec.Zlib;
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.cose.CoseSign1;

/** Builds HCERT test vectors: an invented holder, our own keys. */
public final class HcertFixtures {
    public static final Instant IAT = Instant.parse("2026-06-01T08:00:00Z");
    public static final Instant EXP = Instant.parse("2027-06-01T08:00:00Z");
    public static final Instant DURING = Instant.parse("2026-11-29T12:00:00Z");
    public static final String UCI = "URN:UVCI:01:CN:ONEWINDOW/TEST/0001#X";

    private HcertFixtures() {
    }

    public static Map<String, Object> vaccination() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tg", "840539006");
        v.put("vp", "1119349007");
        v.put("mp", "EU/1/20/1528");
        v.put("ma", "ORG-100030215");
        v.put("dn", 2L);
        v.put("sd", 2L);
        v.put("dt", "2026-05-20");
        v.put("co", "DE");
        v.put("is", "Robert Koch-Institut");
        v.put("ci", UCI);
        return dgc("v", v);
    }

    public static Map<String, Object> test() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("tg", "840539006");
        t.put("tt", "LP6464-4");
        t.put("sc", "2026-05-31T10:00:00Z");
        t.put("tr", "260415000");
        t.put("tc", "Test centre");
        t.put("co", "DE");
        t.put("is", "Robert Koch-Institut");
        t.put("ci", UCI);
        return dgc("t", t);
    }

    public static Map<String, Object> dgc(String group, Map<String, Object> entry) {
        Map<String, Object> nam = new LinkedHashMap<>();
        nam.put("fn", "Mustermann");
        nam.put("fnt", "MUSTERMANN");
        nam.put("gn", "Erika");
        nam.put("gnt", "ERIKA");
        Map<String, Object> dgc = new LinkedHashMap<>();
        dgc.put("ver", "1.3.0");
        dgc.put("nam", nam);
        dgc.put("dob", "1964-08-12");
        dgc.put(group, List.of(entry));
        return dgc;
    }

    public static byte[] cwt(Map<String, Object> dgc, Instant iat, Instant exp) {
        Map<Object, Object> claims = new LinkedHashMap<>();
        claims.put(1L, "DE");
        if (iat != null) {
            claims.put(6L, iat.getEpochSecond());
        }
        if (exp != null) {
            claims.put(4L, exp.getEpochSecond());
        }
        claims.put(-260L, Map.of(1L, dgc));
        return Cbor.encode(claims);
    }

    public static String hc1(byte[] cwt, CoseAlgorithm alg, byte[] kid, PrivateKey key) {
        try {
            return "HC1:" + Base45.encode(Zlib.deflate(CoseSign1.sign(alg, kid, cwt, key)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hc1FromCose(byte[] cose) {
        return "HC1:" + Base45.encode(Zlib.deflate(cose));
    }
}
