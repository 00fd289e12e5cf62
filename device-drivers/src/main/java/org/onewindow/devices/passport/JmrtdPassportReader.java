package org.onewindow.devices.passport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import net.sf.scuba.data.Gender;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.TerminalCardService;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.jmrtd.BACKey;
import org.jmrtd.PassportService;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG2File;
import org.jmrtd.lds.icao.MRZInfo;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.jmrtd.lds.iso19794.FaceInfo;
import org.onewindow.core.device.MrzAccessKey;
import org.onewindow.core.device.PassportData;
import org.onewindow.core.device.PassportException;
import org.onewindow.core.device.PassportException.Reason;
import org.onewindow.core.device.PassportReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an ICAO 9303 chip over PC/SC with JMRTD: scuba's {@link TerminalCardService} on a
 * {@code javax.smartcardio} terminal, JMRTD's {@link PassportService} on top. Basic Access Control with the MRZ
 * key, then EF.COM, EF.SOD, DG1 and DG2 under secure messaging, then passive authentication: the DG1 and DG2
 * hashes against EF.SOD, the SOD's CMS signature against the document signer certificate it carries, and, when
 * CSCA trust anchors are configured, that certificate's chain to one of them.
 *
 * <p>Not done: PACE, EAC (DG3/DG4), Active Authentication, Chip Authentication. See docs/passport.md.
 */
public final class JmrtdPassportReader implements PassportReader {
    public static final String CHAIN_NOT_CHECKED = "not checked: no CSCA list configured";

    private static final Logger LOG = LoggerFactory.getLogger(JmrtdPassportReader.class);

    private final String readerName;
    private final List<X509Certificate> cscaAnchors;

    /**
     * @param readerName the PC/SC reader to use (exact name or a part of it), or null for the first reader with
     *        a card in its field
     * @param cscaAnchors CSCA certificates to check the document signer against; empty: the chain is not checked
     */
    public JmrtdPassportReader(String readerName, List<X509Certificate> cscaAnchors) {
        this.readerName = readerName;
        this.cscaAnchors = List.copyOf(cscaAnchors);
    }

    @Override
    public String name() {
        return "PC/SC " + (readerName == null ? "(first reader with a card)" : readerName);
    }

    /** Reads CSCA certificates (PEM or DER, one or more per file). */
    public static List<X509Certificate> loadCertificates(InputStream in) throws GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        for (var c : cf.generateCertificates(in)) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    @Override
    public PassportData read(MrzAccessKey access) throws PassportException {
        Objects.requireNonNull(access, "access");
        CardTerminal terminal = pickTerminal();
        CardService cardService = new TerminalCardService(terminal);
        PassportService service = new PassportService(cardService, PassportService.NORMAL_MAX_TRANCEIVE_LENGTH,
                PassportService.DEFAULT_MAX_BLOCKSIZE, false, false);
        try {
            try {
                service.open();
            } catch (CardServiceException e) {
                throw failure(terminal, Reason.READ_FAILED, "cannot connect to the chip", e);
            }
            try {
                service.sendSelectApplet(false);
            } catch (CardServiceException e) {
                throw failure(terminal, Reason.READ_FAILED, "the chip has no eMRTD application (not a passport?)", e);
            }
            try {
                service.doBAC(new BACKey(access.documentNumber(), access.dateOfBirth(), access.dateOfExpiry()));
            } catch (CardServiceException e) {
                throw failure(terminal, Reason.BAC_REFUSED,
                        "the chip refused Basic Access Control: the MRZ does not match this document", e);
            }
            byte[] com = readFile(service, terminal, PassportService.EF_COM, "EF.COM");
            byte[] sod = readFile(service, terminal, PassportService.EF_SOD, "EF.SOD");
            byte[] dg1 = readFile(service, terminal, PassportService.EF_DG1, "DG1");
            byte[] dg2 = readFile(service, terminal, PassportService.EF_DG2, "DG2");
            return decode(com, sod, dg1, dg2);
        } finally {
            service.close();
        }
    }

