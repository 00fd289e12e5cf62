package org.onewindow.core.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.core.catalogue.EvidenceKind;
import org.onewindow.core.catalogue.EvidenceRule;
import org.onewindow.core.catalogue.RequiredMaterial;
import org.onewindow.core.catalogue.ServiceItem;

class MaterialsChecklistTest {
    static final Instant T = Instant.parse("2026-11-29T02:00:00Z");
    static final ServiceItem ITEM = new ServiceItem("HJ-0001", "户口迁移", "HJ", List.of(
            new RequiredMaterial("id-card", "居民身份证", true, List.of(new EvidenceRule(EvidenceKind.ID_CARD, "", "读卡"))),
            new RequiredMaterial("hukou", "户口簿", true, List.of(
                    new EvidenceRule(EvidenceKind.E_LICENSE, "household-register", "户口簿电子证照"),
                    new EvidenceRule(EvidenceKind.SCANNED_PAGE, "household-register", "户口簿扫描件"))),
            new RequiredMaterial("photo", "照片", false, List.of(new EvidenceRule(EvidenceKind.SCANNED_PAGE, "photo", "照片")))));

    static MaterialEvidence evidence(EvidenceKind kind, String type) {
        return new MaterialEvidence(kind, type, "ref-" + kind, kind.name(), T);
    }

    @Test
    void evidenceTicksTheMaterialThatAcceptsIt() {
        MaterialsChecklist list = new MaterialsChecklist(ITEM);
        assertThat(list.offer(evidence(EvidenceKind.ID_CARD, ""))).get()
                .extracting(e -> e.material().code()).isEqualTo("id-card");
        assertThat(list.canFinish()).isFalse();
        assertThat(list.blockingFinish()).extracting(RequiredMaterial::code).containsExactly("hukou");
        list.offer(evidence(EvidenceKind.E_LICENSE, "household-register"));
        assertThat(list.canFinish()).isTrue();
        assertThat(list.entries().get(2).status()).isEqualTo(ChecklistEntry.Status.MISSING);
    }

    @Test
    void evidenceNobodyWantsTicksNothing() {
        MaterialsChecklist list = new MaterialsChecklist(ITEM);
        assertThat(list.offer(evidence(EvidenceKind.E_LICENSE, "driving-licence"))).isEmpty();
        assertThat(list.offer(evidence(EvidenceKind.DATA_SHARE, "household-register"))).isEmpty();
    }

    @Test
    void earlierEvidenceIsOfferedForReuseOnlyWhereAMaterialIsOpen() {
        MaterialsChecklist list = new MaterialsChecklist(ITEM);
        list.offer(evidence(EvidenceKind.ID_CARD, ""));
        MaterialEvidence hukou = evidence(EvidenceKind.E_LICENSE, "household-register");
        MaterialEvidence card = evidence(EvidenceKind.ID_CARD, "");
        assertThat(list.considerPrior(List.of(hukou, card))).containsExactly(hukou);
        assertThat(list.reuse(hukou)).get().extracting(ChecklistEntry::status).isEqualTo(ChecklistEntry.Status.REUSED);
        assertThat(list.canFinish()).isTrue();
        assertThat(list.reuse(hukou)).isEmpty();
    }

    @Test
    void aRequiredMaterialCanOnlyBeLeftOutWithAReason() {
        MaterialsChecklist list = new MaterialsChecklist(ITEM);
        list.offer(evidence(EvidenceKind.ID_CARD, ""));
        assertThatThrownBy(() -> list.waive("hukou", "  ")).isInstanceOf(IllegalArgumentException.class);
        ChecklistEntry waived = list.waive("hukou", "群众户口簿在外地，承诺三日内补交");
        assertThat(waived.status()).isEqualTo(ChecklistEntry.Status.WAIVED);
        assertThat(list.canFinish()).isTrue();
        assertThatThrownBy(() -> list.waive("id-card", "x")).isInstanceOf(IllegalStateException.class);
        // evidence arriving later still replaces the waiver
        list.offer(evidence(EvidenceKind.SCANNED_PAGE, "household-register"));
        assertThat(list.entries().get(1).status()).isEqualTo(ChecklistEntry.Status.SATISFIED);
    }
}
