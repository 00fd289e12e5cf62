package org.onewindow.devices.passport.sim;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import net.sf.scuba.data.Gender;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jmrtd.lds.LDSFile;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG2File;
import org.jmrtd.lds.icao.MRZInfo;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.jmrtd.lds.iso19794.FaceInfo;
import org.onewindow.core.demo.SyntheticFaces;
import org.onewindow.devices.passport.MrzLine2;

/**
 * A test passport's chip contents built with JMRTD's own file classes: EF.COM, DG1 (from an MRZInfo), DG2 (a
 * FaceImageInfo holding a generated JPEG face), and EF.SOD signed by a test document signer whose certificate a
 * test CSCA signed. Every key is generated afresh: nothing here is a real state's.
 *
 * <p>{@link #withTamperedDg1()} gives the same chip with a DG1 that no longer matches its SOD hash,
 * {@link #withForgedSodSignature()} one whose SOD signature does not verify with its certificate.
 */
public final class SyntheticPassport {
    private final String mrzLine2;
    private final X509Certificate csca;
    private final X509Certificate documentSigner;
    private final byte[] com;
    private final byte[] dg1;
    private final byte[] dg2;
    private final byte[] sod;
    private final byte[] faceJpeg;

    private SyntheticPassport(String mrzLine2, X509Certificate csca, X509Certificate documentSigner, byte[] com,
                              byte[] dg1, byte[] dg2, byte[] sod, byte[] faceJpeg) {
        this.mrzLine2 = mrzLine2;
        this.csca = csca;
        this.documentSigner = documentSigner;
        this.com = com;
        this.dg1 = dg1;
        this.dg2 = dg2;
        this.sod = sod;
        this.faceJpeg = faceJpeg;
    }

    /** The demo holder: ZHANG SAN, CHN, born 1990-03-07, passport E12345678 expiring 2031-01-01. */
    public static SyntheticPassport demo() {
        return create("P", "CHN", "ZHANG", "SAN", "E12345678", "CHN", "900307", 'M', "310101");
    }

    /**
     * @param dateOfBirth YYMMDD
     * @param dateOfExpiry YYMMDD
     */
    public static SyntheticPassport create(String documentCode, String issuingState, String surname,
                                           String givenNames, String documentNumber, String nationality,
                                           String dateOfBirth, char sex, String dateOfExpiry) {
        try {
            MRZInfo mrz = MRZInfo.createTD3MRZInfo(documentCode, issuingState, surname, givenNames, documentNumber,
                    nationality, dateOfBirth, sex == 'M' ? Gender.MALE : sex == 'F' ? Gender.FEMALE
                            : Gender.UNSPECIFIED, dateOfExpiry, "");
            byte[] dg1 = new DG1File(mrz).getEncoded();
            byte[] face = faceJpeg(faceKey(surname, givenNames, documentNumber));
            byte[] dg2 = dg2(face);
            byte[] com = new COMFile("1.7", "4.0.0", new int[] {LDSFile.EF_DG1_TAG, LDSFile.EF_DG2_TAG})
                    .getEncoded();

            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair cscaKeys = rsa.generateKeyPair();
            KeyPair dsKeys = rsa.generateKeyPair();
            String country = alpha2(issuingState);
            X500Name cscaName = new X500Name("C=" + country + ",O=OneWindow test,CN=Test CSCA");
            X509Certificate csca = certificate(cscaName, cscaName, cscaKeys.getPublic(), cscaKeys.getPrivate(), true);
            X509Certificate ds = certificate(cscaName, new X500Name("C=" + country
                    + ",O=OneWindow test,CN=Test Document Signer"), dsKeys.getPublic(), cscaKeys.getPrivate(), false);
            byte[] sod = sod(Map.of(1, dg1, 2, dg2), dsKeys.getPrivate(), ds);
            String line2 = MrzLine2.format(documentNumber, nationality, dateOfBirth, sex, dateOfExpiry, null);
            return new SyntheticPassport(line2, csca, ds, com, dg1, dg2, sod, face);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("building the test passport failed", e);
        }
    }

