package org.onewindow.verification.cose;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * The COSE signature algorithms we verify. SM2-with-SM3 has no IANA COSE number; it uses the private-use
 * value {@value #SM2_SM3_ID} (documented in docs/offline-elicense-qr.md) and the r||s form that COSE
 * uses for ECDSA, with the GM/T 0009 default user ID.
 */
public enum CoseAlgorithm {
    ES256(-7, "SHA256withPLAIN-ECDSA"),
    /** Ed25519 (COSE "EdDSA"); Claim 169 issuers use it. */
    EDDSA(-8, "Ed25519"),
    PS256(-37, "RSASSA-PSS"),
    SM2_SM3(CoseAlgorithm.SM2_SM3_ID, "SM3withSM2");

    public static final long SM2_SM3_ID = -65537;

    /** One BouncyCastle instance for SM2; not registered globally so we never change JCA defaults. */
    static final Provider BC = org.onewindow.verification.crypto.BouncyCastle.PROVIDER;

    /** The JDK's generator: BouncyCastle's default DRBG takes seconds to seed on a quiet machine. */
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final long id;
    private final String jcaName;

    CoseAlgorithm(long id, String jcaName) {
        this.id = id;
        this.jcaName = jcaName;
    }

    public long id() {
        return id;
    }

    public static Optional<CoseAlgorithm> byId(Object id) {
        if (!(id instanceof Long l)) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(a -> a.id == l).findFirst();
    }

    private Signature signature() throws GeneralSecurityException {
        return switch (this) {
            // BouncyCastle's ECDSA verifies about 5x faster than JDK 17's SunEC on the build machines
            // (docs/verification.md); same r||s input, so the choice is invisible outside this line
            case ES256 -> Signature.getInstance(jcaName, BC);
            case EDDSA -> Signature.getInstance(jcaName);
            case PS256 -> {
                Signature s = Signature.getInstance(jcaName);
                s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                yield s;
            }
            case SM2_SM3 -> Signature.getInstance(jcaName, BC);
        };
    }

    /** True when the key's type fits this algorithm (an RSA key never verifies an ES256 signature). */
    public boolean fits(PublicKey key) {
        return switch (this) {
            case ES256 -> key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256
                    && !isSm2(ec);
            case EDDSA -> key instanceof java.security.interfaces.EdECPublicKey;
            case PS256 -> key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048;
            case SM2_SM3 -> key instanceof ECPublicKey ec && isSm2(ec);
        };
    }

    private static final BigInteger SM2_P = new BigInteger(
            "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF", 16);

    private static boolean isSm2(ECPublicKey key) {
        return key.getParams().getCurve().getField() instanceof java.security.spec.ECFieldFp fp && fp.getP().equals(SM2_P);
    }

    /** Verifies a COSE signature (r||s for the EC algorithms) over {@code data}. */
    public boolean verify(PublicKey key, byte[] data, byte[] cose) throws GeneralSecurityException {
        if (!fits(key)) {
            return false;
        }
        byte[] sig = cose;
        if (this == SM2_SM3) {
            if (cose.length != 64) {
                return false;
            }
            sig = rawToDer(cose);
        } else if (this == ES256 && cose.length != 64) {
            return false;
        }
        Signature s = signature();
        s.initVerify(key);
        s.update(data);
        return s.verify(sig);
    }

    /** Signs {@code data}, answering the COSE form of the signature. */
    public byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature s = signature();
        s.initSign(key, RANDOM);
        s.update(data);
        byte[] sig = s.sign();
        return this == SM2_SM3 ? derToRaw(sig) : sig;
    }

    static byte[] rawToDer(byte[] raw) {
        byte[] r = Arrays.copyOfRange(raw, 0, raw.length / 2);
        byte[] s = Arrays.copyOfRange(raw, raw.length / 2, raw.length);
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(new BigInteger(1, r)));
        v.add(new ASN1Integer(new BigInteger(1, s)));
        try {
            return new DERSequence(v).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] derToRaw(byte[] der) {
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        byte[] out = new byte[64];
        put(ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue(), out, 0);
        put(ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue(), out, 32);
        return out;
    }

    private static void put(BigInteger v, byte[] out, int off) {
        byte[] b = v.toByteArray();
        int start = Math.max(0, b.length - 32);
        int len = b.length - start;
        System.arraycopy(b, start, out, off + 32 - len, len);
    }
}
