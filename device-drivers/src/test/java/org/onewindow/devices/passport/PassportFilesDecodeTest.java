package org.onewindow.devices.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.core.device.PassportData;
import org.onewindow.core.device.PassportException;
import org.onewindow.core.device.PassportException.Reason;
import org.onewindow.devices.passport.sim.SyntheticPassport;

/** Parsing and passive authentication on the chip files alone, without a reader. */
class PassportFilesDecodeTest {
    static SyntheticPassport passport;

    @BeforeAll
    static void build() {
        passport = SyntheticPassport.create("P", "UTO", "ERIKSSON", "ANNA MARIA", "L898902C3", "UTO", "740812", 'F',
                "320415");
    }

    static PassportData decode(SyntheticPassport p, List<java.security.cert.X509Certificate> anchors)
            throws PassportException {
        Map<Integer, byte[]> f = p.files();
        return new JmrtdPassportReader(null, anchors).decode(f.get(0x011E), f.get(0x011D), f.get(0x0101),
                f.get(0x0102));
    }

    @Test
    void decodesDg1AndDg2() throws Exception {
        PassportData data = decode(passport, List.of(passport.csca()));
        assertThat(data.documentNumber()).isEqualTo("L898902C3");
        assertThat(data.primaryIdentifier()).isEqualTo("ERIKSSON");
        assertThat(data.secondaryIdentifier()).isEqualTo("ANNA MARIA");
        assertThat(data.fullName()).isEqualTo("ERIKSSON ANNA MARIA");
        assertThat(data.sex()).isEqualTo("F");
        assertThat(data.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(data.dateOfExpiry()).isEqualTo(LocalDate.of(2032, 4, 15));
        assertThat(data.faceImage()).isEqualTo(passport.faceJpeg());
        assertThat(data.passiveAuthentication().chain()).isEqualTo(PassportData.ChainStatus.VERIFIED);
        assertThat(MrzLine2.parse(passport.mrzLine2()).documentNumber()).isEqualTo("L898902C3");
    }

    @Test
    void tamperedAndForgedFilesFail() {
        assertThatThrownBy(() -> decode(passport.withTamperedDg1(), List.of()))
                .isInstanceOfSatisfying(PassportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PA_FAILED))
                .hasMessageContaining("DG1");
        assertThatThrownBy(() -> decode(passport.withForgedSodSignature(), List.of()))
                .isInstanceOfSatisfying(PassportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PA_FAILED))
                .hasMessageContaining("signature");
    }

    @Test
    void garbageIsAReadFailure() {
        Map<Integer, byte[]> f = passport.files();
        assertThatThrownBy(() -> new JmrtdPassportReader(null, List.of()).decode(f.get(0x011E), new byte[] {1, 2, 3},
                f.get(0x0101), f.get(0x0102)))
                .isInstanceOfSatisfying(PassportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.READ_FAILED));
    }

    @Test
    void mrzDatesPickTheirCentury() {
        assertThat(JmrtdPassportReader.mrzDate("740812", true)).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(JmrtdPassportReader.mrzDate("050101", true)).isEqualTo(LocalDate.of(2005, 1, 1));
        assertThat(JmrtdPassportReader.mrzDate("320415", false)).isEqualTo(LocalDate.of(2032, 4, 15));
        assertThat(JmrtdPassportReader.mrzDate("991231", false)).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(JmrtdPassportReader.mrzDate("991399", false)).isNull();
    }
}
