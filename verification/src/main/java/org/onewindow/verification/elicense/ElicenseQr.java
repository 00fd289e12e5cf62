package org.onewindow.verification.elicense;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onewindow.verification.cbor.Cbor;
import org.onewindow.verification.codec.Base45;
import org.onewindow.verification.codec.Zlib;
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.cose.CoseSign1;

/**
 * The project's offline e-license QR: {@code OWEL1:} + Base45(zlib(COSE_Sign1(CWT))). This class is the
 * issuer side (for issuers who adopt the format, the demo and the tests); docs/offline-elicense-qr.md is
 * the normative description.
 */
public final class ElicenseQr {
    public static final String PREFIX = "OWEL1:";
    /** Private-use CWT claim holding the e-license map. */
    public static final long ELICENSE_CLAIM = -65800;
    /** The CWT "status" claim of the IETF token-status-list draft. */
    public static final long STATUS_CLAIM = 65535;

    static final long IDENTIFIER = 1;
    static final long TYPE = 2;
    static final long TYPE_NAME = 3;
    static final long HOLDER_NAME = 4;
    static final long HOLDER_ID = 5;
    static final long ISSUER_NAME = 6;
    static final long FILE_SHA256 = 7;
    static final long EXTRA = 8;

    private ElicenseQr() {
    }

    /** The CWT claims as CBOR. */
    public static byte[] claims(ElicenseQrContent c) {
        Map<Object, Object> el = new LinkedHashMap<>();
        el.put(IDENTIFIER, c.identifier());
        el.put(TYPE, c.credentialType());
        el.put(TYPE_NAME, c.typeName());
        el.put(HOLDER_NAME, c.holderName());
        el.put(HOLDER_ID, c.holderId());
        el.put(ISSUER_NAME, c.issuerName());
        if (c.fileSha256() != null) {
            el.put(FILE_SHA256, c.fileSha256());
        }
        if (!c.extra().isEmpty()) {
            el.put(EXTRA, new LinkedHashMap<Object, Object>(c.extra()));
        }
        Map<Object, Object> cwt = new LinkedHashMap<>();
        cwt.put(1L, c.issuerCreditCode());
        cwt.put(6L, c.issuedAt().getEpochSecond());
        if (c.validFrom() != null) {
            cwt.put(5L, c.validFrom().getEpochSecond());
        }
        if (c.validUntil() != null) {
            cwt.put(4L, c.validUntil().getEpochSecond());
        }
        cwt.put(ELICENSE_CLAIM, el);
        if (c.statusListId() != null) {
            cwt.put(STATUS_CLAIM, Map.of("status_list", Map.of("idx", c.statusIndex(), "uri", c.statusListId())));
        }
        return Cbor.encode(cwt);
    }

    /** Signs and encodes the QR text. {@code alg} is ES256 or SM2_SM3. */
    public static String issue(ElicenseQrContent content, CoseAlgorithm alg, byte[] kid, PrivateKey key)
            throws GeneralSecurityException {
        if (alg == CoseAlgorithm.PS256) {
            throw new IllegalArgumentException("the offline e-license QR uses ES256 or SM2-with-SM3");
        }
        return encode(CoseSign1.sign(alg, kid, claims(content), key));
    }

    public static String encode(byte[] coseSign1) {
        return PREFIX + Base45.encode(Zlib.deflate(coseSign1));
    }
}
