package org.onewindow.verification.cose;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.verification.cbor.Cbor;
import org.onewindow.verification.cbor.CborException;
import org.onewindow.verification.cbor.CborTagged;

/**
 * A COSE_Sign1 structure (RFC 9052 §4.2): [protected bstr, unprotected map, payload bstr, signature bstr],
 * tagged 18 or untagged (HCERT allows both). The protected header is kept as the exact bytes received,
 * because the signature covers those bytes, not a re-encoding.
 */
public record CoseSign1(byte[] protectedBytes, Map<Object, Object> protectedHeader, Map<Object, Object> unprotectedHeader,
                        byte[] payload, byte[] signature) {
    public static final long TAG = 18;
    public static final long CWT_TAG = 61;
    static final long HEADER_ALG = 1;
    static final long HEADER_KID = 4;

    /** Parses COSE_Sign1 bytes; a CWT tag (61) around the COSE tag is accepted too. */
    public static CoseSign1 parse(byte[] bytes) throws CborException {
        Object item = Cbor.decode(bytes);
        if (item instanceof CborTagged t && t.tag() == CWT_TAG) {
            item = t.value();
        }
        if (item instanceof CborTagged t) {
            if (t.tag() != TAG) {
                throw new CborException("tag " + t.tag() + " is not COSE_Sign1");
            }
            item = t.value();
        }
        if (!(item instanceof List<?> list) || list.size() != 4) {
            throw new CborException("COSE_Sign1 is not an array of four");
        }
        if (!(list.get(0) instanceof byte[] prot) || !(list.get(1) instanceof Map<?, ?> unprot)
                || !(list.get(2) instanceof byte[] payload) || !(list.get(3) instanceof byte[] sig)) {
            throw new CborException("COSE_Sign1 members have the wrong types");
        }
        Map<Object, Object> protHeader = Map.of();
        if (prot.length > 0) {
            if (!(Cbor.decode(prot) instanceof Map<?, ?> m)) {
                throw new CborException("protected header is not a map");
            }
            protHeader = cast(m);
        }
        return new CoseSign1(prot, protHeader, cast(unprot), payload, sig);
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> cast(Map<?, ?> m) {
        return (Map<Object, Object>) m;
    }

    /** The signature algorithm; COSE requires it in the protected header. */
    public Optional<CoseAlgorithm> algorithm() {
        return CoseAlgorithm.byId(protectedHeader.get(HEADER_ALG));
    }

    /** The raw alg value, for messages about algorithms we do not support. */
    public Object algorithmValue() {
        return protectedHeader.get(HEADER_ALG);
    }

    /** The key id: protected header first, then unprotected (HCERT permits either). */
    public Optional<byte[]> kid() {
        Object k = protectedHeader.get(HEADER_KID);
        if (k == null) {
            k = unprotectedHeader.get(HEADER_KID);
        }
        return k instanceof byte[] b ? Optional.of(b) : Optional.empty();
    }

    /** Sig_structure ["Signature1", protected, external_aad = h'', payload]. */
    public byte[] toBeSigned() {
        return toBeSigned(protectedBytes, payload);
    }

    private static byte[] toBeSigned(byte[] prot, byte[] payload) {
        return Cbor.encode(List.of("Signature1", prot, new byte[0], payload));
    }

    /** Verifies the signature with {@code key}; false for a wrong key, algorithm mismatch or bad signature. */
    public boolean verify(PublicKey key) {
        Optional<CoseAlgorithm> alg = algorithm();
        if (alg.isEmpty()) {
            return false;
        }
        try {
            return alg.get().verify(key, toBeSigned(), signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Produces tagged COSE_Sign1 bytes with alg and kid in the protected header. */
    public static byte[] sign(CoseAlgorithm alg, byte[] kid, byte[] payload, PrivateKey key) throws GeneralSecurityException {
        Map<Object, Object> prot = new LinkedHashMap<>();
        prot.put(HEADER_ALG, alg.id());
        if (kid != null) {
            prot.put(HEADER_KID, kid);
        }
        byte[] protBytes = Cbor.encode(prot);
        byte[] sig = alg.sign(key, toBeSigned(protBytes, payload));
        return Cbor.encode(new CborTagged(TAG, List.of(protBytes, Map.of(), payload, sig)));
    }
}
