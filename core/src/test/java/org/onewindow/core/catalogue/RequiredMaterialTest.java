package org.onewindow.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredMaterialTest {
    private final RequiredMaterial household = new RequiredMaterial("household", "居民户口簿", true, List.of(
            new EvidenceRule(EvidenceKind.E_LICENSE, "household-register", "户口簿电子证照"),
            new EvidenceRule(EvidenceKind.SCANNED_PAGE, "", "户口簿扫描件")));

    @Test
    void eLicenseOfTheNamedTypeSatisfiesButAnotherTypeDoesNot() {
        assertThat(household.satisfiedBy(EvidenceKind.E_LICENSE, "household-register")).isTrue();
        assertThat(household.satisfiedBy(EvidenceKind.E_LICENSE, "driving-license")).isFalse();
    }

    @Test
    void ruleWithoutTypeAcceptsAnyEvidenceOfItsKind() {
        assertThat(household.satisfiedBy(EvidenceKind.SCANNED_PAGE, "page-1")).isTrue();
        assertThat(household.satisfiedBy(EvidenceKind.DATA_SHARE, "household-register")).isFalse();
    }
}
