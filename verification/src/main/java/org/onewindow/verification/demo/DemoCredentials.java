package org.onewindow.verification.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.verify.CredentialIdentifier;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.cbor.Cbor;
import org.onewindow.verification.codec.Base45;
import org.onewindow.verification.codec.Zlib;
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.cose.CoseSign1;
import org.onewindow.verification.crypto.BouncyCastle;
import org.onewindow.verification.elicense.ElicenseQr;
import org.onewindow.verification.elicense.ElicenseQrContent;
import org.onewindow.verification.trust.Certificates;

/**
 * Demo issuers for the offline formats, so the demo (and tests) can show every format on the sandbox's
 * demo citizens: fresh keys are made, registered in the sandbox's trust list through its sandbox-only
 * admin endpoint, and used to issue HCERT, offline e-license (ES256 and SM2), SD-JWT VC and Claim 169
 * payloads. Never for production: the keys live in memory and the sandbox trusts whatever is registered.
 */
public final class DemoCredentials {
    public static final String ELICENSE_ISSUER_CODE = "11370100004260133A";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final KeyPair hcertKeys;
    private final X509Certificate hcertCert;
    private final KeyPair elicenseEs;
    private final KeyPair elicenseSm2;
    private final KeyPair claim169Keys;
    private final KeyPair jwtKeys;

    private DemoCredentials(Clock clock) throws GeneralSecurityException, OperatorCreationException {
        this.clock = clock;
        hcertKeys = ec("secp256r1", null);
        hcertCert = selfSigned(hcertKeys, "OneWindow demo DSC");
        elicenseEs = ec("secp256r1", null);
        elicenseSm2 = ec("sm2p256v1", BouncyCastle.PROVIDER.getName());
        claim169Keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        jwtKeys = ec("secp256r1", null);
    }

    /** Makes the demo issuers and registers their keys with the sandbox behind {@code sandbox}. */
    public static DemoCredentials registerWith(HttpHallServices sandbox, Clock clock) throws BackendException {
        DemoCredentials d;
        try {
            d = new DemoCredentials(clock);
            register(sandbox, Certificates.hcertKid(d.hcertCert), "Demo DSC (HCERT)", "CN", "hcert",
                    "certificate", d.hcertCert.getEncoded());
            register(sandbox, b64("demo-el-es256"), "济南市市场监督管理局 (demo ES256)", ELICENSE_ISSUER_CODE,
                    "onewindow-elicense", "publicKey", d.elicenseEs.getPublic().getEncoded());
            register(sandbox, b64("demo-el-sm2"), "济南市市场监督管理局 (demo SM2)", ELICENSE_ISSUER_CODE,
                    "onewindow-elicense", "publicKey", d.elicenseSm2.getPublic().getEncoded());
            register(sandbox, b64("demo-claim169"), "Demo ID authority (Claim 169)", "https://id.demo.onewindow",
                    "mosip-claim169", "publicKey", d.claim169Keys.getPublic().getEncoded());
            register(sandbox, "demo-sd-jwt", "山东省大数据局 (demo SD-JWT)", "https://vc.demo.onewindow",
                    "sd-jwt-vc", "publicKey", d.jwtKeys.getPublic().getEncoded());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make demo issuer keys", e);
        }
        return d;
    }

    private static void register(HttpHallServices sandbox, String kid, String name, String issuerId, String format,
                                 String keyField, byte[] der) throws BackendException {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("kid", kid).put("name", name).put("issuerId", issuerId)
                .put(keyField, Base64.getEncoder().encodeToString(der)).put("replace", true);
        body.putArray("formats").add(format);
        sandbox.callJson("POST", "/api/v1/sandbox/trust-list/issuers", body);
    }

    /** An HCERT vaccination certificate for the holder (Latin transliteration left to the demo: pinyin given). */
    public String hcertVaccination(String familyNamePinyin, String givenNamePinyin, IdCard holder) throws GeneralSecurityException {
        Instant now = clock.instant();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tg", "840539006");
        v.put("vp", "1119349007");
        v.put("mp", "EU/1/20/1528");
        v.put("ma", "ORG-100030215");
        v.put("dn", 2L);
        v.put("sd", 2L);
        v.put("dt", now.atZone(ZoneId.of("UTC")).toLocalDate().minusDays(30).toString());
        v.put("co", "CN");
        v.put("is", "OneWindow demo");
        v.put("ci", "URN:UVCI:01:CN:ONEWINDOW/DEMO/" + Math.abs(RANDOM.nextInt()) + "#D");
        Map<String, Object> nam = new LinkedHashMap<>();
        nam.put("fn", familyNamePinyin);
        nam.put("fnt", familyNamePinyin.toUpperCase().replaceAll("[^A-Z]", "<"));
        nam.put("gn", givenNamePinyin);
        nam.put("gnt", givenNamePinyin.toUpperCase().replaceAll("[^A-Z]", "<"));
        Map<String, Object> dgc = new LinkedHashMap<>();
        dgc.put("ver", "1.3.0");
        dgc.put("nam", nam);
        dgc.put("dob", holder.birthDate().toString());
        dgc.put("v", List.of(v));
        Map<Object, Object> cwt = new LinkedHashMap<>();
        cwt.put(1L, "CN");
        cwt.put(6L, now.minus(Duration.ofDays(1)).getEpochSecond());
        cwt.put(4L, now.plus(Duration.ofDays(365)).getEpochSecond());
        cwt.put(-260L, Map.of(1L, dgc));
        return "HC1:" + Base45.encode(Zlib.deflate(CoseSign1.sign(CoseAlgorithm.ES256,
                Certificates.hcertKidBytes(hcertCert), Cbor.encode(cwt), hcertKeys.getPrivate())));
    }

