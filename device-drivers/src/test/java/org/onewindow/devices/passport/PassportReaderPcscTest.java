package org.onewindow.devices.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.onewindow.core.device.MrzAccessKey;
import org.onewindow.core.device.PassportData;
import org.onewindow.core.device.PassportException;
import org.onewindow.core.device.PassportException.Reason;
import org.onewindow.devices.passport.sim.PassportChipEmulator;
import org.onewindow.devices.passport.sim.Pcscd;
import org.onewindow.devices.passport.sim.SyntheticPassport;

/**
 * The JMRTD reader through the real PC/SC stack: pcscd with vsmartcard's vpcd driver, our chip emulator as the
 * card, javax.smartcardio in between. pcscd is started here when it is not running (and stopped after); a
 * machine without pcscd or vpcd fails these tests with a message saying what to install.
 */
@Timeout(120)
class PassportReaderPcscTest {
    static final String READER = "Virtual PCD 00 00";

    static Pcscd pcscd;
    static SyntheticPassport passport;

    @BeforeAll
    static void startPcscd() {
        pcscd = Pcscd.ensureRunning(Duration.ofSeconds(20));
        passport = SyntheticPassport.demo();
    }

    @AfterAll
    static void stopPcscd() {
        if (pcscd != null) {
            pcscd.close();
        }
    }

    @Test
    void readsTheChipAndPassesPassiveAuthenticationWithoutCscaList() throws Exception {
        try (PassportChipEmulator chip = insert(passport)) {
            PassportData data = new JmrtdPassportReader(READER, List.of()).read(MrzLine2.parse(passport.mrzLine2()));
            assertThat(data.documentCode()).isEqualTo("P");
            assertThat(data.documentNumber()).isEqualTo("E12345678");
            assertThat(data.issuingState()).isEqualTo("CHN");
            assertThat(data.primaryIdentifier()).isEqualTo("ZHANG");
            assertThat(data.secondaryIdentifier()).isEqualTo("SAN");
            assertThat(data.nationality()).isEqualTo("CHN");
            assertThat(data.dateOfBirth()).isEqualTo(LocalDate.of(1990, 3, 7));
            assertThat(data.sex()).isEqualTo("M");
            assertThat(data.dateOfExpiry()).isEqualTo(LocalDate.of(2031, 1, 1));
            assertThat(data.faceMimeType()).isEqualTo("image/jpeg");
            assertThat(data.faceImage()).isEqualTo(passport.faceJpeg());
            assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(data.faceImage()))).isNotNull();
            PassportData.PassiveAuthentication pa = data.passiveAuthentication();
            assertThat(pa.checkedDataGroups()).containsExactly(1, 2);
            assertThat(pa.signatureValid()).isTrue();
            assertThat(pa.chain()).isEqualTo(PassportData.ChainStatus.NOT_CHECKED);
            assertThat(pa.detail()).contains("not checked: no CSCA list configured");
            assertThat(pa.passed()).isTrue();
            assertThat(chip.apduCount()).isGreaterThan(10);
            assertThat(data.toString()).doesNotContain("E12345678", "ZHANG");
        }
    }

    @Test
    void verifiesTheChainToAConfiguredCsca() throws Exception {
        try (PassportChipEmulator chip = insert(passport)) {
            PassportData data = new JmrtdPassportReader(READER, List.of(passport.csca()))
                    .read(MrzLine2.parse(passport.mrzLine2()));
            assertThat(data.passiveAuthentication().chain()).isEqualTo(PassportData.ChainStatus.VERIFIED);
            assertThat(data.passiveAuthentication().signer()).contains("Test Document Signer", "C=CN");
        }
    }

    @Test
    void aForeignCscaFailsPassiveAuthentication() throws Exception {
        SyntheticPassport other = SyntheticPassport.create("P", "UTO", "ERIKSSON", "ANNA MARIA", "L898902C3", "UTO",
                "740812", 'F', "320415");
        try (PassportChipEmulator chip = insert(passport)) {
            assertThatThrownBy(() -> new JmrtdPassportReader(READER, List.of(other.csca()))
                    .read(MrzLine2.parse(passport.mrzLine2())))
                    .isInstanceOfSatisfying(PassportException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.PA_FAILED))
                    .hasMessageContaining("does not chain to a configured CSCA");
        }
    }

    @Test
    void aWrongMrzIsRefusedByBac() throws Exception {
        MrzAccessKey wrong = MrzLine2.parse(MrzLine2.format("E12345678", "CHN", "900308", 'M', "310101", null));
        try (PassportChipEmulator chip = insert(passport)) {
            assertThatThrownBy(() -> new JmrtdPassportReader(READER, List.of()).read(wrong))
                    .isInstanceOfSatisfying(PassportException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.BAC_REFUSED))
                    .hasMessageContaining("Basic Access Control");
            // the chip is still there and opens with the right MRZ afterwards
            assertThat(new JmrtdPassportReader(READER, List.of()).read(MrzLine2.parse(passport.mrzLine2()))
                    .documentNumber()).isEqualTo("E12345678");
        }
    }

    @Test
    void aTamperedDataGroupFailsPassiveAuthentication() throws Exception {
        try (PassportChipEmulator chip = insert(passport.withTamperedDg1())) {
            assertThatThrownBy(() -> new JmrtdPassportReader(READER, List.of()).read(MrzLine2.parse(passport.mrzLine2())))
                    .isInstanceOfSatisfying(PassportException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.PA_FAILED))
                    .hasMessageContaining("DG1 does not match its hash in EF.SOD");
        }
    }

    @Test
    void aForgedSodSignatureFailsPassiveAuthentication() throws Exception {
        try (PassportChipEmulator chip = insert(passport.withForgedSodSignature())) {
            assertThatThrownBy(() -> new JmrtdPassportReader(READER, List.of()).read(MrzLine2.parse(passport.mrzLine2())))
                    .isInstanceOfSatisfying(PassportException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.PA_FAILED))
                    .hasMessageContaining("EF.SOD signature does not verify");
        }
    }

    @Test
    void aRemovedChipIsNoCard() throws Exception {
        PassportChipEmulator chip = insert(passport);
        chip.removeAndAwait(Duration.ofSeconds(15));
        assertThatThrownBy(() -> new JmrtdPassportReader(READER, List.of()).read(MrzLine2.parse(passport.mrzLine2())))
                .isInstanceOfSatisfying(PassportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_CARD))
                .hasMessageContaining("no chip");
    }

    @Test
    void anUnknownReaderNameIsNoReader() {
        assertThatThrownBy(() -> new JmrtdPassportReader("No Such Reader", List.of())
                .read(MrzLine2.parse(passport.mrzLine2())))
                .isInstanceOfSatisfying(PassportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_READER))
                .hasMessageContaining("Virtual PCD");
    }

    static PassportChipEmulator insert(SyntheticPassport p) throws Exception {
        return PassportChipEmulator.insertAndAwait(p, Duration.ofSeconds(15));
    }
}