    private CardTerminal pickTerminal() throws PassportException {
        List<CardTerminal> terminals;
        try {
            // a fresh factory per read: the default one keeps the PC/SC context of its first use, which is dead
            // for good if pcscd was not running then or has restarted since
            terminals = TerminalFactory.getInstance("PC/SC", null).terminals().list();
        } catch (CardException | GeneralSecurityException | RuntimeException e) {
            throw new PassportException(Reason.NO_READER,
                    "PC/SC service not available (on Linux install and start pcscd): " + rootMessage(e), e);
        }
        if (terminals.isEmpty()) {
            throw new PassportException(Reason.NO_READER, "no PC/SC reader connected");
        }
        List<CardTerminal> candidates = terminals;
        if (readerName != null) {
            candidates = terminals.stream().filter(t -> t.getName().equals(readerName)).toList();
            if (candidates.isEmpty()) {
                candidates = terminals.stream().filter(t -> t.getName().contains(readerName)).toList();
            }
            if (candidates.isEmpty()) {
                throw new PassportException(Reason.NO_READER, "no PC/SC reader named '" + readerName + "' (have: "
                        + terminals.stream().map(CardTerminal::getName).toList() + ")");
            }
        }
        for (CardTerminal t : candidates) {
            if (cardPresent(t)) {
                return t;
            }
        }
        throw new PassportException(Reason.NO_CARD, "no chip on " + (candidates.size() == 1
                ? "reader " + candidates.get(0).getName() : candidates.size() + " readers"));
    }

