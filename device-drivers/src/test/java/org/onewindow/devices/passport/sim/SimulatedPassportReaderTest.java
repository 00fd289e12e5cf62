package org.onewindow.devices.passport.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.core.device.PassportData;
import org.onewindow.core.device.PassportException;
import org.onewindow.devices.passport.MrzLine2;

/** The demo's in-process reader answers like a chip: BAC with the right MRZ only, real passive authentication. */
class SimulatedPassportReaderTest {

    @Test
    void theRightMrzReadsTheDemoPassportWithAVerifiedChain() throws Exception {
        SimulatedPassportReader reader = SimulatedPassportReader.withDemoPassport();

        PassportData data = reader.read(MrzLine2.parse(reader.mrzLine2OnReader()));

        assertThat(data.fullName()).isEqualTo("ZHANG SAN");
        assertThat(data.documentNumber()).isEqualTo("E12345678");
        assertThat(data.dateOfBirth()).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(data.faceMimeType()).isEqualTo("image/jpeg");
        assertThat(data.faceImage()).isNotEmpty();
        assertThat(data.passiveAuthentication().chain()).isEqualTo(PassportData.ChainStatus.VERIFIED);
        assertThat(data.passiveAuthentication().checkedDataGroups()).contains(1, 2);
    }

    @Test
    void anotherPassportsMrzIsRefusedLikeBac() {
        SimulatedPassportReader reader = SimulatedPassportReader.withDemoPassport();
        SyntheticPassport other = SyntheticPassport.create("P", "CHN", "LI", "SI", "E87654321", "CHN", "850101", 'F', "300101");

        assertThatThrownBy(() -> reader.read(MrzLine2.parse(other.mrzLine2())))
                .isInstanceOfSatisfying(PassportException.class,
                        e -> assertThat(e.reason()).isEqualTo(PassportException.Reason.BAC_REFUSED));
    }

    @Test
    void aTamperedChipFailsPassiveAuthenticationAndAnEmptyReaderHasNoCard() {
        SyntheticPassport demo = SyntheticPassport.demo();
        SimulatedPassportReader reader = new SimulatedPassportReader(List.of(demo.csca()));
        reader.place(demo.withTamperedDg1());

        assertThatThrownBy(() -> reader.read(MrzLine2.parse(demo.mrzLine2())))
                .isInstanceOfSatisfying(PassportException.class,
                        e -> assertThat(e.reason()).isEqualTo(PassportException.Reason.PA_FAILED));

        reader.remove();
        assertThatThrownBy(() -> reader.read(MrzLine2.parse(demo.mrzLine2())))
                .isInstanceOfSatisfying(PassportException.class,
                        e -> assertThat(e.reason()).isEqualTo(PassportException.Reason.NO_CARD));
    }
}