    /** The same chip (same keys, same SOD) with DG1 naming someone else: passive authentication must fail. */
    public SyntheticPassport withTamperedDg1() {
        MRZInfo original = new MRZInfo(new ByteArrayInputStream(dg1Contents()), dg1Contents().length);
        MRZInfo forged = MRZInfo.createTD3MRZInfo(original.getDocumentCode(), original.getIssuingState(), "MALLORY",
                "EVE", original.getDocumentNumber(), original.getNationality(), original.getDateOfBirth(),
                original.getGender(), original.getDateOfExpiry(), "");
        return new SyntheticPassport(mrzLine2, csca, documentSigner, com, new DG1File(forged).getEncoded(), dg2, sod,
                faceJpeg);
    }

    /**
     * The same chip with an EF.SOD that carries the genuine document signer certificate but was signed with
     * another key (a forger's): the hashes match, the signature does not.
     */
    public SyntheticPassport withForgedSodSignature() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            byte[] forged = sod(Map.of(1, dg1, 2, dg2), rsa.generateKeyPair().getPrivate(), documentSigner);
            return new SyntheticPassport(mrzLine2, csca, documentSigner, com, dg1, dg2, forged, faceJpeg);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] dg1Contents() {
        try {
            DG1File f = new DG1File(new ByteArrayInputStream(dg1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.getMRZInfo().writeObject(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String mrzLine2() {
        return mrzLine2;
    }

    public X509Certificate csca() {
        return csca;
    }

    public X509Certificate documentSigner() {
        return documentSigner;
    }

    /**
     * Whose invented face a synthetic passport carries: the demo's face camera plays the same person
     * ({@code DemoFaceCamera.clipOf(faceKey(...))}), so a face check against the chip's photo matches.
     */
    public static String faceKey(String surname, String givenNames, String documentNumber) {
        return surname + givenNames + documentNumber;
    }

    public byte[] faceJpeg() {
        return faceJpeg.clone();
    }

    /** The chip's elementary files by file identifier (EF.COM 011E, DG1 0101, DG2 0102, EF.SOD 011D). */
    public Map<Integer, byte[]> files() {
        Map<Integer, byte[]> files = new TreeMap<>();
        files.put(0x011E, com.clone());
        files.put(0x0101, dg1.clone());
        files.put(0x0102, dg2.clone());
        files.put(0x011D, sod.clone());
        return files;
    }

    /** ICAO's three-letter code (CHN) to the certificate's two-letter one (CN); UTO and the like stay "XX". */
    static String alpha2(String alpha3) {
        for (String two : java.util.Locale.getISOCountries()) {
            if (new java.util.Locale("", two).getISO3Country().equals(alpha3)) {
                return two;
            }
        }
        return "XX";
    }

    private static byte[] faceJpeg(String who) {
        BufferedImage photo = SyntheticFaces.idPhoto(SyntheticFaces.Traits.of(who));
        // the portrait at its rendered size (a chip's DG2 face is typically 15-25 kB): the demo's face check
        // compares it with the camera, and a thumbnail would lose the detail the engine needs
        BufferedImage small = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = small.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, small.getWidth(), small.getHeight(), null);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(small, "jpeg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] dg2(byte[] jpeg) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
            FaceImageInfo info = new FaceImageInfo(Gender.UNSPECIFIED, FaceImageInfo.EyeColor.UNSPECIFIED, 0,
                    FaceImageInfo.HAIR_COLOR_UNSPECIFIED, FaceImageInfo.EXPRESSION_UNSPECIFIED, new int[3],
                    new int[3], FaceImageInfo.FACE_IMAGE_TYPE_FULL_FRONTAL, FaceImageInfo.IMAGE_COLOR_SPACE_RGB24,
                    FaceImageInfo.SOURCE_TYPE_STATIC_PHOTO_DIGITAL_CAM, 0, 0, new FaceImageInfo.FeaturePoint[0],
                    img.getWidth(), img.getHeight(), new ByteArrayInputStream(jpeg), jpeg.length,
                    FaceImageInfo.IMAGE_DATA_TYPE_JPEG);
            return new DG2File(List.of(new FaceInfo(List.of(info)))).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sod(Map<Integer, byte[]> dataGroups, PrivateKey key, X509Certificate ds)
            throws GeneralSecurityException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        Map<Integer, byte[]> hashes = new TreeMap<>();
        dataGroups.forEach((n, bytes) -> hashes.put(n, sha256.digest(bytes)));
        return new SODFile("SHA-256", "SHA256withRSA", hashes, key, ds).getEncoded();
    }

    private static X509Certificate certificate(X500Name issuer, X500Name subject, PublicKey publicKey,
                                               PrivateKey signer, boolean ca)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), subject,
                publicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        } catch (org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException(e);
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }
}
