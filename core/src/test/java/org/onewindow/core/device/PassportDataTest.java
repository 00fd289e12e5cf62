package org.onewindow.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassportDataTest {

    @Test
    void toStringMasksNumberNamesAndBirthDate() {
        PassportData data = new PassportData("P", "E12345678", "CHN", "ZHANG", "SAN", "CHN",
                LocalDate.of(1990, 3, 7), "M", LocalDate.of(2031, 1, 1), new byte[] {1, 2, 3}, "image/jpeg",
                new PassportData.PassiveAuthentication(List.of(1, 2), true, PassportData.ChainStatus.NOT_CHECKED,
                        "CN=DS", "not checked: no CSCA list configured"));
        String s = data.toString();
        assertThat(s).doesNotContain("E12345678", "ZHANG", "SAN", "1990").contains("*******78", "Z****", "3 bytes");
        assertThat(data.fullName()).isEqualTo("ZHANG SAN");
        assertThat(data.passiveAuthentication().passed()).isTrue();
    }

    @Test
    void accessKeyMasksAndChecksDates() {
        assertThat(new MrzAccessKey("E12345678", "900307", "310101").toString()).doesNotContain("E12345678", "900307");
        assertThatThrownBy(() -> new MrzAccessKey("E1", "1990-3", "310101")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reasonsMapOntoSharedKinds() {
        assertThat(new PassportException(PassportException.Reason.BAC_REFUSED, "x").kind())
                .isEqualTo(DeviceException.Kind.AUTHENTICATION);
    }
}
