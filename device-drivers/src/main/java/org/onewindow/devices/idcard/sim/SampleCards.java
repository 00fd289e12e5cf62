package org.onewindow.devices.idcard.sim;

import java.time.LocalDate;
import java.util.List;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.identity.IdCardType;
import org.onewindow.core.identity.Sex;

/**
 * Sample cards of every type for the simulator: the people of {@link DemoCitizens} (the sandbox
 * back-end knows them) plus a 2017 foreign permanent resident card, a type the demo data set lacks.
 * All invented.
 */
public final class SampleCards {

    /** John Smith, 2017 foreign permanent resident ID card (15-character number: 3 letters, 12 digits). */
    public static final IdCard JOHN_SMITH_2017 = new IdCard(IdCardType.FOREIGN_PERMANENT_2017, "史密斯约翰",
            "SMITH, JOHN", Sex.MALE, null, LocalDate.of(1975, 4, 2), null, "USA370075040201", "1500",
            LocalDate.of(2018, 1, 15), LocalDate.of(2028, 1, 15), false, "USA", null, null, null, null);

    private SampleCards() {
    }

    /** One card of each type and both validity forms, demo citizens first. */
    public static List<IdCard> all() {
        return List.of(DemoCitizens.ZHANG_WEI, DemoCitizens.LI_NA, DemoCitizens.MA_XIULAN, DemoCitizens.ANNA_SCHMIDT,
                DemoCitizens.CHAN_KA_MING, JOHN_SMITH_2017);
    }

    /** The card as the chip holds it: with its (simulated) WLT photo block. */
    public static IdCard withPhoto(IdCard card) {
        return new IdCard(card.type(), card.name(), card.englishName(), card.sex(), card.nationCode(),
                card.birthDate(), card.address(), card.idNumber(), card.issuingAuthority(), card.validFrom(),
                card.validUntil(), card.longTerm(), card.nationality(), card.passNumber(), card.issueCount(),
                SimulatedPhotos.wltFor(card.idNumber()), null);
    }
}
