package org.onewindow.devices.passport.sim;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.onewindow.core.device.MrzAccessKey;
import org.onewindow.core.device.PassportData;
import org.onewindow.core.device.PassportException;
import org.onewindow.core.device.PassportReader;
import org.onewindow.devices.passport.JmrtdPassportReader;
import org.onewindow.devices.passport.MrzLine2;

/**
 * The demo's passport reader, in-process (no pcscd): a {@link SyntheticPassport} lies on it or not. The access
 * key must be the passport's own (else BAC_REFUSED, as a chip would answer), and the files go through the real
 * decoding and passive authentication of {@link JmrtdPassportReader#decode}. The PC/SC path itself is tested
 * with {@link PassportChipEmulator} through pcscd and vpcd.
 */
public final class SimulatedPassportReader implements PassportReader {
    private final AtomicReference<SyntheticPassport> onReader = new AtomicReference<>();
    private final JmrtdPassportReader decoder;

    /** @param cscaAnchors CSCA certificates the passive authentication checks the document signer against */
    public SimulatedPassportReader(List<java.security.cert.X509Certificate> cscaAnchors) {
        this.decoder = new JmrtdPassportReader(null, cscaAnchors);
    }

    /** A reader with the demo passport on it, trusting the demo CSCA. */
    public static SimulatedPassportReader withDemoPassport() {
        SyntheticPassport demo = SyntheticPassport.demo();
        SimulatedPassportReader reader = new SimulatedPassportReader(List.of(demo.csca()));
        reader.place(demo);
        return reader;
    }

    public void place(SyntheticPassport passport) {
        onReader.set(passport);
    }

    public void remove() {
        onReader.set(null);
    }

    /** The MRZ line 2 of the passport on the reader, or null (the demo shows it as a hint). */
    public String mrzLine2OnReader() {
        SyntheticPassport p = onReader.get();
        return p == null ? null : p.mrzLine2();
    }

    @Override
    public PassportData read(MrzAccessKey access) throws PassportException {
        SyntheticPassport passport = onReader.get();
        if (passport == null) {
            throw new PassportException(PassportException.Reason.NO_CARD, "no passport on the simulated reader");
        }
        MrzAccessKey own = MrzLine2.parse(passport.mrzLine2());
        if (!own.documentNumber().equals(access.documentNumber()) || !own.dateOfBirth().equals(access.dateOfBirth())
                || !own.dateOfExpiry().equals(access.dateOfExpiry())) {
            throw new PassportException(PassportException.Reason.BAC_REFUSED,
                    "the chip refused Basic Access Control: the MRZ does not match this document");
        }
        Map<Integer, byte[]> files = passport.files();
        return decoder.decode(files.get(0x011E), files.get(0x011D), files.get(0x0101), files.get(0x0102));
    }

    @Override
    public String name() {
        return "simulated passport reader";
    }
}
