package org.onewindow.devices.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.onewindow.core.device.MrzAccessKey;

class MrzLine2Test {
    /** ICAO 9303-4 Appendix A specimen (Utopia, ERIKSSON ANNA MARIA). */
    static final String SPECIMEN = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    @Test
    void parsesTheIcaoSpecimen() {
        MrzAccessKey key = MrzLine2.parse(SPECIMEN);
        assertThat(key.documentNumber()).isEqualTo("L898902C3");
        assertThat(key.dateOfBirth()).isEqualTo("740812");
        assertThat(key.dateOfExpiry()).isEqualTo("120415");
    }

    @Test
    void checkDigitsFollowIcao() {
        assertThat(MrzLine2.checkDigit("L898902C3")).isEqualTo('6');
        assertThat(MrzLine2.checkDigit("740812")).isEqualTo('2');
        assertThat(MrzLine2.checkDigit("120415")).isEqualTo('9');
        assertThat(MrzLine2.checkDigit("<<<<")).isEqualTo('0');
    }

    @Test
    void toleratesSpacesAndLowerCase() {
        assertThat(MrzLine2.parse(" " + SPECIMEN.substring(0, 20).toLowerCase() + " " + SPECIMEN.substring(20))
                .documentNumber()).isEqualTo("L898902C3");
    }

    @Test
    void rejectsAWrongDocumentNumberDigitNamingTheFieldNotTheValue() {
        String bad = SPECIMEN.substring(0, 9) + "7" + SPECIMEN.substring(10);
        assertThatThrownBy(() -> MrzLine2.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check digit for the document number")
                .hasMessageNotContaining("L898902C3");
    }

    @Test
    void rejectsWrongDateDigitsAndComposite() {
        assertThatThrownBy(() -> MrzLine2.parse(SPECIMEN.substring(0, 19) + "3" + SPECIMEN.substring(20)))
                .hasMessageContaining("date of birth");
        assertThatThrownBy(() -> MrzLine2.parse(SPECIMEN.substring(0, 27) + "0" + SPECIMEN.substring(28)))
                .hasMessageContaining("date of expiry");
        assertThatThrownBy(() -> MrzLine2.parse(SPECIMEN.substring(0, 43) + "9")).hasMessageContaining("composite");
    }

    @Test
    void rejectsWrongLengthAndCharacters() {
        assertThatThrownBy(() -> MrzLine2.parse(SPECIMEN.substring(1))).hasMessageContaining("44 characters");
        assertThatThrownBy(() -> MrzLine2.parse(SPECIMEN.replace('<', '-'))).hasMessageContaining("A-Z");
        assertThatThrownBy(() -> MrzLine2.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatRoundTrips() {
        String line = MrzLine2.format("E1234567", "CHN", "900307", 'M', "310101", null);
        assertThat(line).hasSize(44);
        MrzAccessKey key = MrzLine2.parse(line);
        assertThat(key.documentNumber()).isEqualTo("E1234567");
        assertThat(key.dateOfExpiry()).isEqualTo("310101");
    }
}
