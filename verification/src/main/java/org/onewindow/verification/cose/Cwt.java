package org.onewindow.verification.cose;

import java.time.Instant;
import java.util.Map;
import org.onewindow.verification.cbor.Cbor;
import org.onewindow.verification.cbor.CborException;

/** CWT claims (RFC 8392) from a COSE payload: the registered ones read, the rest left in {@link #claims}. */
public record Cwt(String issuer, Instant issuedAt, Instant expiresAt, Instant notBefore, Map<Object, Object> claims) {
    public static final long ISS = 1;
    public static final long EXP = 4;
    public static final long NBF = 5;
    public static final long IAT = 6;
    public static final long CTI = 7;

    public static Cwt parse(byte[] payload) throws CborException {
        if (!(Cbor.decode(payload) instanceof Map<?, ?> m)) {
            throw new CborException("CWT claims are not a map");
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> claims = (Map<Object, Object>) m;
        Object iss = claims.get(ISS);
        if (iss != null && !(iss instanceof String)) {
            throw new CborException("iss is not text");
        }
        return new Cwt((String) iss, time(claims.get(IAT), "iat"), time(claims.get(EXP), "exp"),
                time(claims.get(NBF), "nbf"), claims);
    }

    private static Instant time(Object v, String name) throws CborException {
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return Instant.ofEpochSecond(l);
        }
        if (v instanceof Double d && !d.isNaN() && !d.isInfinite() && Math.abs(d) < 1e12) {
            return Instant.ofEpochSecond(d.longValue());
        }
        throw new CborException(name + " is not a NumericDate");
    }

    public Object claim(long key) {
        return claims.get(key);
    }
}