    private static boolean cardPresent(CardTerminal t) {
        try {
            return t.isCardPresent();
        } catch (CardException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] readFile(PassportService service, CardTerminal terminal, short fid, String label)
            throws PassportException {
        try (InputStream in = service.getInputStream(fid)) {
            return in.readAllBytes();
        } catch (CardServiceException | IOException | RuntimeException e) {
            throw failure(terminal, Reason.READ_FAILED, "reading " + label + " failed", e);
        }
    }

    /** A failure while the card may have left: a card no longer there is NO_CARD, whatever the symptom. */
    private static PassportException failure(CardTerminal terminal, Reason reason, String message, Throwable e) {
        if (!cardPresent(terminal)) {
            return new PassportException(Reason.NO_CARD, "the chip left the reader during the read ("
                    + message + ")", e);
        }
        LOG.debug("passport read failed: {}", message, e);
        return new PassportException(reason, message + ": " + rootMessage(e), e);
    }

    /** Parses the files and runs passive authentication. Public for tests on files without a chip. */
    public PassportData decode(byte[] com, byte[] sodBytes, byte[] dg1Bytes, byte[] dg2Bytes)
            throws PassportException {
        COMFile comFile;
        SODFile sod;
        DG1File dg1;
        DG2File dg2;
        try {
            comFile = new COMFile(new ByteArrayInputStream(com));
            sod = new SODFile(new ByteArrayInputStream(sodBytes));
            dg1 = new DG1File(new ByteArrayInputStream(dg1Bytes));
            dg2 = new DG2File(new ByteArrayInputStream(dg2Bytes));
        } catch (IOException | RuntimeException e) {
            throw new PassportException(Reason.READ_FAILED, "a chip file does not parse: " + rootMessage(e), e);
        }
        LOG.debug("EF.COM lists tags {}", Arrays.toString(comFile.getTagList()));
        PassportData.PassiveAuthentication pa = passiveAuthentication(sod, sodBytes,
                Map.of(1, dg1Bytes, 2, dg2Bytes));

        MRZInfo mrz = dg1.getMRZInfo();
        byte[] face = null;
        String mime = null;
        Optional<FaceImageInfo> first = dg2.getFaceInfos().stream().map(FaceInfo::getFaceImageInfos)
                .flatMap(List::stream).findFirst();
        if (first.isPresent()) {
            try (InputStream in = first.get().getImageInputStream()) {
                face = in.readAllBytes();
                mime = first.get().getMimeType();
            } catch (IOException e) {
                throw new PassportException(Reason.READ_FAILED, "DG2 face image does not read", e);
            }
        }
        return new PassportData(mrz.getDocumentCode().replace("<", ""), mrz.getDocumentNumber().replace("<", ""),
                mrz.getIssuingState().replace("<", ""), mrz.getPrimaryIdentifier().replace('<', ' ').trim(),
                String.join(" ", Arrays.stream(mrz.getSecondaryIdentifierComponents())
                        .filter(s -> !s.isBlank()).toList()).trim(),
                mrz.getNationality().replace("<", ""), mrzDate(mrz.getDateOfBirth(), true), sex(mrz.getGender()),
                mrzDate(mrz.getDateOfExpiry(), false), face, mime, pa);
    }

    private PassportData.PassiveAuthentication passiveAuthentication(SODFile sod, byte[] sodBytes,
                                                                     Map<Integer, byte[]> dataGroups)
            throws PassportException {
        Map<Integer, byte[]> expected = sod.getDataGroupHashes();
        List<Integer> checked = new ArrayList<>();
        try {
            MessageDigest digest = MessageDigest.getInstance(sod.getDigestAlgorithm());
            for (int dg : List.of(1, 2)) {
                byte[] want = expected.get(dg);
                if (want == null) {
                    throw new PassportException(Reason.PA_FAILED, "EF.SOD holds no hash for DG" + dg);
                }
                if (!MessageDigest.isEqual(want, digest.digest(dataGroups.get(dg)))) {
                    throw new PassportException(Reason.PA_FAILED,
                            "DG" + dg + " does not match its hash in EF.SOD: the chip data was altered");
                }
                checked.add(dg);
            }
        } catch (GeneralSecurityException e) {
            throw new PassportException(Reason.PA_FAILED, "EF.SOD digest algorithm unsupported: "
                    + sod.getDigestAlgorithm(), e);
        }

        X509Certificate ds = sod.getDocSigningCertificate();
        if (ds == null) {
            throw new PassportException(Reason.PA_FAILED, "EF.SOD carries no document signer certificate");
        }
        verifySignature(sodBytes, ds);
        String signer = ds.getSubjectX500Principal().getName();

        if (cscaAnchors.isEmpty()) {
            return new PassportData.PassiveAuthentication(checked, true, PassportData.ChainStatus.NOT_CHECKED, signer,
                    "data group hashes and SOD signature verified; CSCA chain " + CHAIN_NOT_CHECKED);
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate c : cscaAnchors) {
                anchors.add(new TrustAnchor(c, null));
            }
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(ds)), params);
        } catch (GeneralSecurityException e) {
            throw new PassportException(Reason.PA_FAILED,
                    "the document signer does not chain to a configured CSCA: " + rootMessage(e), e);
        }
        return new PassportData.PassiveAuthentication(checked, true, PassportData.ChainStatus.VERIFIED, signer,
                "data group hashes, SOD signature and CSCA chain verified");
    }

    /** Verifies the CMS SignedData inside EF.SOD (tag 0x77) with the document signer certificate. */
    private static void verifySignature(byte[] sodBytes, X509Certificate ds) throws PassportException {
        try {
            CMSSignedData signed = new CMSSignedData(unwrapTag77(sodBytes));
            List<SignerInformation> signers = new ArrayList<>(signed.getSignerInfos().getSigners());
            if (signers.size() != 1) {
                throw new PassportException(Reason.PA_FAILED, "EF.SOD has " + signers.size() + " signers, expected 1");
            }
            boolean ok = signers.get(0).verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build(ds));
            if (!ok) {
                throw new PassportException(Reason.PA_FAILED, "the EF.SOD signature does not verify");
            }
        } catch (CMSException | OperatorCreationException
                 | RuntimeException e) {
            throw new PassportException(Reason.PA_FAILED, "the EF.SOD signature does not verify: " + rootMessage(e),
                    e);
        }
    }

    static byte[] unwrapTag77(byte[] sod) {
        if (sod.length < 2 || (sod[0] & 0xFF) != 0x77) {
            throw new IllegalArgumentException("EF.SOD does not start with tag 77");
        }
        int i = 1;
        int len = sod[i++] & 0xFF;
        if (len > 0x80) {
            int n = len & 0x7F;
            len = 0;
            for (int k = 0; k < n; k++) {
                len = (len << 8) | (sod[i++] & 0xFF);
            }
        }
        return Arrays.copyOfRange(sod, i, i + len);
    }

    /** YYMMDD; birth dates are never in the future, expiry dates of a valid document rarely 50 years past. */
    static LocalDate mrzDate(String yymmdd, boolean birth) {
        if (yymmdd == null || !yymmdd.matches("\\d{6}")) {
            return null;
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int thisYear = LocalDate.now().getYear() % 100;
        int century = birth ? (yy > thisYear ? 1900 : 2000) : (yy >= 70 ? 1900 : 2000);
        try {
            return LocalDate.of(century + yy, Integer.parseInt(yymmdd.substring(2, 4)),
                    Integer.parseInt(yymmdd.substring(4, 6)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String sex(Gender g) {
        if (g == null) {
            return "X";
        }
        return switch (g) {
            case MALE -> "M";
            case FEMALE -> "F";
            default -> "X";
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