    /** An offline business-license QR for the holder, signed with ES256 or SM2-with-SM3. */
    public String offlineElicense(IdCard holder, CoseAlgorithm alg, String statusListId, long statusIndex)
            throws GeneralSecurityException {
        Instant now = clock.instant();
        String identifier = new CredentialIdentifier("02", ELICENSE_ISSUER_CODE, String.format("%08d", 9000 + statusIndex), "001")
                .toString();
        ElicenseQrContent content = new ElicenseQrContent(ELICENSE_ISSUER_CODE, identifier, "business-license", "营业执照",
                holder.displayName() + "的个体工商户", holder.idNumber(), "济南市市场监督管理局", now.minus(Duration.ofDays(1)),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), null, statusListId, statusIndex, Map.of());
        boolean sm2 = alg == CoseAlgorithm.SM2_SM3;
        return ElicenseQr.issue(content, alg, (sm2 ? "demo-el-sm2" : "demo-el-es256").getBytes(StandardCharsets.US_ASCII),
                sm2 ? elicenseSm2.getPrivate() : elicenseEs.getPrivate());
    }

    /** A Claim 169 identity QR (Ed25519, no kid: found by issuer). */
    public String claim169(IdCard holder) throws GeneralSecurityException {
        Map<Object, Object> id = new LinkedHashMap<>();
        id.put(1L, holder.idNumber());
        id.put(3L, "zho");
        id.put(4L, holder.displayName());
        id.put(8L, holder.birthDate().toString().replace("-", ""));
        id.put(9L, holder.sex() == org.onewindow.core.identity.Sex.FEMALE ? 2L : 1L);
        Map<Object, Object> cwt = new LinkedHashMap<>();
        cwt.put(1L, "https://id.demo.onewindow");
        cwt.put(6L, clock.instant().minus(Duration.ofDays(1)).getEpochSecond());
        cwt.put(169L, id);
        return Base45.encode(Zlib.deflate(CoseSign1.sign(CoseAlgorithm.EDDSA, null, Cbor.encode(cwt), claim169Keys.getPrivate())));
    }

    /** An SD-JWT VC residence certificate disclosing the holder's name and birth date. */
    public String sdJwtResidence(IdCard holder) throws GeneralSecurityException {
        String name = disclosure("name", holder.displayName());
        String birth = disclosure("birthdate", holder.birthDate().toString());
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("demo-sd-jwt")
                    .type(new JOSEObjectType("dc+sd-jwt")).build(),
                    new JWTClaimsSet.Builder().issuer("https://vc.demo.onewindow")
                            .issueTime(Date.from(clock.instant().minus(Duration.ofHours(1))))
                            .expirationTime(Date.from(clock.instant().plus(Duration.ofDays(365))))
                            .claim("vct", "urn:cn:onewindow:demo:residence-certificate").claim("_sd_alg", "sha-256")
                            .claim("_sd", List.of(sha256(name), sha256(birth))).claim("region", "济南市").build());
            jwt.sign(new ECDSASigner((ECPrivateKey) jwtKeys.getPrivate()));
            return jwt.serialize() + "~" + name + "~" + birth + "~";
        } catch (JOSEException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** The demo HCERT DSC (for IT's "import a certificate" path). */
    public X509Certificate hcertCertificate() {
        return hcertCert;
    }

    public PublicKey elicenseEs256Key() {
        return elicenseEs.getPublic();
    }

    private static String disclosure(String name, String value) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String json = JsonNodeFactory.instance.arrayNode().add(Base64.getUrlEncoder().withoutPadding().encodeToString(salt))
                .add(name).add(value).toString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String ascii) throws GeneralSecurityException {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(ascii.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static KeyPair ec(String curve, String provider) throws GeneralSecurityException {
        KeyPairGenerator g = provider == null ? KeyPairGenerator.getInstance("EC")
                : KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        g.initialize(new ECGenParameterSpec(curve), RANDOM);
        return g.generateKeyPair();
    }

    private X509Certificate selfSigned(KeyPair keys, String cn) throws GeneralSecurityException, OperatorCreationException {
        X500Name name = new X500Name("CN=" + cn + ",O=OneWindow demo,C=CN");
        Instant now = clock.instant();
        var holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.getEpochSecond()),
                Date.from(now.minus(Duration.ofDays(30))), Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
