package org.onewindow.client.passport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.onewindow.client.app.I18n;
import org.onewindow.core.device.PassportData;
import org.onewindow.devices.passport.MrzLine2;
import org.onewindow.devices.passport.sim.SimulatedPassportReader;
import org.onewindow.devices.passport.sim.SyntheticPassport;

/** The passport window's state over the in-process reader (real MRZ parsing, decoding and passive authentication). */
class PassportViewModelTest {
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final List<PassportData> archived = new ArrayList<>();
    private final SimulatedPassportReader reader = SimulatedPassportReader.withDemoPassport();
    private final PassportViewModel vm = new PassportViewModel(reader, MrzLine2::parse, archived::add,
            Runnable::run, Runnable::run, i18n);

    @Test
    void aGoodReadShowsTheChipMasksTheNumberAndIsHandedOnForTheArchive() {
        vm.mrzLineProperty().set(reader.mrzLine2OnReader());

        vm.read();

        assertThat(vm.stateProperty().get()).isEqualTo(PassportViewModel.State.READ);
        assertThat(vm.nameProperty().get()).isEqualTo("ZHANG SAN");
        assertThat(vm.numberProperty().get()).doesNotContain("12345").endsWith("78");
        assertThat(vm.nationalityProperty().get()).isEqualTo("CHN · CHN");
        assertThat(vm.authenticityProperty().get()).startsWith("Authentic");
        assertThat(vm.faceProperty().get()).isNotEmpty();
        assertThat(archived).hasSize(1);
        assertThat(archived.get(0).documentNumber()).isEqualTo("E12345678");
    }

    @Test
    void aMistypedCheckDigitIsExplainedBeforeTheChipIsTouched() {
        String line = reader.mrzLine2OnReader();
        char wrong = line.charAt(9) == '0' ? '1' : '0'; // the document number's check digit
        vm.mrzLineProperty().set(line.substring(0, 9) + wrong + line.substring(10));

        vm.read();

        assertThat(vm.stateProperty().get()).isEqualTo(PassportViewModel.State.FAILED);
        assertThat(vm.statusProperty().get()).startsWith("The MRZ line is not valid");
        assertThat(archived).isEmpty();
    }

    @Test
    void anotherPassportsMrzAndAnEmptyReaderGiveTheirOwnMessagesAndArchiveNothing() {
        vm.mrzLineProperty().set(SyntheticPassport.create("P", "CHN", "LI", "SI", "E87654321", "CHN", "850101", 'F',
                "300101").mrzLine2());
        vm.read();
        assertThat(vm.statusProperty().get()).isEqualTo(i18n.get("passport.error.BAC_REFUSED"));

        String own = SyntheticPassport.demo().mrzLine2();
        reader.remove();
        vm.mrzLineProperty().set(own);
        vm.read();
        assertThat(vm.statusProperty().get()).isEqualTo(i18n.get("passport.error.NO_CARD"));
        assertThat(vm.nameProperty().get()).isEmpty();
        assertThat(archived).isEmpty();
    }

    @Test
    void clearForgetsTheChip() {
        vm.mrzLineProperty().set(reader.mrzLine2OnReader());
        vm.read();

        vm.clear();

        assertThat(vm.nameProperty().get()).isEmpty();
        assertThat(vm.faceProperty().get()).isNull();
        assertThat(vm.mrzLineProperty().get()).isEmpty();
    }
}
